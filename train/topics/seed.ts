/**
 * Runs the topics stage on the seed article (read from ../shared/seed, never copied) so
 * the training and evaluation scripts can print and record its topics and themes.
 */
import { readFileSync } from 'node:fs';
import type { Topic } from '../../src/core/document.js';
import { createDocument } from '../../src/core/document.js';
import { compileThemeLexicon, type ThemeLexiconFile } from '../../src/core/discourse/themes.js';
import { createTopicsStage } from '../../src/core/discourse/topics.js';
import { TERM_FUNCTIONS } from '../../src/core/discourse/terms.js';
import type { TopicModel } from '../../src/core/discourse/topic-model.js';
import { requireData } from '../lib/data.js';
import { tokenize } from '../../src/core/text/tokenize.js';

/** Path of the seed article the product was specified from. */
export const SEED_ARTICLE = '../seed/000_66da53df7ae971d4.txt';

/** Topics and themes of the seed article under a model. */
export function seedCheck(classifier: TopicModel, lexicon: ThemeLexiconFile): { topics: Topic[]; themes: Topic[] } {
  const text = readFileSync(requireData(SEED_ARTICLE), 'utf8');
  const terms = TERM_FUNCTIONS.get(classifier.header.termFunction);
  if (!terms) throw new Error(`unknown term function ${classifier.header.termFunction}`);
  const stage = createTopicsStage({ classifier, themes: compileThemeLexicon(lexicon, terms), terms });
  const doc = createDocument(text);
  doc.tokens = tokenize(text);
  stage.run(doc, {});
  return { topics: doc.topics ?? [], themes: doc.themes ?? [] };
}
