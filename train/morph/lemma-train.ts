/**
 * Training the lemmatizer on the SIGMORPHON 2019 PADT subset (gold vocalized lemmas), with
 * UPOS taken from the matching PADT sentences.
 */
import { dediacritize } from '../../src/core/morph/eval.js';
import { lemmaFeatures, ScriptIndex, scriptFor, scriptName, templateCore, templateFor, templateName, templateVariants, type TemplateScript } from '../../src/core/morph/lemmatizer.js';
import { cleanForm } from '../../src/core/morph/orthography.js';
import { UPOS_TAGS } from '../../src/core/morph/tagger.js';
import type { Treebank } from '../../src/core/morph/treebank.js';
import type { Vocabulary } from '../../src/core/morph/vocabulary.js';
import { normalize } from '../../src/core/text/normalize.js';
import { TrainableTable } from './perceptron.js';
import { shuffled } from './segmenter-train.js';

/** A word with its gold lemma and UPOS. */
export interface LemmaExample {
  form: string;
  upos: string;
  lemma: string;
}

/**
 * Pairs the lemma file's words with UPOS from the treebank, matching sentences by their
 * word sequence. Returns the examples and the number of sentences that found no match.
 */
export function lemmaExamples(lemmas: Treebank, treebank: Treebank): { examples: LemmaExample[][]; unmatched: number } {
  const index = new Map<string, string[]>();
  for (const s of treebank.sentences) {
    const words = s.tokens.flatMap((t) => t.words);
    index.set(words.map((w) => w.form).join(' '), words.map((w) => w.upos ?? ''));
  }
  const examples: LemmaExample[][] = [];
  let unmatched = 0;
  for (const s of lemmas.sentences) {
    const words = s.tokens.flatMap((t) => t.words);
    const tags = index.get(words.map((w) => w.form).join(' '));
    if (!tags) {
      unmatched++;
      continue;
    }
    examples.push(words.map((w, i) => ({ form: w.form, upos: tags[i], lemma: w.lemma ?? w.form })));
  }
  return { examples, unmatched };
}

/** What lemmatizer training produces. */
export interface LemmaTrainResult {
  lexicon: Map<string, string>;
  scripts: string[];
  weights: TrainableTable;
}

function best(m: Map<string, number>): string {
  let b = '';
  let bc = -1;
  for (const [k, c] of m) if (c > bc) {
    b = k;
    bc = c;
  }
  return b;
}

/** Builds the lexicon and trains the edit-script ranker (on word types, as unseen words are what it serves). */
export function trainLemmatizer(sentences: readonly LemmaExample[][], vocab: Vocabulary, options: { epochs: number; minScriptCount: number; templates?: boolean; log?: (s: string) => void }): LemmaTrainResult {
  const byForm = new Map<string, Map<string, number>>();
  const add = (key: string, lemma: string): void => {
    let m = byForm.get(key);
    if (!m) byForm.set(key, (m = new Map()));
    m.set(lemma, (m.get(lemma) ?? 0) + 1);
  };
  const types = new Map<string, LemmaExample>();
  const scriptCounts = new Map<string, number>();
  // Templates are counted by their core, then enter with every variant (see templateVariants).
  const coreCounts = new Map<string, { core: TemplateScript; count: number }>();
  for (const s of sentences) {
    for (const e of s) {
      const form = cleanForm(e.form);
      add(`${form}\t${e.upos}`, e.lemma);
      add(`~${normalize(form)}\t${e.upos}`, e.lemma);
      const key = `${form}\t${e.upos}\t${dediacritize(e.lemma)}`;
      if (!types.has(key)) {
        types.set(key, { form, upos: e.upos, lemma: dediacritize(e.lemma) });
        const sc = scriptFor(form, dediacritize(e.lemma));
        if (sc) scriptCounts.set(scriptName(sc), (scriptCounts.get(scriptName(sc)) ?? 0) + 1);
        const tp = options.templates === false ? undefined : templateFor(form, dediacritize(e.lemma));
        if (tp) {
          const core = templateCore(tp);
          const seen = coreCounts.get(templateName(core));
          coreCounts.set(templateName(core), { core, count: (seen?.count ?? 0) + 1 });
        }
      }
    }
  }
  const lexicon = new Map<string, string>();
  for (const [k, m] of byForm) lexicon.set(k, best(m));
  for (const { core, count } of coreCounts.values()) {
    for (const v of templateVariants(core)) scriptCounts.set(templateName(v), Math.max(scriptCounts.get(templateName(v)) ?? 0, count));
  }
  const scripts = [...scriptCounts].filter(([, c]) => c >= options.minScriptCount).sort((a, b) => b[1] - a[1]).map(([n]) => n);
  const index = ScriptIndex.fromNames(scripts);
  const weights = new TrainableTable(1, 1 << 16);
  const keys = new Uint32Array(32);
  const all = [...types.values()];
  const tagIndex = new Map<string, number>(UPOS_TAGS.map((t, i) => [t, i]));
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    let errors = 0;
    let total = 0;
    for (const e of shuffled(all, 5 + epoch)) {
      const tag = tagIndex.get(e.upos) ?? -1;
      const cands = index.applicable(e.form);
      const outs = cands.map((i) => index.apply(i, e.form));
      const goldAt = outs.findIndex((o) => o === e.lemma);
      if (goldAt < 0) continue;
      let bestAt = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      const featureSets: Uint32Array[] = [];
      for (let c = 0; c < cands.length; c++) {
        const lemma = outs[c];
        if (lemma === undefined) {
          featureSets.push(new Uint32Array(0));
          continue;
        }
        const n = lemmaFeatures(e.form, tag, cands[c], lemma, vocab, keys);
        const fs = keys.slice(0, n);
        featureSets.push(fs);
        let sc = 0;
        for (const k of fs) sc += weights.weight(k, 0);
        if (sc > bestScore) {
          bestScore = sc;
          bestAt = c;
        }
      }
      total++;
      if (outs[bestAt] !== e.lemma) {
        errors++;
        for (const k of featureSets[goldAt]) weights.update(k, 0, 1);
        for (const k of featureSets[bestAt]) weights.update(k, 0, -1);
      }
      weights.tick();
    }
    options.log?.(`lemmatizer epoch ${epoch + 1}: ${errors} errors on ${total} word types`);
  }
  return { lexicon, scripts, weights };
}
