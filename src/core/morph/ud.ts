/**
 * Running the analyzer on a treebank's surface tokens and scoring it against the gold,
 * after CoNLL 2018. Pure: the caller reads files.
 */
import type { MorphAnalyzer } from './analyzer.js';
import { scoreConll2018, type Conll2018Scores } from './eval.js';
import type { Treebank, TreebankSentence } from './treebank.js';

/** The analyzer's output for each gold sentence, from its surface tokens only. */
export function predictTreebank(analyzer: MorphAnalyzer, sentences: readonly TreebankSentence[]): TreebankSentence[] {
  return sentences.map((s) => {
    const forms = s.tokens.map((t) => t.form);
    const analyzed = analyzer.analyzeSentence(forms);
    return {
      tokens: analyzed.map((a, i) => ({
        form: forms[i],
        words: a.segments.map((seg) => ({ form: seg.text, upos: seg.pos, lemma: seg.lemmaVocalized ?? seg.lemma })),
      })),
    };
  });
}

/** Scores the analyzer on a treebank (Words, UPOS when gold has them, Lemma when gold has them). */
export function evaluateTreebank(analyzer: MorphAnalyzer, treebank: Treebank): Conll2018Scores {
  const system = predictTreebank(analyzer, treebank.sentences);
  return scoreConll2018(treebank.sentences, system, { goldHasUpos: treebank.hasUpos, goldHasLemmas: treebank.hasLemmas });
}

/** Lemma accuracy on gold words (SIGMORPHON 2019 task 2 style): undiacritized lemma against the gold lemma with diacritics removed. */
export function lemmaAccuracyOnGoldWords(analyzer: MorphAnalyzer, treebank: Treebank, dediacritize: (s: string) => string): { correct: number; total: number; accuracy: number } {
  let correct = 0;
  let total = 0;
  for (const s of treebank.sentences) {
    const analyzed = analyzer.analyzeGold(s.tokens);
    s.tokens.forEach((t, i) => {
      t.words.forEach((w, j) => {
        if (w.lemma === undefined) return;
        total++;
        if (analyzed[i].segments[j].lemma === dediacritize(w.lemma)) correct++;
      });
    });
  }
  return { correct, total, accuracy: total > 0 ? (100 * correct) / total : 0 };
}
