/**
 * `npm run check:models [-- NAME…]`: retrains each committed model with the command its
 * manifest records, into a scratch folder, and compares the files with the committed ones
 * by sha256. A model that does not come out of its own command at this code is a model
 * whose figures nobody can rebuild: twice, a change elsewhere (a normalizer word list, a
 * morphology rule) silently made the committed weights unreproducible, and a later retrain
 * then looked like a regression of the change being tested.
 *
 * Needs `../shared/data` like every training script (each says so when it is missing).
 * Exits 1 when a model differs or its training fails. Never writes under `models/`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelManifest } from '../src/core/model/manifest.js';
import { sha256Hex } from '../src/node/models.js';

/** What retraining one model gave. */
interface Check {
  name: string;
  status: 'reproduced' | 'differs' | 'failed' | 'skipped';
  detail: string;
  seconds: number;
}

const modelsDir = join(process.cwd(), 'models');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const names = readdirSync(modelsDir)
  .filter((n) => existsSync(join(modelsDir, n, 'manifest.json')))
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort();
for (const w of wanted) if (!names.includes(w)) throw new Error(`no committed model named ${w} (models: ${readdirSync(modelsDir).join(', ')})`);

/** The npm script and its arguments from a manifest's `trainCommand` (`npm run x -- --flag`). */
function npmCommand(trainCommand: string): string[] | undefined {
  const words = trainCommand.trim().split(/\s+/);
  return words[0] === 'npm' && words[1] === 'run' && words.length >= 3 ? words.slice(1) : undefined;
}

function check(name: string): Check {
  const manifest = JSON.parse(readFileSync(join(modelsDir, name, 'manifest.json'), 'utf8')) as ModelManifest;
  const command = npmCommand(manifest.trainCommand);
  if (!command) return { name, status: 'skipped', detail: `train command is not an npm script: ${manifest.trainCommand}`, seconds: 0 };
  const out = mkdtempSync(join(tmpdir(), `marsad-check-${name}-`));
  const t0 = performance.now();
  try {
    console.log(`== ${name}: ${manifest.trainCommand}`);
    const run = spawnSync('npm', command, { env: { ...process.env, MARSAD_MODELS_OUT: out }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    const seconds = (performance.now() - t0) / 1000;
    if (run.status !== 0) {
      const tail = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-5).join('\n');
      return { name, status: 'failed', detail: `${run.signal ? `killed by ${run.signal}` : `exit ${run.status}`}:\n${tail}`, seconds };
    }
    const differing: string[] = [];
    for (const f of manifest.files) {
      const fresh = join(out, name, f.path);
      if (!existsSync(fresh)) differing.push(`${f.path} (not written)`);
      else if (sha256Hex(readFileSync(fresh)) !== f.sha256) differing.push(f.path);
    }
    return differing.length === 0
      ? { name, status: 'reproduced', detail: `all ${manifest.files.length} files byte-identical`, seconds }
      : { name, status: 'differs', detail: `differs: ${differing.join(', ')}`, seconds };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const results: Check[] = [];
for (const name of names) {
  const r = check(name);
  results.push(r);
  console.log(`${r.status.padEnd(10)} ${name} (${r.seconds.toFixed(0)} s): ${r.detail}`);
}
console.log('\nsummary:');
for (const r of results) console.log(`  ${r.name.padEnd(10)} ${r.status}`);
if (results.some((r) => r.status === 'differs' || r.status === 'failed')) process.exitCode = 1;
