import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer.js';
import { MarsadError } from './errors.js';
import { createPipeline, type Stage } from './pipeline.js';
import { createSentencesStage, createTokenizeStage } from './text/stages.js';

const counting: Stage = {
  name: 'count',
  needs: ['tokens', 'sentences'],
  adds: ['keywords'],
  run(doc) {
    doc.keywords = [{ text: 'tokens', score: doc.tokens?.length ?? 0 }];
  },
};

describe('createPipeline', () => {
  it('runs stages in order and adds their layers', () => {
    const doc = createPipeline([createTokenizeStage(), createSentencesStage(), counting]).analyze('قال الوزير. ثم غادر.');
    expect(doc.schemaVersion).toBe(1);
    expect(doc.sentences).toHaveLength(2);
    expect(doc.keywords).toEqual([{ text: 'tokens', score: 6 }]);
  });

  it('refuses a plan whose needs are not met, before running anything', () => {
    expect(() => createPipeline([createTokenizeStage(), counting])).toThrowError(MarsadError);
    try {
      createPipeline([counting]);
    } catch (e) {
      expect((e as MarsadError).code).toBe('STAGE_NEEDS_UNMET');
      expect((e as MarsadError).message).toContain('"count" needs tokens, sentences');
    }
  });

  it('runs a subset of stages', () => {
    const doc = createPipeline([createTokenizeStage(), createSentencesStage(), counting], { only: ['tokenize'] }).analyze('نعم.');
    expect(doc.tokens).toHaveLength(2);
    expect(doc.sentences).toBeUndefined();
  });

  it('names unknown stages', () => {
    expect(() => createPipeline([createTokenizeStage()], { only: ['tokenize', 'parse'] })).toThrowError(/Unknown stage\(s\): parse/u);
  });

  it('accepts later stages alone when the documents already carry their needs', () => {
    const tokenized = createPipeline([createTokenizeStage()]).analyze('نعم. لا.');
    const later = createPipeline([createSentencesStage()], { initial: ['tokens'] });
    expect(later.run(tokenized).sentences).toHaveLength(2);
    expect(() => later.run({ schemaVersion: 1, text: 'x' })).toThrowError(/needs tokens/u);
  });
});

describe('createAnalyzer', () => {
  it('sorts stages into the canonical order whatever order they are given in', () => {
    const analyzer = createAnalyzer([counting]);
    expect(analyzer.stages.map((s) => s.name)).toEqual(['tokenize', 'sentences', 'count']);
  });
});
