/**
 * Per-document indexes shared by the quotes and events stages: which sentence each token
 * is in, and which entity mention covers each token. Built once per document in linear
 * time, so that the stages can ask "who is mentioned here?" with an array read.
 */
import type { AnalyzedDocument, Entity, EntityType, Mention, Token } from '../document.js';

/** Entity types in order of preference when mentions nest (a title mention holds a nisba). */
const TYPE_RANK: Record<EntityType, number> = { PER: 4, ORG: 3, LOC: 2, MISC: 1 };

/** A mention with its entity, as found on a token. */
export interface TokenMention {
  entity: Entity;
  mention: Mention;
  /** Token span of the mention `[ts, te)`. */
  ts: number;
  te: number;
}

/** Indexes over one document. */
export interface DocIndex {
  tokens: readonly Token[];
  /** Sentence index of each token (-1 outside every sentence). */
  sentenceOf: Int32Array;
  /** Token span `[first, end)` of each sentence. */
  sentenceTokens: [number, number][];
  /** The preferred mention covering each token, or undefined. */
  mentionAt: (TokenMention | undefined)[];
  /** Every mention covering each token, outermost first (nested mentions). */
  allMentionsAt: (TokenMention[] | undefined)[];
}

/** Index of the first token whose end is after `off`. */
function firstTokenEndingAfter(tokens: readonly Token[], off: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const indexCache = new WeakMap<object, { tokens: unknown; sentences: unknown; index: DocIndex }>();

/**
 * The indexes of a document, built once and shared by the stages that run after linking
 * (quotes and events read the same entities). Keyed by the entities array: a stage that
 * rewrites entities gets a fresh index.
 */
export function indexDocument(doc: AnalyzedDocument): DocIndex {
  const key = doc.entities;
  if (!key) return buildIndex(doc);
  const hit = indexCache.get(key);
  if (hit && hit.tokens === doc.tokens && hit.sentences === doc.sentences) return hit.index;
  const index = buildIndex(doc);
  indexCache.set(key, { tokens: doc.tokens, sentences: doc.sentences, index });
  return index;
}

/** Builds the indexes of a document (tokens, sentences and entities as present). */
function buildIndex(doc: AnalyzedDocument): DocIndex {
  const tokens = doc.tokens ?? [];
  const n = tokens.length;
  const sentenceOf = new Int32Array(n).fill(-1);
  const sentenceTokens: [number, number][] = [];
  let t = 0;
  (doc.sentences ?? []).forEach((s, si) => {
    while (t < n && tokens[t].end <= s.start) t++;
    const first = t;
    while (t < n && tokens[t].start < s.end) sentenceOf[t++] = si;
    sentenceTokens.push([first, t]);
  });
  const mentionAt: (TokenMention | undefined)[] = new Array(n);
  const allMentionsAt: (TokenMention[] | undefined)[] = new Array(n);
  for (const entity of doc.entities ?? []) {
    for (const mention of entity.mentions) {
      const ts = firstTokenEndingAfter(tokens, mention.start);
      let te = ts;
      while (te < n && tokens[te].start < mention.end) te++;
      const tm: TokenMention = { entity, mention, ts, te };
      for (let k = ts; k < te; k++) {
        const cur = mentionAt[k];
        if (!cur || TYPE_RANK[entity.type] > TYPE_RANK[cur.entity.type] || (entity.type === cur.entity.type && te - ts > cur.te - cur.ts)) mentionAt[k] = tm;
        (allMentionsAt[k] ??= []).push(tm);
      }
    }
  }
  for (const list of allMentionsAt) list?.sort((a, b) => b.te - b.ts - (a.te - a.ts));
  return { tokens, sentenceOf, sentenceTokens, mentionAt, allMentionsAt };
}

/** The first mention starting in `[from, to)` whose entity type is in `types` (in order of preference). */
export function firstMentionIn(index: DocIndex, from: number, to: number, types: readonly EntityType[], accept?: (m: TokenMention) => boolean): TokenMention | undefined {
  for (const type of types) {
    for (let k = from; k < to; k++) {
      const ms = index.allMentionsAt[k];
      if (!ms) continue;
      const m = ms.find((x) => x.entity.type === type && x.ts === k && (!accept || accept(x)));
      if (m) return m;
    }
  }
  return undefined;
}
