/**
 * The text-layer stages: tokenize and sentences. The repair stage lives in `repair.ts`.
 */
import type { Stage } from '../pipeline.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';

/** Tokenizes the original text into lossless tokens. Needs nothing; adds `tokens`. */
export function createTokenizeStage(): Stage {
  return {
    name: 'tokenize',
    needs: [],
    adds: ['tokens'],
    run(doc) {
      doc.tokens = tokenize(doc.text);
    },
  };
}

/** Splits the tokens into sentences and inline headings. Needs `tokens`; adds `sentences`. */
export function createSentencesStage(): Stage {
  return {
    name: 'sentences',
    needs: ['tokens'],
    adds: ['sentences'],
    run(doc) {
      doc.sentences = splitSentences(doc.text, doc.tokens ?? []);
    },
  };
}
