/**
 * What the lexicon model's manifest says about its data and licence, shared by the build
 * script (which writes the manifest) and the evaluation (which adds its scores to it).
 */
import type { ModelDataSource } from '../../src/core/model/manifest.js';
import { LEXICON_FILES } from '../../src/core/text/repair.js';
import type { ManifestInput } from '../lib/manifest.js';

export const LEXICON_MODEL = 'lexicon';
export const LEXICON_FILE = LEXICON_FILES.lexicon;
export const GLUE_FILE = LEXICON_FILES.glue;

const ANT_LICENCE =
  'Apache-2.0, with the authors\' citation request: Chouigui, Ben Khiroun, Elayeb, "ANT Corpus: An Arabic News Text Collection for Textual Classification", AICCSA 2017 (and AJSE 2021 for the multi-source set)';
const SAUDI_LICENCE = 'CC BY-NC-SA 4.0 (non-commercial, share-alike)';

/** The data sources of a build. */
export function lexiconDataSources(withSaudi: boolean): ModelDataSource[] {
  const sources: ModelDataSource[] = [
    {
      name: 'ANT corpus v1.1 (JawharaFM)',
      source: 'https://github.com/antcorpus/antcorpus.data',
      commit: '06f6a10e80c7a0e7aee0bba2f0a6372c35c45c83',
      licence: ANT_LICENCE,
      split:
        'folds 0-7 counted (title + text); glue-model weights cross-fitted on folds 0-7 (each fold against the counts of the other seven); fold 8 tunes the thresholds; fold 9 held out for reporting',
    },
    {
      name: 'ANT multi-source v2.1 (subset)',
      source: 'https://github.com/antcorpus/antcorpus.multisource.data',
      commit: 'f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8',
      licence: ANT_LICENCE,
      split: 'same folds as above',
    },
  ];
  if (withSaudi) {
    sources.push({
      name: 'SaudiNewsNet (subset)',
      source: 'https://github.com/parallelfold/SaudiNewsNet',
      commit: '4e39239966c2ae8a3faa591201acb9cd1f51199d',
      licence: SAUDI_LICENCE,
      split: 'all articles counted (title + text)',
    });
  }
  return sources;
}

/** The manifest input of a build (scores filled in by the caller). */
export function lexiconManifestInput(withSaudi: boolean, trainCommand: string, scores: Record<string, unknown>): ManifestInput {
  return {
    name: LEXICON_MODEL,
    version: '1.0.0',
    description:
      'Frequencies of normalized Arabic words and adjacent word pairs from news text (no text: words and hashed pairs with counts), and the logistic glue model that splits glued words (روسياوالعراق → روسيا والعراق).',
    licence: withSaudi
      ? `${SAUDI_LICENCE}, because it counts SaudiNewsNet; ANT part: Apache-2.0 with citation request`
      : ANT_LICENCE,
    data: lexiconDataSources(withSaudi),
    trainCommand,
    scores,
    files: [LEXICON_FILE, GLUE_FILE],
  };
}
