/**
 * `npm run eval:seed`: the "must show" checks of the article-understanding issue on the
 * seed article (`../shared/seed/000_66da53df7ae971d4.txt`, published 2015-07-16), printed
 * as PASS/FAIL lines. Exits 1 when a check fails, 2 when the seed is missing.
 *
 * The article is read from ../shared and never copied into the repository. With
 * `--no-known-people` the linker runs without the actor dictionary's list of people.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnalyzedDocument, Entity } from '../../src/core/document.js';
import { normalize } from '../../src/core/text/normalize.js';
import { createGazetteerNerStage } from '../../src/core/entities/gazetteer.js';
import { createLinkStage } from '../../src/core/entities/link.js';
import { LINKING_LEXICON_FILE, loadLinkingLexicon, type LinkingLexicon } from '../../src/core/entities/link-lexicon.js';
import { createPipeline, type Pipeline } from '../../src/core/pipeline.js';
import { loadAnalyzer } from '../../src/node/analyzer.js';
import { loadModel } from '../../src/node/models.js';

const seedPath = resolve(process.env.MARSAD_SEED ?? join(process.cwd(), '..', 'shared', 'seed', '000_66da53df7ae971d4.txt'));
if (!existsSync(seedPath)) {
  console.error(`Seed missing: ${seedPath} does not exist. Set MARSAD_SEED or check out ../shared.`);
  process.exit(2);
}

const warnings: string[] = [];
const loaded = loadAnalyzer({ warn: (m) => warnings.push(m) });
// --no-known-people: link without the actor dictionary's people, to show that titles,
// appositions and patterns alone find the three people.
const noKnownPeople = process.argv.includes('--no-known-people');
const analyzer = noKnownPeople ? withoutKnownPeople(loaded) : loaded;

function withoutKnownPeople(pipeline: Pipeline): Pipeline {
  const full = loadLinkingLexicon(loadModel('linking').files.get(LINKING_LEXICON_FILE) ?? new Uint8Array());
  const lexicon: LinkingLexicon = { ...full, personPhrases: new Map(), personCountry: new Map() };
  const stages = pipeline.stages.map((st) => (st.name === 'link' ? createLinkStage({ lexicon }) : st.name === 'ner' && warnings.some((w) => w.includes('no NER model')) ? createGazetteerNerStage(lexicon) : st));
  return createPipeline(stages);
}
const doc: AnalyzedDocument = analyzer.analyze(readFileSync(seedPath, 'utf8'), { date: '2015-07-16' });
const entities = doc.entities ?? [];
const quotes = doc.quotes ?? [];
const events = doc.events ?? [];

console.log(`stages: ${analyzer.stages.map((s) => s.name).join(' → ')}${noKnownPeople ? ' (linking without the known-people list)' : ''}`);
for (const w of warnings) console.log(`note: ${w}`);

let failures = 0;
function check(label: string, ok: boolean, detail: string): void {
  if (!ok) failures++;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${label} — ${detail}`);
}

const find = (type: string, name: string): Entity | undefined => entities.find((e) => e.type === type && e.name === normalize(name));
const roleText = (e: Entity | undefined): string => (e?.roles ?? []).map((r) => `${r.title}${r.country ? ' / ' + r.country : ''}`).join('; ') || 'no role';

function person(name: string, minMentions: number, titleWord: RegExp, country: string): Entity | undefined {
  const e = find('PER', name);
  const ok = e !== undefined && e.mentions.length >= minMentions && (e.roles ?? []).some((r) => titleWord.test(r.title) && r.country === normalize(country));
  check(`PER ${name}`, ok, e ? `${e.mentions.length} mentions (≥ ${minMentions}), ${roleText(e)}` : 'not found');
  return e;
}

const jaafari = person('إبراهيم الجعفري', 3, /وزير/u, 'العراق');
const lavrov = person('سيرجي لافروف', 4, /وزير/u, 'روسيا');
const hadithi = person('سعد الحديثي', 3, /متحدث|ناطق/u, 'العراق');
for (const name of ['العراق', 'روسيا']) {
  const e = find('LOC', name);
  check(`LOC ${name}`, (e?.mentions.length ?? 0) >= 6, e ? `${e.mentions.length} mentions (≥ 6), ${e.mentions.filter((m) => m.via === 'nisba').length} by nationality adjective` : 'not found');
}

const by = (e: Entity | undefined) => quotes.filter((q) => e !== undefined && q.speaker === e.id);
check('quotes', quotes.length >= 8, `${quotes.length} quotes (≥ 8)`);
const lq = by(lavrov);
check('quotes by Lavrov', lq.length === 5 && lq.some((q) => q.kind === 'direct'), `${lq.length} (5 expected), ${lq.filter((q) => q.kind === 'direct').length} direct`);
const hq = by(hadithi);
check(
  'quotes by al-Hadithi',
  hq.length >= 3,
  `${hq.length} (≥ 3): ${hq.map((q) => q.cue).join(', ')}` + (hq.length > 3 ? ' — the participle clause مشيرا إلى أنه is counted as its own quote' : ''),
);
const others = quotes.filter((q) => q.speaker !== lavrov?.id && q.speaker !== hadithi?.id);
check('no quote with another speaker', others.length === 0, others.length === 0 ? 'all speakers are Lavrov or al-Hadithi' : others.map((q) => `${q.speakerText ?? q.speaker}: ${q.cue}`).join('; '));

const has = (ev: (typeof events)[number], role: string, e: Entity | undefined): boolean => e !== undefined && ev.participants.some((p) => p.role === role && p.entity === e.id);
const russia = find('LOC', 'روسيا');
const visit = events.find((ev) => ev.type === 'VISIT' && has(ev, 'actor', jaafari) && (has(ev, 'target', russia) || has(ev, 'place', russia)));
check('VISIT al-Jaafari → Russia', visit !== undefined, visit ? `«${visit.trigger.text}», cameo ${visit.cameo}, time ${visit.time?.text ?? '-'} = ${visit.time?.date ?? '-'}` : 'not found');
check('VISIT time resolved', visit?.time?.date === '2015-07-15', `مساء أمس الأربعاء with --date 2015-07-16 → ${visit?.time?.date ?? 'none'} (2015-07-15 expected)`);
const meet = events.find(
  (ev) => ev.type === 'MEET' && ((has(ev, 'actor', jaafari) && (has(ev, 'target', lavrov) || has(ev, 'actor', lavrov))) || (has(ev, 'actor', lavrov) && has(ev, 'target', jaafari))),
);
check('MEET al-Jaafari with Lavrov', meet !== undefined, meet ? `«${meet.trigger.text}», cameo ${meet.cameo}, time ${meet.time?.date ?? meet.time?.text ?? '-'}` : 'not found');
const expected = events.find((ev) => ev.type === 'AGREEMENT' && ev.modality === 'expected');
check('expected AGREEMENT', expected !== undefined, expected ? `«${expected.trigger.text}» (cameo ${expected.cameo})` : 'not found');
const [topTopic] = doc.topics ?? [];
check('top topic politics', topTopic?.label === 'politics', topTopic ? `${topTopic.label} ${topTopic.score.toFixed(2)}` : 'no topics');

console.log(`\n${failures === 0 ? 'all checks pass' : `${failures} check(s) fail`}`);
process.exit(failures === 0 ? 0 : 1);
