/**
 * Word counts from the unlabeled news (ANT folds 0–7 and the SaudiNewsNet subset), as
 * written (clean forms: marks and tatweel removed, hamza kept). The morphology model uses
 * them to choose how to restore a stem's spelling (`اعلن` → `أعلن`, `حيات` → `حياة`) and
 * as frequency features for segmentation and tagging. ANT folds 8 and 9 are left out,
 * because other stages tune and report on them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanForm } from '../../src/core/morph/orthography.js';
import { codeFingerprint } from '../lib/cache.js';
import { readAnt, readSaudiNews } from '../lib/data.js';

/** Counts of clean word forms, and how many news words they were computed from. */
export interface NewsVocab {
  counts: Map<string, number>;
  words: number;
  documents: number;
}

const WORD = /[\p{L}\p{M}\u0640]+/gu;

/** The code that decides the counts: the reader, its word pattern and the clean form. */
const NEWS_VOCAB_CODE = ['train/morph/news-vocab.ts', 'train/lib/data.ts', 'src/core/morph/orthography.ts', 'src/core/text'];

/**
 * Counts the words of the news corpora. Cached under `var/morph-cache/` (git-ignored) because
 * it takes a while, under a name that changes with the code that counts.
 */
export function buildNewsVocab(): NewsVocab {
  const cacheDir = join(process.cwd(), 'var', 'morph-cache');
  const cachePath = join(cacheDir, `news-vocab-${codeFingerprint(NEWS_VOCAB_CODE)}.json`);
  if (existsSync(cachePath)) {
    const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as { counts: [string, number][]; words: number; documents: number };
    return { counts: new Map(cached.counts), words: cached.words, documents: cached.documents };
  }
  const counts = new Map<string, number>();
  let words = 0;
  let documents = 0;
  const add = (text: string): void => {
    for (const m of text.matchAll(WORD)) {
      const w = cleanForm(m[0]);
      if (w.length === 0) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
      words++;
    }
  };
  for (const a of readAnt()) {
    if (a.fold >= 8) continue;
    add(a.title);
    add(a.text);
    documents++;
  }
  for (const a of readSaudiNews()) {
    add(a.title);
    add(a.text);
    documents++;
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cachePath, JSON.stringify({ counts: [...counts], words, documents }));
  return { counts, words, documents };
}
