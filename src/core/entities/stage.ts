/**
 * The `ner` pipeline stage: needs tokens (and the morphology, for a model that reads it), adds
 * entities. When the sentences stage ran before it, its sentence spans bound the tagging.
 */
import type { Stage } from '../pipeline.js';
import { recognizeEntities } from './recognize.js';
import { type NerModel, NerTagger, usesMorphology } from './tagger.js';

/**
 * Creates the NER stage from a loaded model (see `loadNerModel`). The stage keeps one
 * tagger with reusable buffers, so it must not run two documents at once (JavaScript does
 * not, within one thread).
 */
export function createNerStage(model: NerModel): Stage {
  const tagger = new NerTagger(model);
  return {
    name: 'ner',
    // A model trained with the morphology's tags needs them at run time too.
    needs: usesMorphology(model) ? ['tokens', 'morphology'] : ['tokens'],
    adds: ['entities'],
    run(doc) {
      doc.entities = recognizeEntities(tagger, doc.text, doc.tokens ?? [], doc.sentences);
    },
  };
}
