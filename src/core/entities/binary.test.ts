import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarsadError } from '../errors.js';
import { packSections, sectionAs, sectionJson, unpackSections, jsonSection } from './binary.js';
import { combine, hashString } from './hash.js';
import { buildKeyIndex, keyIndex } from './table.js';

describe('model container', () => {
  it('round-trips typed sections, also from an unaligned copy', () => {
    const packed = packSections(
      new Map<string, ArrayBufferView>([
        ['meta', jsonSection({ a: 1 })],
        ['u32', Uint32Array.from([1, 2, 0xffffffff])],
        ['f32', Float32Array.from([0.5, -2])],
      ]),
    );
    const shifted = new Uint8Array(packed.length + 3);
    shifted.set(packed, 3);
    for (const bytes of [packed, shifted.subarray(3)]) {
      const s = unpackSections(bytes);
      expect(sectionJson(s, 'meta')).toEqual({ a: 1 });
      expect(Array.from(sectionAs(s, 'u32', Uint32Array))).toEqual([1, 2, 0xffffffff]);
      expect(Array.from(sectionAs(s, 'f32', Float32Array))).toEqual([0.5, -2]);
    }
  });

  it('rejects bytes that are not a container with MODEL_CORRUPT', () => {
    const err = (() => {
      try {
        unpackSections(new TextEncoder().encode('not a model at all'));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(MarsadError);
    expect((err as MarsadError).code).toBe('MODEL_CORRUPT');
  });
});

describe('hashing', () => {
  it('folds the spelling variants that normalize() keeps apart', () => {
    expect(hashString('مكة')).toBe(hashString('مكه'));
    expect(hashString('الجعفرى')).toBe(hashString('الجعفري'));
    expect(hashString('مسؤول')).toBe(hashString('مسوول'));
    expect(hashString('NASA')).toBe(hashString('nasa'));
    expect(hashString('روسيا')).not.toBe(hashString('روسي'));
  });

  it('hashes substrings like the substring itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), (s, a, b) => {
        const i = Math.min(a, s.length);
        const j = Math.min(i + b, s.length);
        return hashString(s, i, j) === hashString(s.slice(i, j));
      }),
    );
  });

  it('never combines to 0 (the empty-slot marker)', () => {
    fc.assert(fc.property(fc.integer(), fc.integer(), (a, b) => combine(a, b) !== 0));
  });
});

describe('key index', () => {
  it('finds every stored key and no other', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 0xffffffff }), { maxLength: 300 }), fc.integer({ min: 1, max: 0xffffffff }), (keys, probe) => {
        const { keys: table, slots } = buildKeyIndex(keys);
        const index = keyIndex(table);
        keys.forEach((k, i) => expect(index.find(k)).toBe(slots[i]));
        if (!keys.includes(probe)) expect(index.find(probe)).toBe(-1);
      }),
    );
  });
});
