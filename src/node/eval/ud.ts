/**
 * `eval ud` in Node: reads a gold treebank file (reduced PADT `.txt` or CoNLL-U), runs the
 * morphology model on its surface tokens and scores it after CoNLL 2018.
 */
import { existsSync, readFileSync } from 'node:fs';
import { MarsadError } from '../../core/errors.js';
import { MorphAnalyzer } from '../../core/morph/analyzer.js';
import { summaryLine, type Conll2018Scores, type Score } from '../../core/morph/eval.js';
import { parseTreebank, type Treebank } from '../../core/morph/treebank.js';
import { evaluateTreebank } from '../../core/morph/ud.js';
import { loadModel } from '../models.js';

/** The result of evaluating a gold file. */
export interface UdEvaluation {
  treebank: Treebank;
  scores: Conll2018Scores;
  /** Report lines; the last one is {@link summaryLine}. */
  lines: string[];
}

function row(name: string, s: Score | undefined, note = ''): string {
  if (!s) return `${name.padEnd(11)} -`;
  const f = (x: number): string => x.toFixed(2).padStart(6);
  return `${name.padEnd(11)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}  aligned-acc ${f(s.alignedAccuracy)}${note}`;
}

/**
 * Evaluates the morphology model on a gold file.
 * @throws MarsadError `FILE_NOT_FOUND` for a missing file, `VALIDATION` for a malformed one, `MODEL_MISSING` without the model.
 */
export function evaluateUdFile(path: string, analyzer?: MorphAnalyzer): UdEvaluation {
  if (!existsSync(path)) throw new MarsadError('FILE_NOT_FOUND', `Gold file not found: ${path}`);
  const treebank = parseTreebank(readFileSync(path, 'utf8'));
  const a = analyzer ?? MorphAnalyzer.fromFiles(loadModel('morph').files);
  const scores = evaluateTreebank(a, treebank);
  const st = treebank.stats;
  const lines = [
    `Gold: ${path}: ${st.sentences} sentences, ${st.tokens} surface tokens (${st.fused} fused), ${st.words} words` +
      (st.droppedEmpty ? `, ${st.droppedEmpty} empty items dropped` : '') +
      (st.unresolved ? `, ${st.unresolved} fused tokens whose parts do not spell them` : ''),
    'Scored after CoNLL 2018 (word alignment by span, LCS inside multiword tokens), from the gold surface tokens.',
    row('Tokens', scores.tokens),
    row('Words', scores.words),
    row('UPOS', scores.upos),
    row('Lemma', scores.lemma, scores.lemma ? '  (diacritics removed on both sides)' : ''),
    row('LemmaExact', scores.lemmaExact, scores.lemmaExact ? '  (as written; vocalized only where the lexicon knows the word)' : ''),
    summaryLine(scores),
  ];
  return { treebank, scores, lines };
}
