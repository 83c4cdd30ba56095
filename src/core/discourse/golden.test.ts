/**
 * Golden test: the whole discourse layer (topics, themes, keywords, summary) on an article
 * written for it with the seed article's phenomena: Egyptian spelling (فى, final ى),
 * diacritics, tatweel, hamza on every seat, Arabic-Indic digits, a direct quote, indirect
 * quotes and a sub-heading run into the text. Update after retraining with
 * `npx vitest run -u src/core/discourse/golden.test.ts` and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { createDocument } from '../document.js';
import { createPipeline } from '../pipeline.js';
import { loadModel } from '../../node/models.js';
import { tokenize } from '../text/tokenize.js';
import { splitSentences } from '../text/sentences.js';
import { createKeywordsStage } from './keywords.js';
import { createSummaryStage } from './summary.js';
import { createTopicsStage } from './topics.js';
import { FIXTURE_ARTICLE as text } from './__fixtures__/article.js';

describe('golden article', () => {
  const doc = createDocument(text);
  doc.tokens = tokenize(text);
  doc.sentences = splitSentences(text, doc.tokens);
  createPipeline([createTopicsStage(loadModel('topics')), createKeywordsStage(loadModel('keywords')), createSummaryStage()], {
    initial: ['tokens', 'sentences'],
  }).run(doc);

  it('matches the reviewed analysis', async () => {
    const layers = { topics: doc.topics, themes: doc.themes, keywords: doc.keywords, summary: doc.summary };
    await expect(JSON.stringify(layers, null, 2) + '\n').toMatchFileSnapshot('./__fixtures__/article.golden.json');
  });

  it('reads it as an energy and diplomacy story, summarized by its lead', () => {
    expect(['politics', 'economy']).toContain(doc.topics?.[0].label);
    expect(doc.themes?.map((t) => t.label)).toEqual(expect.arrayContaining(['energy', 'diplomacy', 'terrorism']));
    expect(doc.keywords?.slice(0, 5).map((k) => k.text)).toContain('الرفاعي');
    expect(doc.summary?.sentences[0]).toBe(0);
    expect(doc.summary?.headline).toBe('وصل وزيرُ الطاقة الأردنىّ خالد الرفاعى إلى القاهرة');
  });
});
