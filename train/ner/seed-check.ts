/**
 * `tsx train/ner/seed-check.ts [FILE]`: runs the NER stage on the seed article
 * (`../shared/seed/000_66da53df7ae971d4.txt` by default) after the stages it runs after in
 * the analyzer (tokenizer, repair of glued words, sentences, morphology), and checks the names
 * the issue lists: إبراهيم الجعفرى, سيرجى لافروف, سعد الحديثى → PER; العراق, روسيا (also inside
 * the glued روسياوالعراق / العراقوروسيا) → LOC; سبوتنيك → ORG. Prints every mention and
 * PASS/FAIL per check; exits 1 on a failure.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { recognizeMentions } from '../../src/core/entities/recognize.js';
import { NerTagger } from '../../src/core/entities/tagger.js';
import { loadAnalyzer } from '../../src/node/analyzer.js';
import { loadNer } from '../../src/node/ner.js';

const path = process.argv[2] ?? resolve(process.cwd(), '..', 'shared', 'seed', '000_66da53df7ae971d4.txt');
const text = readFileSync(path, 'utf8');
const tagger = new NerTagger(loadNer());
// The stages before NER, as the analyzer runs them; NER itself is run below to get its mentions.
const doc = loadAnalyzer({ only: ['tokenize', 'repair', 'sentences', 'morphology'] }).analyze(text);
const tokens = doc.tokens ?? [];
const sentences = doc.sentences ?? [];
const splits = (doc.repairs ?? []).length;
const mentions = recognizeMentions(tagger, text, tokens, sentences);
console.log(`${tokens.length} tokens, ${sentences.length} sentences, ${splits} repairs of glued words`);
for (const m of mentions) console.log(`${m.type.padEnd(4)} ${m.name}  [${m.start}, ${m.end}) «${m.text}»`);

const checks: [string, string, (m: (typeof mentions)[number]) => boolean][] = [
  ['PER', 'إبراهيم الجعفرى', (m) => m.text === 'إبراهيم الجعفرى'],
  ['PER', 'سيرجى لافروف', (m) => m.text === 'سيرجى لافروف'],
  ['PER', 'سعد الحديثى', (m) => m.text === 'سعد الحديثى'],
  ['LOC', 'العراق', (m) => m.name === 'العراق'],
  ['LOC', 'روسيا', (m) => m.name === 'روسيا'],
  ['ORG', 'سبوتنيك', (m) => m.name === 'سبوتنيك'],
];
let failed = 0;
for (const [type, what, test] of checks) {
  const ok = mentions.some((m) => m.type === type && test(m));
  if (!ok) failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${what} → ${type}`);
}
// Inside glued words: every روسيا/العراق occurrence inside روسياوالعراق / العراقوروسيا.
for (const glued of ['روسياوالعراق', 'العراقوروسيا']) {
  for (let at = text.indexOf(glued); at >= 0; at = text.indexOf(glued, at + 1)) {
    const inside = mentions.filter((m) => m.start >= at && m.end <= at + glued.length && m.type === 'LOC').map((m) => m.text);
    const ok = inside.includes('روسيا') && inside.includes('العراق');
    if (!ok) failed++;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${glued} at ${at} → LOC ${inside.join(' + ') || '(none)'}`);
  }
}
console.log(failed === 0 ? 'all seed checks pass' : `${failed} seed check(s) failed`);
process.exit(failed === 0 ? 0 : 1);
