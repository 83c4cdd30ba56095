/**
 * The `topics` stage: a probability distribution over subject labels from the ANT-trained
 * classifier, and the issue themes found by the lexicon (see docs/TOPICS.md).
 *
 * The stage needs only tokens. It reads each token's term once for the classifier and
 * once for the themes; both are linear in the number of tokens.
 */
import type { AnalyzedDocument, Token, Topic } from '../document.js';
import { MarsadError } from '../errors.js';
import type { Stage } from '../pipeline.js';
import { termHashes } from './features.js';
import { TERM_FUNCTIONS, termKeys, type TermFunction } from './terms.js';
import { matchThemes, scoreThemes, decodeThemeLexicon, type ThemeLexicon } from './themes.js';
import { decodeTopicModel, labelProbabilitiesOfHashes, type TopicModel } from './topic-model.js';

/** The files of a model folder, as `loadModel(name)` returns them (or a browser fetch builds them). */
export interface ModelFiles {
  files: ReadonlyMap<string, Uint8Array>;
}

/** The decoded topics model: classifier plus theme lexicon. */
export interface TopicsModel {
  classifier: TopicModel;
  themes: ThemeLexicon;
  terms: TermFunction;
}

/** The file names inside `models/topics/`. */
export const TOPICS_FILES = { classifier: 'classifier.bin', themes: 'themes.json' } as const;

function requireFile(model: ModelFiles, name: string, what: string): Uint8Array {
  const bytes = model.files.get(name);
  if (bytes === undefined) throw new MarsadError('MODEL_MISSING', `The ${what} model has no file ${name}.`, { file: name });
  return bytes;
}

/**
 * Decodes the topics model from its files.
 * @throws MarsadError `MODEL_MISSING` / `MODEL_CORRUPT`, or `MODEL_CORRUPT` when the
 *   classifier was built with a term function this build does not know.
 */
export function loadTopicsModel(model: ModelFiles): TopicsModel {
  const classifier = decodeTopicModel(requireFile(model, TOPICS_FILES.classifier, 'topics'));
  const terms = TERM_FUNCTIONS.get(classifier.header.termFunction);
  if (terms === undefined) {
    throw new MarsadError('MODEL_CORRUPT', `The topics model was built with term function "${classifier.header.termFunction}", which this version does not have.`);
  }
  const themes = decodeThemeLexicon(requireFile(model, TOPICS_FILES.themes, 'topics'), terms);
  return { classifier, themes, terms };
}

/** Topic probabilities of a token sequence, sorted by score (they sum to 1 before rounding). */
export function classifyTopics(model: TopicsModel, tokens: readonly Pick<Token, 'norm' | 'kind'>[]): Topic[] {
  const { classifier } = model;
  const keys = termKeys(tokens, model.terms);
  const hashes = termHashes(keys);
  const isWord = new Uint8Array(keys.length);
  let words = 0;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== '') {
      isWord[i] = 1;
      words++;
    }
  }
  if (words === 0) return [];
  const p = labelProbabilitiesOfHashes(classifier, hashes, isWord, classifier.header.bigrams);
  return classifier.labels
    .map((label, k) => ({ label, score: Math.round(p[k] * 1e4) / 1e4 }))
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}

/** Themes of a token sequence, given its topics (sport turns weak terms off). */
export function findThemes(model: TopicsModel, tokens: readonly Pick<Token, 'norm' | 'kind'>[], topics: readonly Topic[] = []): Topic[] {
  const sportProbability = topics.find((t) => t.label === 'sport')?.score ?? 0;
  return scoreThemes(model.themes, matchThemes(model.themes, tokens), { sportProbability });
}

/**
 * The `topics` stage (needs tokens, adds topics and themes).
 * @param model the topics model files (`loadModel('topics')`) or an already decoded model.
 */
export function createTopicsStage(model: ModelFiles | TopicsModel): Stage {
  const decoded = 'classifier' in model ? model : loadTopicsModel(model);
  return {
    name: 'topics',
    needs: ['tokens'],
    adds: ['topics'],
    run(doc: AnalyzedDocument) {
      const tokens = doc.tokens ?? [];
      const topics = classifyTopics(decoded, tokens);
      doc.topics = topics;
      doc.themes = findThemes(decoded, tokens, topics);
    },
  };
}
