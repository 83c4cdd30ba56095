/**
 * Writing model manifests from training scripts: hashes every file so the runtime loader
 * can verify it, and records data, licence, command and scores in one place.
 */
import { execSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelDataSource, ModelManifest } from '../../src/core/model/manifest.js';
import { sha256Hex } from '../../src/node/models.js';

/**
 * Where training scripts write models: the repo's `models/` folder, or `MARSAD_MODELS_OUT`
 * when set, so that `npm run check:models` can retrain into a scratch folder and compare the
 * result with what is committed without touching it.
 */
export function repoModelsDir(): string {
  return resolve(process.cwd(), process.env.MARSAD_MODELS_OUT || 'models');
}

/**
 * False in a `check:models` run (`MARSAD_MODELS_OUT` set): the script then writes its model
 * to the scratch folder only and leaves the repo's docs alone.
 */
export function writesRepo(): boolean {
  return !process.env.MARSAD_MODELS_OUT;
}

/** What a training script knows about the model it wrote. */
export interface ManifestInput {
  name: string;
  version: string;
  description: string;
  licence: string;
  data: ModelDataSource[];
  trainCommand: string;
  scores: Record<string, unknown>;
  /** File names inside `models/<name>/`. */
  files: string[];
}

/** Current git commit of the repo, or "uncommitted" outside git. */
export function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'uncommitted';
  }
}

/** Writes `models/<name>/manifest.json`, hashing each file. Returns the manifest. */
export function writeManifest(input: ManifestInput): ModelManifest {
  const dir = join(repoModelsDir(), input.name);
  const manifest: ModelManifest = {
    name: input.name,
    version: input.version,
    description: input.description,
    licence: input.licence,
    data: input.data,
    trainCommand: input.trainCommand,
    scores: input.scores,
    files: input.files.map((path) => {
      const full = join(dir, path);
      return { path, sha256: sha256Hex(readFileSync(full)), bytes: statSync(full).size };
    }),
    createdAt: new Date().toISOString(),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
