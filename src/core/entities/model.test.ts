import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABELS, LABEL_COUNT, bioTransitions, isInside, typeOfLabel } from './labels.js';
import { ViterbiDecoder, emissionScores, findFeature, packWeights, quantizeWeights, unpackWeights } from './model.js';

const L = LABEL_COUNT;

describe('Viterbi under BIO constraints', () => {
  it('never puts I-X after O, after another type, or first', () => {
    const decoder = new ViterbiDecoder();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.float({ min: -10, max: 10, noNaN: true }), { minLength: 30 * L, maxLength: 30 * L }),
        fc.array(fc.float({ min: -5, max: 5, noNaN: true }), { minLength: (L + 1) * L, maxLength: (L + 1) * L }),
        (n, emissions, transitions) => {
          const out = new Int32Array(n);
          decoder.decode(emissions, transitions, n, out);
          for (let i = 0; i < n; i++) {
            if (!isInside(out[i])) continue;
            expect(i).toBeGreaterThan(0);
            expect(out[i - 1]).not.toBe(0);
            expect(typeOfLabel(out[i - 1])).toBe(typeOfLabel(out[i]));
          }
        },
      ),
    );
  });

  it('finds the labels of a plain Viterbi over every allowed predecessor, ties going to the lower label', () => {
    const allowed = bioTransitions();
    const reference = (e: readonly number[], t: readonly number[], n: number): number[] => {
      const delta: number[][] = [];
      const back: number[][] = [];
      delta.push(Array.from({ length: L }, (_, y) => (allowed[L * L + y] ? Math.fround(t[L * L + y]) + Math.fround(e[y]) : -1e30)));
      for (let i = 1; i < n; i++) {
        delta.push([]);
        back.push([]);
        for (let y = 0; y < L; y++) {
          let best = -1e30;
          let arg = 0;
          for (let p = 0; p < L; p++) {
            if (!allowed[p * L + y]) continue;
            const v = delta[i - 1][p] + Math.fround(t[p * L + y]);
            if (v > best) [best, arg] = [v, p];
          }
          delta[i].push(best + Math.fround(e[i * L + y]));
          back[i - 1].push(arg);
        }
      }
      const out = [delta[n - 1].indexOf(Math.max(...delta[n - 1]))];
      for (let i = n - 1; i > 0; i--) out.unshift(back[i - 1][out[0]]);
      return out;
    };
    const decoder = new ViterbiDecoder();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        // Small integers make ties common, so the tie rule is exercised too.
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 12 * L, maxLength: 12 * L }),
        fc.array(fc.integer({ min: -2, max: 2 }), { minLength: (L + 1) * L, maxLength: (L + 1) * L }),
        (n, emissions, transitions) => {
          const out = new Int32Array(n);
          decoder.decode(Float32Array.from(emissions), Float32Array.from(transitions), n, out);
          expect(Array.from(out)).toEqual(reference(emissions, transitions, n));
        },
      ),
    );
  });

  it('follows strong emissions', () => {
    const n = 3;
    const e = new Float32Array(n * L);
    const want = ['B-PER', 'I-PER', 'O'].map((t) => LABELS.indexOf(t));
    want.forEach((y, i) => (e[i * L + y] = 5));
    const out = new Int32Array(n);
    new ViterbiDecoder().decode(e, new Float32Array((L + 1) * L), n, out);
    expect(Array.from(out)).toEqual(want);
  });
});

describe('quantized weights', () => {
  it('survive packing and give the scores of the float weights within quantization error', () => {
    const keys = [11, 22, 33];
    const w = new Float32Array(keys.length * L);
    for (let i = 0; i < w.length; i++) w[i] = Math.sin(i) * 7;
    w.fill(0.1, 2 * L, 3 * L); // a row small enough to prune
    const q = unpackWeights(packWeights(quantizeWeights(keys, w, new Float32Array((L + 1) * L), 0.5)));
    expect(findFeature(q, 33)).toBe(-1);
    expect(findFeature(q, 11)).toBeGreaterThanOrEqual(0);
    const scores = new Float32Array(L);
    emissionScores(q, { keys: Uint32Array.from([11, 22, 99]), offsets: Int32Array.from([0, 3]), length: 1 }, scores);
    for (let y = 0; y < L; y++) expect(scores[y]).toBeCloseTo(w[y] + w[L + y], 2);
  });
});
