/**
 * Builds the NER lexicon (`models/ner/lexicon.bin`) from the shared gazetteers, the
 * trigger lists in `triggers.ts`, and the first words of entity mentions in the training
 * split (used only to decide whether a leading و/ب/ل/ك/ف is a clitic when trimming
 * mentions, never as a feature).
 */
import { readFileSync } from 'node:fs';
import { type GoldSentence, tagSpans } from '../../src/core/entities/conll.js';
import { splitProclitics } from '../../src/core/entities/clitics.js';
import { combine, hashString } from '../../src/core/entities/hash.js';
import { GAZETTEER_CLASSES, type GazetteerClass, LEX, type NerLexicon, buildLexicon } from '../../src/core/entities/resources.js';
import { normalize } from '../../src/core/text/normalize.js';
import { requireData } from '../lib/data.js';
import { MISC_HEADS, ORGANIZATION_HEADS, PERSON_TITLES, PLACE_HEADS, words } from './triggers.js';

const SEQ = 0x2545f491;

/** Splits a normalized gazetteer entry into tokens the way the tokenizer would: words, and punctuation apart. */
export function entryTokens(entry: string): string[] {
  return normalize(entry).match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

/** A gazetteer entry with its class. */
export interface GazetteerEntry {
  tokens: string[];
  cls: GazetteerClass;
}

const ORG_OR_PLACE_HEAD = new Set(words(ORGANIZATION_HEADS + PLACE_HEADS).map((w) => normalize(w)));
const TITLES = new Set(words(PERSON_TITLES).map((w) => normalize(w)));

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('===='));
}

/** Reads every gazetteer from the shared data. */
export function readGazetteers(): { entries: GazetteerEntry[]; sources: string[] } {
  const entries: GazetteerEntry[] = [];
  const add = (text: string, cls: GazetteerClass): void => {
    const tokens = entryTokens(text.replace(/_/g, ' '));
    if (tokens.length > 0 && tokens.length <= 8) entries.push({ tokens, cls });
  };
  for (const l of lines(requireData('anergazet/AlignedLocGazetteer.txt'))) add(l, 'LOC');
  for (const l of lines(requireData('anergazet/AlignedOrgGazetteer.txt'))) add(l, 'ORG');
  for (const l of lines(requireData('anergazet/AlignedPersGazetteer.txt'))) add(l, l.includes(' ') ? 'PER' : 'PER_FIRST');

  const countries = JSON.parse(readFileSync(requireData('gazetteers/countries.json'), 'utf8')) as {
    translations: { ara?: { common: string; official: string } };
  }[];
  for (const c of countries) {
    if (!c.translations.ara) continue;
    add(c.translations.ara.common, 'COUNTRY');
    add(c.translations.ara.official, 'COUNTRY');
  }
  for (const file of ['gazetteers/egypt_governorates.csv', 'gazetteers/egypt_cities.csv']) {
    const rows = readFileSync(requireData(file), 'utf8').split(/\r?\n/u).slice(1);
    for (const row of rows) {
      const cells = [...row.matchAll(/"([^"]*)"/gu)].map((m) => m[1]);
      if (cells.length >= 3) add(cells[2], 'LOC');
    }
  }

  // PETRARCH actors: person names carry dated role lines; institutions and places usually
  // an inline code. The dictionary is lemmatized (no article on adjectives), so many
  // institution entries will never match running text; names do.
  const actorLines = readFileSync(requireData('petrarch-ar/actor_dict_ar_v4.txt'), 'utf8').split(/\r?\n/u);
  let current: { name: string; dated: boolean } | undefined;
  const flushActor = (): void => {
    if (!current) return;
    const toks = entryTokens(current.name.replace(/_/g, ' '));
    if (toks.length === 0) return;
    let personish = current.dated && toks.length >= 2 && !ORG_OR_PLACE_HEAD.has(toks[0]);
    let name = toks;
    if (TITLES.has(toks[0]) && toks.length >= 3) {
      name = toks.slice(1);
      personish = true;
    } else if (TITLES.has(toks[0])) personish = false;
    if (name.length <= 8) entries.push({ tokens: name, cls: personish ? 'ACTOR_PER' : 'ACTOR' });
  };
  for (const raw of actorLines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      if (current && /\d{8}/u.test(line)) current.dated = true;
      continue;
    }
    flushActor();
    const name = line.split(/\s+\[|\s{2,}|\t/u)[0].trim();
    current = { name, dated: false };
  }
  flushActor();
  return {
    entries,
    sources: ['anergazet', 'gazetteers/countries.json', 'gazetteers/egypt_*.csv', 'petrarch-ar/actor_dict_ar_v4.txt'],
  };
}

/** The lexicon key of a token sequence (same as the extractor's incremental sequence hash). */
export function sequenceKey(tokens: readonly string[], upTo = tokens.length): number {
  let h = combine(SEQ, hashString(tokens[0]));
  for (let i = 1; i < upTo; i++) h = combine(h, hashString(tokens[i]));
  return h;
}

/** Builds the lexicon: gazetteers, triggers, and name-start words from the training split. */
export function buildNerLexicon(train: readonly GoldSentence[], options: { gazetteers?: boolean; extra?: readonly GazetteerEntry[] } = {}): {
  lexicon: NerLexicon;
  stats: Record<string, number>;
} {
  const map = new Map<number, number>();
  const or = (key: number, bits: number): void => {
    map.set(key, (map.get(key) ?? 0) | bits);
  };
  const stats: Record<string, number> = {};
  const gazetteerStarts = new Set<string>();
  if (options.gazetteers !== false) {
    const entries = [...readGazetteers().entries, ...(options.extra ?? [])];
    for (const e of entries) {
      const bit = 1 << GAZETTEER_CLASSES.indexOf(e.cls);
      or(sequenceKey(e.tokens), bit);
      for (let k = 1; k < e.tokens.length; k++) or(sequenceKey(e.tokens, k), LEX.prefix);
      if (e.cls !== 'ACTOR' && !e.cls.startsWith('AUTO_')) {
        or(sequenceKey(e.tokens, 1), LEX.nameStart);
        gazetteerStarts.add(e.tokens[0]);
      }
      stats[`gazetteer.${e.cls}`] = (stats[`gazetteer.${e.cls}`] ?? 0) + 1;
    }
  }
  const trig = (list: string, bit: number, name: string): void => {
    for (const w of words(list)) {
      const n = normalize(w);
      or(sequenceKey([n]), bit);
      if (!n.startsWith('ال')) or(sequenceKey(['ال' + n]), bit);
      stats[`trigger.${name}`] = (stats[`trigger.${name}`] ?? 0) + 1;
    }
  };
  trig(PERSON_TITLES, LEX.titlePer, 'titlePer');
  trig(ORGANIZATION_HEADS, LEX.headOrg, 'headOrg');
  trig(PLACE_HEADS, LEX.headLoc, 'headLoc');
  trig(MISC_HEADS, LEX.headMisc, 'headMisc');
  // Name starts from training mentions, minus clitic-attached forms (وروسيا when روسيا is
  // known too): trimming must see the bare form as the known one.
  const trainStarts = new Set<string>();
  for (const s of train) for (const span of tagSpans(s.tags)) trainStarts.add(normalize(s.tokens[span.start]));
  const known = new Set<string>([...trainStarts, ...gazetteerStarts]);
  let starts = 0;
  for (const w of trainStarts) {
    const c0 = w[0];
    const rest1 = w.slice(1);
    const rest2 = w.slice(2);
    const clitic1 = 'وفبلك'.includes(c0) && known.has(rest1);
    const clitic2 = 'وف'.includes(c0) && 'بلك'.includes(w[1]) && known.has(rest2);
    if (clitic1 || clitic2) continue;
    // Clitic + article (والشارقة): the name is what follows the clitic.
    const split = splitProclitics(w);
    const name = split.article === 'al' && split.prepEnd > 0 ? w.slice(split.prepEnd) : w;
    or(sequenceKey([name]), LEX.nameStart);
    starts++;
  }
  stats.trainNameStarts = starts;
  stats.keys = map.size;
  return { lexicon: buildLexicon(map), stats };
}
