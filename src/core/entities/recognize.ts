/**
 * From tokens to entities: split the token stream into sentences, tag them, read the BIO
 * spans back, trim proclitics off each mention's first token, and group mentions by type
 * and normalized name.
 *
 * Offsets are always taken from the tokens, which point into the ORIGINAL text, so they stay
 * right through repairs (a glued `روسياوالعراق` reaches us as two tokens with their own
 * offsets) and through normalization (diacritics, tatweel and hamza forms change `norm`, not
 * the offsets). Within a token, the clitic cut is mapped back with `normalizeWithMap`.
 */
import type { Entity, EntityType, Mention, Span, Token } from '../document.js';
import { acronymSpan } from '../text/acronyms.js';
import { normalize, normalizeWithMap } from '../text/normalize.js';
import { splitProclitics } from './clitics.js';
import { combine, hashString } from './hash.js';
import { promoteInstitutionHeads } from './heads.js';
import { ENTITY_TYPES, isBegin, typeOfLabel } from './labels.js';
import { LEX, type NerLexicon, lexiconFlags } from './resources.js';
import type { NerTagger } from './tagger.js';

/** Token norms that end a sentence for tagging purposes. */
const SENTENCE_END = new Set(['.', '!', '?', '...', '..', '؟']);
/** Sentences longer than this are cut, so one run-on scrape cannot make a huge Viterbi lattice. */
const MAX_SENTENCE_TOKENS = 250;

/**
 * Token ranges `[start, end)` of the document's sentences (from the sentences stage), each
 * cut into pieces of at most {@link MAX_SENTENCE_TOKENS}. Tokens outside every sentence
 * form ranges of their own.
 */
export function sentenceRanges(tokens: readonly Token[], sentences: readonly Span[]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  const push = (a: number, b: number): void => {
    for (let x = a; x < b; x += MAX_SENTENCE_TOKENS) out.push([x, Math.min(b, x + MAX_SENTENCE_TOKENS)]);
  };
  for (const s of [...sentences].sort((a, b) => a.start - b.start)) {
    const before = i;
    while (i < tokens.length && tokens[i].end <= s.start) i++;
    if (i > before) push(before, i);
    const first = i;
    while (i < tokens.length && tokens[i].start < s.end) i++;
    if (i > first) push(first, i);
  }
  if (i < tokens.length) push(i, tokens.length);
  return out;
}

/** Splits a token stream into sentences `[start, end)` of token indexes, when no sentence layer is there. */
export function taggingSentences(text: string, tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    let lineBreak = false;
    if (next !== undefined) for (let c = t.end; c < next.start && !lineBreak; c++) lineBreak = text.charCodeAt(c) === 10;
    if (SENTENCE_END.has(t.norm) || lineBreak || i + 1 - start >= MAX_SENTENCE_TOKENS || next === undefined) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  return out;
}

/** A recognized mention before grouping. */
export interface RecognizedMention extends Mention {
  type: EntityType;
  /** Normalized name: the mention's tokens' norms, proclitics off the first, joined by spaces. */
  name: string;
  /** Token index range `[first, last + 1)`. */
  tokens: [number, number];
}

/** What the trimmer knows about words, to decide whether a leading letter is a clitic. */
export interface WordKnowledge {
  lexicon?: NerLexicon;
  /** Norms of the document's tokens. */
  documentWords: ReadonlySet<string>;
}

function inLexicon(word: string, k: WordKnowledge): boolean {
  if (!k.lexicon) return false;
  const f = lexiconFlags(k.lexicon, combine(0x2545f491, hashString(word)));
  return (f & (LEX.nameStart | LEX.classMask)) !== 0;
}

/**
 * Words that open a person's name and often carry a preposition or conjunction, normalized:
 * the kunya (`بأبي بكر`, `وأبو مازن`), the patronymic (`لابن رشد`) and `عبد` (`بعبد الله`).
 * Not `أم` and `أبا`, whose clitic forms are names of their own (`وام`, the Emirates news
 * agency; `بابا`, the Pope).
 */
const NAME_HEADS: ReadonlySet<string> = new Set(['أبو', 'أبي', 'ابن', 'عبد'].map((w) => normalize(w)));

/**
 * Where a mention's first token really starts, in normalized code units, and the normalized
 * head of the name. A conjunction or preposition before the article goes
 * (`والعراق` → `العراق`; `للعراق` → `لعراق` on the surface, name `العراق`) unless the whole
 * word is a name the lexicon knows and the rest is not (`فالنسيا`). Without an article
 * the first letter may belong to the name (`وليد`, `فرنسا`, `بغداد`, `لبنان`), so it goes
 * only when the rest is a name head (`بأبي بكر` → `أبي بكر`, see NAME_HEADS), or a known
 * name word (in the lexicon, or standing alone elsewhere in the document) and the whole word
 * is not a known name itself (`وروسيا` → `روسيا`; `لبنان` stays).
 */
export function trimFirstWord(norm: string, k: WordKnowledge): { cut: number; head: string } {
  const p = splitProclitics(norm);
  if (p.prepEnd === 0) return { cut: 0, head: norm };
  // A name that merely starts like clitic + article (فالنسيا, والتر) stays whole when the
  // lexicon knows it and not its remainder.
  if (p.article === 'al') {
    const rest = norm.slice(p.prepEnd);
    return inLexicon(norm, k) && !inLexicon(rest, k) ? { cut: 0, head: norm } : { cut: p.prepEnd, head: rest };
  }
  if (p.article === 'elided') return { cut: p.prepEnd, head: 'ال' + norm.slice(p.stemStart) };
  // Before the lexicon: it knows `بابي` as a name, but before a name it is ب + أبي.
  if (NAME_HEADS.has(norm.slice(p.prepEnd))) return { cut: p.prepEnd, head: norm.slice(p.prepEnd) };
  if (inLexicon(norm, k)) return { cut: 0, head: norm };
  for (const cut of [p.conjEnd, p.prepEnd]) {
    if (cut === 0) continue;
    const rest = norm.slice(cut);
    if (k.documentWords.has(rest) || inLexicon(rest, k)) return { cut, head: rest };
  }
  return { cut: 0, head: norm };
}

/** Maps a cut in a token's normalized form back to a code-unit offset in its original text. */
function originalCut(token: Token, cut: number): number {
  if (cut === 0) return 0;
  const view = normalizeWithMap(token.text);
  return view.toOriginal[Math.min(cut, view.text.length)];
}

/** Tags a document's tokens and returns its mentions in text order. */
export function recognizeMentions(tagger: NerTagger, text: string, tokens: readonly Token[], sentences?: readonly Span[]): RecognizedMention[] {
  if (tokens.length === 0) return [];
  const ranges = sentences && sentences.length > 0 ? sentenceRanges(tokens, sentences) : taggingSentences(text, tokens);
  const norms = tokens.map((t) => t.norm ?? normalize(t.text));
  // Tokens carry their morphology when that stage ran; a model that reads it needs it (see the stage's needs).
  const lab = tagger.tagRanges(norms, ranges, Infinity, tokens);
  for (const [a, b] of ranges) promoteInstitutionHeads(norms, lab, a, b);
  let knowledge: WordKnowledge | undefined;
  const mentions: RecognizedMention[] = [];
  for (const [a, b] of ranges) {
    for (let i = a; i < b; i++) {
      if (!isBegin(lab[i])) continue;
      let end = i + 1;
      while (end < b && lab[end] === lab[i] + 1) end++;
      const first = tokens[i];
      const last = tokens[end - 1];
      knowledge ??= { lexicon: tagger.model.lexicon, documentWords: new Set(norms) };
      const { cut, head } = trimFirstWord(norms[i], knowledge);
      const start = first.start + originalCut(first, cut);
      let name = head;
      for (let k = i + 1; k < end; k++) name += ' ' + norms[k];
      mentions.push({
        start,
        end: last.end,
        text: text.slice(start, last.end),
        type: ENTITY_TYPES[typeOfLabel(lab[i])],
        name,
        tokens: [i, end],
      });
      i = end - 1;
    }
  }
  return withWholeAcronyms(text, tokens, mentions);
}

/**
 * Widens a mention that touches a dotted acronym to the whole acronym, and drops the other
 * mentions inside it: the tokenizer splits `بي.بي` and `ار.تي.ال` at the dots, and NER tags
 * their letters one by one (`بي` ORG, `بي` ORG) or only some of them.
 */
export function withWholeAcronyms(text: string, tokens: readonly Token[], mentions: readonly RecognizedMention[]): RecognizedMention[] {
  const out: RecognizedMention[] = [];
  for (const m of mentions) {
    const last = out[out.length - 1];
    if (last && m.tokens[0] < last.tokens[1]) continue; // inside an acronym the previous mention took
    const [ts, te] = m.tokens;
    const a = Math.min(ts, acronymSpan(tokens, ts)?.[0] ?? ts);
    const b = Math.max(te, acronymSpan(tokens, te - 1)?.[1] ?? te);
    if (a === ts && b === te) {
      out.push(m);
      continue;
    }
    // Widened to the left, it takes the mentions of the acronym's earlier letters.
    while (out.length > 0 && out[out.length - 1].tokens[0] >= a) out.pop();
    const start = a < ts ? tokens[a].start : m.start;
    const end = tokens[b - 1].end;
    out.push({ ...m, start, end, text: text.slice(start, end), name: normalize(text.slice(start, end)).replace(/\s+/gu, ' '), tokens: [a, b] });
  }
  return out;
}

/** Groups mentions into entities: one per distinct (type, normalized name), ids `e1`, `e2`, … in order of first mention. */
export function groupEntities(mentions: readonly RecognizedMention[]): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const m of mentions) {
    const key = `${m.type}\u0000${m.name}`;
    let e = byKey.get(key);
    if (!e) {
      e = { id: `e${byKey.size + 1}`, type: m.type, name: m.name, mentions: [] };
      byKey.set(key, e);
    }
    e.mentions.push({ start: m.start, end: m.end, text: m.text });
  }
  return [...byKey.values()];
}

/**
 * Recognizes the entities of a tokenized document. Sentences, when given (the sentences
 * stage knows abbreviations such as `د.`), bound the tagging; otherwise sentence-final
 * punctuation and line breaks do.
 */
export function recognizeEntities(tagger: NerTagger, text: string, tokens: readonly Token[], sentences?: readonly Span[]): Entity[] {
  return groupEntities(recognizeMentions(tagger, text, tokens, sentences));
}
