/**
 * Counting gold analyses for the segmenter's lexicon features, with held-out (jackknifed)
 * views so that training sees lexicon features as they are for unseen tokens.
 */
import type { GoldAnalysis } from '../../src/core/morph/gold.js';
import { foreignness, foreignnessBucket, type MapWeights } from '../../src/core/morph/foreign.js';
import type { SegmentationLexicon, SpecialAnalysis } from '../../src/core/morph/segmenter.js';

/** Counts of gold analyses per normalized token, with a view that leaves one fold out (jackknifing). */
export class CountingLexicon {
  private readonly counts = new Map<string, Map<number, number>>();
  private readonly specialsByToken = new Map<string, Map<number, SpecialAnalysis>>();

  /** Records one gold analysis. */
  add(g: GoldAnalysis, times = 1): void {
    let m = this.counts.get(g.norm);
    if (!m) this.counts.set(g.norm, (m = new Map()));
    m.set(g.label, (m.get(g.label) ?? 0) + times);
    m.set(-1, (m.get(-1) ?? 0) + times);
    if (g.special) {
      let s = this.specialsByToken.get(g.norm);
      if (!s) this.specialsByToken.set(g.norm, (s = new Map()));
      s.set(g.label, g.special);
    }
  }

  count(norm: string, label: number): number {
    return this.counts.get(norm)?.get(label) ?? 0;
  }

  total(norm: string): number {
    return this.counts.get(norm)?.get(-1) ?? 0;
  }

  specials(norm: string): SpecialAnalysis[] | undefined {
    const s = this.specialsByToken.get(norm);
    if (!s) return undefined;
    const out = [...s.values()].filter((sp) => this.count(norm, sp.label) > 0);
    return out.length > 0 ? out : undefined;
  }

  /** Every (token, label, count), for serialization. */
  *entries(): Generator<[string, number, number]> {
    for (const [norm, m] of this.counts) for (const [label, c] of m) yield [norm, label, c];
  }

  /** Every special analysis by token. */
  *allSpecials(): Generator<[string, SpecialAnalysis]> {
    for (const [norm, m] of this.specialsByToken) for (const sp of m.values()) if (this.count(norm, sp.label) > 0) yield [norm, sp];
  }
}

/** The full lexicon minus one fold's counts: what the model would know about a token it never saw. */
export class HeldOutLexicon implements SegmentationLexicon {
  constructor(
    private readonly full: CountingLexicon,
    private readonly fold: CountingLexicon,
    /** Trigram weights learned without this fold's words. */
    private readonly foreign: MapWeights,
  ) {}

  foreignness(norm: string, from: number, to: number): number {
    return foreignnessBucket(foreignness(this.foreign, norm, from, to));
  }

  count(norm: string, label: number): number {
    return this.full.count(norm, label) - this.fold.count(norm, label);
  }

  total(norm: string): number {
    return this.full.total(norm) - this.fold.total(norm);
  }

  specials(norm: string): SpecialAnalysis[] | undefined {
    const s = this.full.specials(norm);
    if (!s) return undefined;
    const out = s.filter((sp) => this.count(norm, sp.label) > 0);
    return out.length > 0 ? out : undefined;
  }
}
