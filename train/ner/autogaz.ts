/**
 * Harvesting names from unlabeled news: a first model tags the ANT corpus, and token
 * sequences it labels often and consistently become `AUTO_` gazetteer entries (a poor man's
 * version of the large gazetteers of Ratinov & Roth 2009, built by our own code from text
 * we may use). The entries are normalized name strings, first word trimmed of proclitics as
 * the runtime trims mentions.
 */
import type { Entity } from '../../src/core/document.js';
import { ENTITY_TYPES, isBegin, typeOfLabel } from '../../src/core/entities/labels.js';
import { trimFirstWord } from '../../src/core/entities/recognize.js';
import { type NerModel, NerTagger } from '../../src/core/entities/tagger.js';
import { normalize } from '../../src/core/text/normalize.js';
import type { GazetteerEntry } from './lexicon.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const END = new Set(['.', '!', '?', '...']);

/** Settings of {@link harvestNames}. */
export interface HarvestOptions {
  /** Least number of times a name must be recognized. */
  minCount: number;
  /** Least share of its recognitions that must agree on the type. */
  minPurity: number;
}

/** Tags texts with the model's first pass and returns consistent, frequent names. */
export function harvestNames(model: NerModel, texts: Iterable<string>, options: HarvestOptions = { minCount: 3, minPurity: 0.75 }): {
  entries: GazetteerEntry[];
  stats: Record<string, number>;
} {
  const tagger = new NerTagger({ ...model, weights2: undefined });
  const counts = new Map<string, Int32Array>();
  let tokens = 0;
  let out = new Int32Array(256);
  for (const text of texts) {
    const all = normalize(text).match(TOKEN) ?? [];
    tokens += all.length;
    const documentWords = new Set(all);
    let start = 0;
    for (let i = 0; i <= all.length; i++) {
      if (i < all.length && !END.has(all[i]) && i - start < 200) continue;
      const norms = all.slice(start, Math.min(i + 1, all.length));
      start = i + 1;
      if (norms.length === 0) continue;
      if (out.length < norms.length) out = new Int32Array(norms.length * 2);
      tagger.tagInto(norms, out);
      for (let a = 0; a < norms.length; a++) {
        if (!isBegin(out[a])) continue;
        let b = a + 1;
        while (b < norms.length && out[b] === out[a] + 1) b++;
        const head = trimFirstWord(norms[a], { lexicon: model.lexicon, documentWords }).head;
        const key = [head, ...norms.slice(a + 1, b)].join(' ');
        let c = counts.get(key);
        if (!c) counts.set(key, (c = new Int32Array(ENTITY_TYPES.length)));
        c[typeOfLabel(out[a])]++;
        a = b - 1;
      }
    }
  }
  const entries: GazetteerEntry[] = [];
  const stats: Record<string, number> = { tokens, candidates: counts.size };
  for (const [key, c] of counts) {
    let total = 0;
    let best = 0;
    for (let t = 0; t < c.length; t++) {
      total += c[t];
      if (c[t] > c[best]) best = t;
    }
    if (total < options.minCount || c[best] / total < options.minPurity) continue;
    const type = ENTITY_TYPES[best] as Entity['type'];
    const cls = `AUTO_${type}` as GazetteerEntry['cls'];
    entries.push({ tokens: key.split(' '), cls });
    stats[cls] = (stats[cls] ?? 0) + 1;
  }
  return { entries, stats };
}
