/**
 * Re-scores the committed topics model on ANT fold 9 through the runtime path, runs it on
 * the seed article, checks the figures against the model's manifest and rewrites
 * docs/TOPICS.md (the fold-8 grid comes from the manifest, where training recorded it).
 *
 *   npm run eval:topics
 */
import { readFileSync } from 'node:fs';
import { loadModel } from '../../src/node/models.js';
import { TOPICS_FILES } from '../../src/core/discourse/topics.js';
import { decodeTopicModel } from '../../src/core/discourse/topic-model.js';
import type { ThemeLexiconFile } from '../../src/core/discourse/themes.js';
import { readAnt } from '../lib/data.js';
import { docSetting, evaluateTopicModel, writeTopicsDoc } from './report.js';
import { seedCheck } from './seed.js';

const loaded = loadModel('topics');
const classifier = decodeTopicModel(loaded.files.get(TOPICS_FILES.classifier) as Uint8Array);
const lexicon = JSON.parse(new TextDecoder().decode(loaded.files.get(TOPICS_FILES.themes))) as ThemeLexiconFile;
const e = evaluateTopicModel(classifier, readAnt());
const pct = (x: number): string => (x * 100).toFixed(2);
for (const corpus of ['multisource', 'jawharafm'] as const) {
  const s = e[corpus];
  console.log(`${corpus} fold 9: n ${s.n}, accuracy ${pct(s.accuracy)}%, macro-F1 ${pct(s.macroF1)}`);
  const labels = Object.keys(s.confusion);
  console.log(`  gold\\pred ${labels.map((l) => l.slice(0, 6).padStart(7)).join('')}`);
  for (const g of labels) if (s.perLabel[g].support > 0) console.log(`  ${g.padEnd(9)} ${labels.map((p) => String(s.confusion[g][p]).padStart(7)).join('')}`);
}
for (const [k, dist] of Object.entries(e.unmapped)) console.log(`${k} (left out) → ${JSON.stringify(dist)}`);
const seed = seedCheck(classifier, lexicon);
console.log(`seed topics: ${seed.topics.map((t) => `${t.label} ${t.score}`).join(', ')}`);
console.log(`seed themes: ${seed.themes.map((t) => `${t.label} ${t.score}`).join(', ')}`);

interface RecordedScores {
  fold9: Record<string, { accuracy: number }>;
  setting: { bigrams: boolean; minDf: number; l2: number; classWeight: number; epochs: number; temperature: number; features: number };
  fold8Grid?: string[];
}
const manifest = JSON.parse(readFileSync('models/topics/manifest.json', 'utf8')) as { scores: RecordedScores; files: { path: string; bytes: number }[] };
const recorded = manifest.scores.fold9;
const drift = (['multisource', 'jawharafm'] as const).filter((c) => Math.abs(recorded[c].accuracy - Number(e[c].accuracy.toFixed(4))) > 1e-4);
if (drift.length > 0) {
  console.error(`Fold-9 accuracy differs from the manifest for ${drift.join(', ')}: retrain with npm run train:topics.`);
  process.exit(1);
}
console.log('matches models/topics/manifest.json');
const setting = manifest.scores.setting;
writeTopicsDoc(e, {
  command: 'npm run train:topics',
  setting: docSetting(setting, setting.temperature),
  features: setting.features,
  bytes: manifest.files.find((f) => f.path === TOPICS_FILES.classifier)?.bytes ?? 0,
  themes: lexicon,
  seed,
  grid: manifest.scores.fold8Grid,
});
console.log('wrote docs/TOPICS.md');
