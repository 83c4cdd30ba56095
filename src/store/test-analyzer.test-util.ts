/**
 * A small, deterministic analyzer for the corpus tests, so that store, ingest and API tests
 * do not depend on trained models. It produces every layer the store keeps, from rules on
 * a few words the test articles use: tokens (with `normalize`), a glued-word repair, a
 * gazetteer NER with surname mentions and roles, direct quotes after `قال`, visit events
 * and a topic. It is not a model of Arabic: it is just enough for the tests to check that
 * whatever the analysis carries is stored, linked and searchable.
 */
import type { AnalyzedDocument, Entity, EntityType, NewsEvent, Quote, Token, TokenKind } from '../core/document.js';
import type { Pipeline, Stage } from '../core/pipeline.js';
import { createPipeline } from '../core/pipeline.js';
import { normalize } from '../core/text/normalize.js';

const TOKEN = /[\p{L}\p{M}\u0640]+|\p{N}+(?:[.,]\p{N}+)*|["«»“”]|[^\s\p{L}\p{M}\p{N}]/gu;

function kindOf(s: string): TokenKind {
  if (/^\p{N}/u.test(s)) return 'number';
  if (/^["«»“”]$/u.test(s)) return 'quote';
  if (/^[\p{L}\p{M}]/u.test(s)) return 'word';
  return 'punct';
}

/** Tokenize: letters+marks, numbers, single punctuation; `norm` from `normalize`. */
export function testTokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    tokens.push({ start, end: start + m[0].length, text: m[0], norm: normalize(m[0]), kind: kindOf(m[0]) });
  }
  return tokens;
}

/** Words the test repair knows can be glued to a following `وال…` word. */
const GLUE_LEFT = new Set(['روسيا', 'العراق', 'مصر']);

const tokenizeStage: Stage = {
  name: 'tokenize',
  needs: [],
  adds: ['tokens'],
  run(doc) {
    doc.tokens = testTokenize(doc.text);
  },
};

const repairStage: Stage = {
  name: 'repair',
  needs: ['tokens'],
  adds: ['repairs'],
  run(doc) {
    const out: Token[] = [];
    doc.repairs = [];
    for (const t of doc.tokens ?? []) {
      const i = t.norm.indexOf('وال', 3);
      const left = i > 0 ? t.norm.slice(0, i) : '';
      if (t.kind === 'word' && GLUE_LEFT.has(left) && t.norm.length - i >= 5 && t.text.length === t.norm.length) {
        const a = t.text.slice(0, i);
        const b = t.text.slice(i);
        out.push({ ...t, end: t.start + i, text: a, norm: normalize(a) }, { ...t, start: t.start + i, text: b, norm: normalize(b) });
        doc.repairs.push({ start: t.start, end: t.end, original: t.text, replacement: `${a} ${b}`, kind: 'split' });
      } else out.push(t);
    }
    doc.tokens = out;
  },
};

/** Gazetteer: normalized name → type, with optional roles by preceding title words. */
const GAZETTEER: [string, EntityType][] = [
  ['سيرجي لافروف', 'PER'],
  ['سيرغي لافروف', 'PER'],
  ['ابراهيم الجعفري', 'PER'],
  ['العراق', 'LOC'],
  ['روسيا', 'LOC'],
  ['مصر', 'LOC'],
  ['الامم المتحدة', 'ORG'],
];
const SURNAMES = new Map([
  ['لافروف', 'PER'],
  ['الجعفري', 'PER'],
]);

function bare(norm: string): string {
  // Drop one proclitic before the article, as the search terms do (والعراق → العراق).
  if (norm.startsWith('لل')) return `ال${norm.slice(2)}`;
  return /^[وفبل]ال/u.test(norm) ? norm.slice(1) : norm;
}

const nerStage: Stage = {
  name: 'ner',
  needs: ['tokens'],
  adds: ['entities'],
  run(doc) {
    const tokens = (doc.tokens ?? []).filter((t) => t.kind === 'word');
    const entities: Entity[] = [];
    const byName = new Map<string, Entity>();
    const add = (name: string, type: EntityType, start: number, end: number, via?: 'surname'): void => {
      let e = byName.get(name);
      if (!e) {
        e = { id: `e${entities.length + 1}`, type, name, mentions: [] };
        entities.push(e);
        byName.set(name, e);
      }
      e.mentions.push({ start, end, text: doc.text.slice(start, end), ...(via ? { via } : {}) });
    };
    for (let i = 0; i < tokens.length; i++) {
      const two = i + 1 < tokens.length ? `${bare(tokens[i].norm)} ${tokens[i + 1].norm}` : '';
      const hit2 = GAZETTEER.find(([n]) => n === two);
      if (hit2) {
        add(hit2[0], hit2[1], tokens[i].start, tokens[i + 1].end);
        if (i > 0 && tokens[i - 1].norm === 'الوزير') byName.get(hit2[0])!.roles = [{ title: 'وزير' }];
        i++;
        continue;
      }
      const one = bare(tokens[i].norm);
      const hit1 = GAZETTEER.find(([n]) => n === one);
      if (hit1) {
        add(hit1[0], hit1[1], tokens[i].start, tokens[i].end);
        continue;
      }
      if (SURNAMES.has(one)) {
        const full = entities.find((e) => e.type === 'PER' && e.name.endsWith(` ${one}`));
        if (full) full.mentions.push({ start: tokens[i].start, end: tokens[i].end, text: tokens[i].text, via: 'surname' });
        else add(one, 'PER', tokens[i].start, tokens[i].end);
      }
    }
    doc.entities = entities;
  },
};

const quotesStage: Stage = {
  name: 'quotes',
  needs: ['entities'],
  adds: ['quotes'],
  run(doc) {
    const quotes: Quote[] = [];
    for (const m of doc.text.matchAll(/(?:وقال|قال)\s+([^:"]+?)\s*:\s*"([^"]+)"/gu)) {
      const qStart = (m.index ?? 0) + m[0].indexOf('"') + 1;
      const qEnd = qStart + m[2].length;
      const speakerStart = (m.index ?? 0) + m[0].indexOf(m[1]);
      const speaker = (doc.entities ?? []).find((e) => e.type === 'PER' && e.mentions.some((x) => x.start >= speakerStart && x.end <= speakerStart + m[1].length));
      quotes.push({ start: qStart, end: qEnd, text: m[2], speaker: speaker?.id ?? null, speakerText: m[1], cue: m[0].startsWith('و') ? 'وقال' : 'قال', kind: 'direct' });
    }
    doc.quotes = quotes;
  },
};

const eventsStage: Stage = {
  name: 'events',
  needs: ['entities'],
  adds: ['events'],
  run(doc) {
    const events: NewsEvent[] = [];
    const per = (doc.entities ?? []).find((e) => e.type === 'PER');
    const loc = (doc.entities ?? []).find((e) => e.type === 'LOC');
    for (const t of doc.tokens ?? []) {
      if (!/^(?:زار|زيارة|يزور)$/u.test(bare(t.norm).replace(/^ال/u, ''))) continue;
      events.push({
        type: 'visit',
        cameo: '042',
        trigger: { start: t.start, end: t.end, text: t.text },
        participants: [...(per ? [{ entity: per.id, role: 'actor' as const }] : []), ...(loc ? [{ entity: loc.id, role: 'target' as const }] : [])],
        time: null,
        sentence: 0,
      });
    }
    doc.events = events;
  },
};

const topicsStage: Stage = {
  name: 'topics',
  needs: ['tokens'],
  adds: ['topics'],
  run(doc) {
    const words = new Set((doc.tokens ?? []).map((t) => t.norm));
    const politics = ['وزير', 'الوزير', 'الخارجية', 'محادثات', 'للازمة'].filter((w) => words.has(w)).length;
    const sport = ['مباراة', 'المباراة', 'الفريق', 'هدف'].filter((w) => words.has(w)).length;
    doc.topics = [
      { label: 'politics', score: politics / 4 },
      { label: 'sport', score: sport / 4 + 0.01 },
    ];
  },
};

/** The full test analyzer (tokenize, repair, ner, quotes, events, topics). */
export function createTestAnalyzer(): Pipeline {
  return createPipeline([tokenizeStage, repairStage, nerStage, quotesStage, eventsStage, topicsStage]);
}

/** A tokens-only analyzer, as from a checkout without models. */
export function createTokensOnlyAnalyzer(): Pipeline {
  return createPipeline([tokenizeStage]);
}

/** A document analyzed by the test analyzer (for tests that need one by hand). */
export function testAnalyze(text: string): AnalyzedDocument {
  return createTestAnalyzer().analyze(text);
}
