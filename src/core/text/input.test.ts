import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarsadError } from '../errors.js';
import { checkText, decodeInput, findInvalidUtf8 } from './input.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof MarsadError ? e.code : 'NOT_A_MARSAD_ERROR';
  }
  return undefined;
}

describe('decodeInput', () => {
  it('decodes UTF-8 Arabic text unchanged', () => {
    const text = 'قال الوزيرُ فى ٢٠١٥: "آفاق" ـــ مسؤول\u200F.';
    expect(decodeInput(utf8(text))).toBe(text);
  });

  it('rejects empty and blank input', () => {
    expect(codeOf(() => decodeInput(bytes()))).toBe('EMPTY_INPUT');
    expect(codeOf(() => decodeInput(utf8(' \n\t\u200F ')))).toBe('EMPTY_INPUT');
    expect(codeOf(() => checkText(''))).toBe('EMPTY_INPUT');
  });

  it('rejects input over the limit', () => {
    expect(codeOf(() => decodeInput(utf8('مرصد'), { maxBytes: 4 }))).toBe('INPUT_TOO_LARGE');
  });

  it('rejects binary input', () => {
    expect(codeOf(() => decodeInput(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00)))).toBe('BINARY_INPUT');
  });

  it('reports the byte offset of invalid UTF-8', () => {
    const input = new Uint8Array([...utf8('مرصد'), 0xff, 0x41]);
    try {
      decodeInput(input);
      expect.unreachable();
    } catch (e) {
      expect((e as MarsadError).code).toBe('INVALID_UTF8');
      expect((e as MarsadError).details).toEqual({ byteOffset: 8 });
      expect((e as MarsadError).message).toContain('byte offset 8');
    }
  });

  it.each([
    [[0xc0, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0x41, 0xe2, 0x82], 1], // truncated
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x41, 0x80], 1], // stray continuation byte
  ])('finds invalid sequence %j at %i', (input, offset) => {
    expect(findInvalidUtf8(Uint8Array.from(input))).toBe(offset);
  });

  it('agrees with the platform decoder on which byte strings are valid', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(b);
        } catch {
          valid = false;
        }
        expect(findInvalidUtf8(b) < 0).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});
