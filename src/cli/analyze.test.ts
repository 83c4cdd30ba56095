import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalyzedDocument } from '../core/document.js';
import { rebuild } from '../core/text/tokenize.js';
import { main } from './main.js';

let stdout = '';
let stderr = '';
const dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('marsad analyze', () => {
  const article = 'وقال الوزيرُ فى القاهرة: "سنواصل الدعم". صفقات الغاز الجديدة لمصر وأوضح المتحدث، أن الاتفاق قريب.';

  it('prints the JSON result with schemaVersion, sentences, headings and lossless tokens', async () => {
    expect(await main(['analyze', file('a.txt', article)])).toBe(0);
    const doc = JSON.parse(stdout) as AnalyzedDocument;
    expect(doc.schemaVersion).toBe(1);
    expect(doc.text).toBe(article);
    expect(rebuild(doc.text, doc.tokens ?? [])).toBe(article);
    expect(doc.sentences?.map((s) => s.kind)).toEqual(['sentence', 'heading', 'sentence']);
    expect(Object.keys(doc).slice(0, 4)).toEqual(['schemaVersion', 'text', 'sentences', 'tokens']);
  });

  it('prints a readable text brief that marks headings', async () => {
    expect(await main(['analyze', file('b.txt', article), '--format', 'text'])).toBe(0);
    expect(stdout).toContain('[عنوان فرعي] صفقات الغاز الجديدة لمصر');
  });

  it('prints CoNLL-U with one block per sentence', async () => {
    expect(await main(['analyze', file('c.txt', article), '--format', 'conllu'])).toBe(0);
    expect(stdout.match(/^# sent_id = /gmu)).toHaveLength(3);
    // With the morphology model, a fused token is a multiword-token range followed by its words.
    expect(stdout).toMatch(/^1-2\tوقال\t.*\n1\tو\tو\tCCONJ\t.*\n2\tقال\t/mu);
  });

  it.each<[string, () => string[], string]>([
    ['a missing file', () => ['analyze', join(dir, 'nope.txt')], 'FILE_NOT_FOUND'],
    ['empty input', () => ['analyze', file('empty.txt', ' \n')], 'EMPTY_INPUT'],
    ['binary input', () => ['analyze', file('bin.dat', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]))], 'BINARY_INPUT'],
    ['invalid UTF-8', () => ['analyze', file('bad.txt', Uint8Array.from([0xd9, 0x85, 0xff]))], 'INVALID_UTF8'],
    ['input over the limit', () => ['analyze', file('big.txt', article), '--max-bytes', '100'], 'INPUT_TOO_LARGE'],
    ['an unknown format', () => ['analyze', file('d.txt', article), '--format', 'xml'], 'INVALID_ARGUMENT'],
    ['a bad date', () => ['analyze', file('e.txt', article), '--date', '16/7/2015'], 'INVALID_ARGUMENT'],
  ])('fails clearly on %s, writing nothing to standard output', async (_name, args, code) => {
    expect(await main(args())).toBe(1);
    expect(stderr).toContain(`error ${code}:`);
    expect(stdout).toBe('');
  });

  it('gives the byte offset of invalid UTF-8', async () => {
    await main(['analyze', file('bad2.txt', Uint8Array.from([0x41, 0x42, 0xc3]))]);
    expect(stderr).toContain('byte offset 2');
  });
});
