/**
 * NER corpora for training and evaluation: ANERcorp (CAMeL Lab train split, with our dev
 * split carved from its end), AQMAR and the Wojood sample, all read into gold sentences
 * over our four types (see `src/core/entities/conll.ts` for the type mapping).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type GoldSentence, parseGold } from '../../src/core/entities/conll.js';
import { requireData } from '../lib/data.js';

/** The fraction of ANERcorp train sentences, taken from its END, that form our dev split. */
export const DEV_FRACTION = 0.1;

/** ANERcorp's train file, relative to the shared data folder. */
export const ANERCORP_TRAIN = 'anercorp-camel/ANERCorp_CamelLab_train.txt';

/** All sentences of the CAMeL Lab ANERcorp train file. */
export function readAnercorp(): GoldSentence[] {
  return parseGold(readFileSync(requireData(ANERCORP_TRAIN), 'utf8'));
}

/**
 * Our split of ANERcorp train: the last {@link DEV_FRACTION} of its sentences (rounded
 * up) are dev, the rest train. The corpus is in document order, so this keeps dev articles
 * apart from train articles, as the official train/test cut does.
 */
export function anercorpSplit(): { train: GoldSentence[]; dev: GoldSentence[]; devStart: number } {
  const all = readAnercorp();
  const devStart = all.length - Math.ceil(all.length * DEV_FRACTION);
  return { train: all.slice(0, devStart), dev: all.slice(devStart), devStart };
}

/** Every AQMAR article, in file-name order. */
export function readAqmar(): GoldSentence[] {
  const dir = requireData('aqmar');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((f) => parseGold(readFileSync(join(dir, f), 'utf8')));
}

/** One split of the Wojood sample (`train`, `val`, `test`), mapped to our four types. */
export function readWojood(split: 'train' | 'val' | 'test'): GoldSentence[] {
  return parseGold(readFileSync(requireData(`wojood-sample/${split}.txt`), 'utf8'));
}

/** Number of tokens in some sentences. */
export function tokenCount(sentences: readonly GoldSentence[]): number {
  return sentences.reduce((n, s) => n + s.tokens.length, 0);
}
