/**
 * Golden whole-article analysis of `samples/article.txt`, an article written for these
 * tests in Egyptian-press style (فى, final ى, hamza variants, diacritics, tatweel, Arabic
 * and Latin digits, glued words, an inline sub-heading, titles, direct and indirect quotes,
 * a bidi mark). Refresh after an intended change with `npm run test:update`
 * (`vitest run --update`) and review the diff.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../core/format/json.js';
import { formatText } from '../core/format/text.js';
import { rebuild } from '../core/text/tokenize.js';
import { loadAnalyzer } from './analyzer.js';

const samplePath = fileURLToPath(new URL('../../samples/article.txt', import.meta.url));

describe('golden: samples/article.txt', () => {
  const text = readFileSync(samplePath, 'utf8');
  const doc = loadAnalyzer({ warn: () => {} }).analyze(text, { date: '2015-11-12' });

  it('rebuilds the text exactly from its tokens', () => {
    expect(rebuild(text, doc.tokens ?? [])).toBe(text);
  });

  it('finds the inline sub-heading', () => {
    const headings = (doc.sentences ?? []).filter((s) => s.kind === 'heading').map((s) => text.slice(s.start, s.end));
    expect(headings).toEqual(['التعاون فى مجال الطاقة']);
  });

  it('matches the golden JSON analysis', async () => {
    await expect(formatJson(doc) + '\n').toMatchFileSnapshot('./__golden__/article.json');
  });

  it('matches the golden text brief', async () => {
    await expect(formatText(doc)).toMatchFileSnapshot('./__golden__/article.txt');
  });
});
