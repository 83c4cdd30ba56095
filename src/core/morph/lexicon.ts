/**
 * The run-time segmentation lexicon: how often each normalized token was seen with each
 * analysis in training, as a hashed table of log counts, plus the irregular analyses.
 */
import { finish, mixInt, mixString, seed } from './hash.js';
import type { SegmentationLexicon, SpecialAnalysis } from './segmenter.js';
import { FeatureTable } from './table.js';

const T_ENTRY = 0x1e71;
/** Label under which a token's total count is stored. */
export const TOTAL_LABEL = 0x7ffffffe;

/** Key of (token, label) in the lexicon table. */
export function lexiconKey(norm: string, label: number): number {
  return finish(mixInt(mixString(seed(T_ENTRY), norm), label));
}

/** A lexicon over a hashed table of `log2(count + 1)`. */
export class HashedLexicon implements SegmentationLexicon {
  constructor(
    readonly table: FeatureTable,
    private readonly specialsByToken: ReadonlyMap<string, readonly SpecialAnalysis[]>,
  ) {}

  /** Builds the table from (token, label, count) entries; totals use {@link TOTAL_LABEL}. */
  static build(entries: Iterable<[string, number, number]>, specials: ReadonlyMap<string, readonly SpecialAnalysis[]>): HashedLexicon {
    const keys: number[] = [];
    const values: number[] = [];
    for (const [norm, label, count] of entries) {
      keys.push(lexiconKey(norm, label < 0 ? TOTAL_LABEL : label));
      values.push(Math.log2(count + 1));
    }
    return new HashedLexicon(FeatureTable.build(1, keys, values), specials);
  }

  count(norm: string, label: number): number {
    const v = this.table.weight(lexiconKey(norm, label), 0);
    return v === 0 ? 0 : Math.round(2 ** v - 1);
  }

  total(norm: string): number {
    return this.count(norm, TOTAL_LABEL);
  }

  specials(norm: string): readonly SpecialAnalysis[] | undefined {
    return this.specialsByToken.get(norm);
  }
}
