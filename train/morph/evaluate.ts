/**
 * Dev-set figures for the morphology model: PADT dev (Words, UPOS with CoNLL 2018
 * alignment from the surface tokens), the SIGMORPHON dev subset (lemmas from the surface
 * tokens, and on gold words), UD Arabic-PUD (a second, differently annotated set), the
 * search stemmer's agreement with the gold segmentation, speed and load time.
 */
import { readFileSync } from 'node:fs';
import { MorphAnalyzer } from '../../src/core/morph/analyzer.js';
import { dediacritize, type Conll2018Scores } from '../../src/core/morph/eval.js';
import { goldAnalysis } from '../../src/core/morph/gold.js';
import { searchKey } from '../../src/core/morph/stemmer.js';
import { parseTreebank, type Treebank } from '../../src/core/morph/treebank.js';
import { evaluateTreebank, lemmaAccuracyOnGoldWords } from '../../src/core/morph/ud.js';
import { loadModel } from '../../src/node/models.js';
import { requireData } from '../lib/data.js';

/** Paths of the evaluation sets under the shared data folder. */
export const DEV_SETS = {
  padtDev: 'ud-arabic-padt/ar_padt-ud-dev.txt',
  sigmorphonDev: 'ud-arabic-padt/sigmorphon2019-lemma/ar_padt-um.ud-dev.conllu',
  pud: 'ud-arabic-pud/ar_pud-ud-test.conllu',
} as const;

/** Reads a treebank from the shared data folder. */
export function readTreebank(relative: string): Treebank {
  return parseTreebank(readFileSync(requireData(relative), 'utf8'));
}

/** Rounds to two decimals. */
export function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

function f1s(s: Conll2018Scores): Record<string, number | null> {
  return {
    words: r2(s.words.f1),
    upos: s.upos ? r2(s.upos.f1) : null,
    lemma: s.lemma ? r2(s.lemma.f1) : null,
    lemmaExact: s.lemmaExact ? r2(s.lemmaExact.f1) : null,
  };
}

/** Agreement of the search stemmer with the stem of the gold segmentation, over word tokens of a treebank. */
export function stemmerAgreement(analyzer: MorphAnalyzer, treebank: Treebank): { agree: number; total: number; percent: number; fusedAgree: number; fused: number } {
  let agree = 0;
  let total = 0;
  let fusedAgree = 0;
  let fused = 0;
  for (const s of treebank.sentences) {
    const forms = s.tokens.map((t) => t.form);
    const analyzed = analyzer.analyzeSentence(forms);
    s.tokens.forEach((t, i) => {
      if (!/\p{L}/u.test(t.form)) return;
      const g = goldAnalysis(t);
      let goldStem: string;
      if (t.words.length === 1) goldStem = t.words[0].form;
      else if (g?.split && g.stemForm !== undefined) goldStem = g.stemForm;
      else if (g?.split) goldStem = t.words[g.split.chain === 0 ? 0 : t.words.length - 2]?.form ?? t.form;
      else goldStem = t.words[0].form;
      const ok = searchKey(goldStem) === analyzed[i].stem;
      total++;
      if (ok) agree++;
      if (t.words.length > 1) {
        fused++;
        if (ok) fusedAgree++;
      }
    });
  }
  return { agree, total, percent: r2((100 * agree) / total), fusedAgree, fused };
}

/** Speed of segmentation + POS + lemma (+ stems), in surface tokens per second. */
export interface SpeedFigures {
  tokens: number;
  /** Best of the warm runs (caches filled by a first pass), wall clock. */
  wordsPerSecond: number;
  /** The same runs in CPU time of this process: steadier than wall time on a shared machine. */
  cpuWordsPerSecond: number;
  /** The first pass, with empty caches, wall clock. */
  coldWordsPerSecond: number;
}

/** Times the analyzer over the sentences: one cold pass with empty caches, then `rounds` warm passes. */
export function measureSpeed(analyzer: MorphAnalyzer, treebank: Treebank, rounds = 3): SpeedFigures {
  const sentences = treebank.sentences.map((s) => s.tokens.map((t) => t.form));
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  const fresh = new MorphAnalyzer(analyzer.parts);
  let t0 = performance.now();
  for (const s of sentences) fresh.analyzeSentence(s);
  const cold = tokens / ((performance.now() - t0) / 1000);
  let best = 0;
  let bestCpu = 0;
  for (let r = 0; r < rounds; r++) {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const s of sentences) fresh.analyzeSentence(s);
    const cpu = process.cpuUsage(c0);
    best = Math.max(best, tokens / ((performance.now() - t0) / 1000));
    bestCpu = Math.max(bestCpu, tokens / ((cpu.user + cpu.system) / 1e6));
  }
  return { tokens, wordsPerSecond: Math.round(best), cpuWordsPerSecond: Math.round(bestCpu), coldWordsPerSecond: Math.round(cold) };
}

/** Everything `npm run eval:morph` reports. */
export interface MorphFigures {
  padtDev: Record<string, number | null>;
  sigmorphonDev: Record<string, number | null> & { lemmaOnGoldWords: number };
  pud: Record<string, number | null>;
  stemmer: ReturnType<typeof stemmerAgreement>;
  speed: SpeedFigures;
  loadMs: number;
  sizeBytes: number;
}

/** Loads the committed model (timing it) and computes every dev figure. */
export function evaluateCommittedModel(log: (s: string) => void = () => {}): { figures: MorphFigures; analyzer: MorphAnalyzer } {
  const t0 = performance.now();
  const loaded = loadModel('morph');
  const analyzer = MorphAnalyzer.fromFiles(loaded.files);
  const loadMs = Math.round(performance.now() - t0);
  const sizeBytes = loaded.manifest.files.reduce((n, f) => n + f.bytes, 0);
  const figures = evaluateAnalyzer(analyzer, log);
  return { figures: { ...figures, loadMs, sizeBytes }, analyzer };
}

/** Computes the dev figures of an analyzer. */
export function evaluateAnalyzer(analyzer: MorphAnalyzer, log: (s: string) => void = () => {}): Omit<MorphFigures, 'loadMs' | 'sizeBytes'> {
  const padt = readTreebank(DEV_SETS.padtDev);
  const padtScores = f1s(evaluateTreebank(analyzer, padt));
  log(`PADT dev: ${JSON.stringify(padtScores)}`);
  const sig = readTreebank(DEV_SETS.sigmorphonDev);
  const sigScores = f1s(evaluateTreebank(analyzer, sig));
  const onGold = lemmaAccuracyOnGoldWords(analyzer, sig, dediacritize);
  log(`SIGMORPHON dev: ${JSON.stringify(sigScores)}, lemma on gold words ${onGold.accuracy.toFixed(2)}`);
  const pud = readTreebank(DEV_SETS.pud);
  const pudScores = f1s(evaluateTreebank(analyzer, pud));
  log(`PUD: ${JSON.stringify(pudScores)}`);
  const stemmer = stemmerAgreement(analyzer, padt);
  log(`stemmer agreement with gold segmentation (PADT dev word tokens): ${stemmer.percent}%`);
  const speed = measureSpeed(analyzer, padt);
  log(`speed: ${speed.wordsPerSecond} tokens/s warm (${speed.cpuWordsPerSecond} in CPU time), ${speed.coldWordsPerSecond} cold`);
  return { padtDev: padtScores, sigmorphonDev: { ...sigScores, lemmaOnGoldWords: r2(onGold.accuracy) }, pud: pudScores, stemmer, speed };
}
