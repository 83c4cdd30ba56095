/**
 * NER throughput: tokens per second for the `ner` stage alone (feature extraction, both
 * passes, Viterbi, mention trimming and grouping), on pre-tokenized text.
 *
 * `tsx bench/ner.ts` times it on the ANERcorp dev split when `../shared/data` is present
 * (realistic sentence lengths), else on the sentences below (written for this benchmark).
 * `benchNer` is exported for `npm run bench`.
 *
 * The machine is shared: numbers taken while others train are noisy; the best of several
 * rounds is reported.
 */
import { readFileSync } from 'node:fs';
import { createDocument, type Token } from '../src/core/document.js';
import { recognizeEntities } from '../src/core/entities/recognize.js';
import { type NerModel, NerTagger } from '../src/core/entities/tagger.js';
import { normalize } from '../src/core/text/normalize.js';
import { goldMorphology, loadNer } from '../src/node/ner.js';
import { hasData, requireData } from '../train/lib/data.js';

/** Sentences written for this benchmark (Egyptian-press spelling, glued and clitic-laden words). */
const OWN_SENTENCES = [
  'وصل وزير الخارجية المصرى سامح شكرى إلى موسكو مساء الثلاثاء فى زيارة تستغرق يومين يلتقى خلالها نظيره الروسى .',
  'وقال المتحدث باسم وزارة الخارجية أحمد أبو زيد إن المحادثات ستتناول الأوضاع فى سوريا وليبيا واليمن .',
  'وأعلنت شركة أرامكو السعودية أمس عن توقيع اتفاق مع جامعة الملك عبدالله للعلوم والتقنية لتطوير أبحاث الطاقة .',
  'ذكرت وكالة الأنباء الفرنسية أن الرئيس إيمانويل ماكرون سيزور الجزائر الشهر المقبل .',
  'وسجل محمد صلاح هدفين لفريق ليفربول فى مرمى مانشستر يونايتد على ملعب أنفيلد .',
  'ارتفع سعر الدولار أمام الجنيه فى البنوك المصرية خلال تعاملات اليوم بنسبة ٢٫٥ بالمئة .',
];

/** Naive whitespace tokens with offsets (the bench measures NER, not the tokenizer). */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/gu)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, text: m[0], norm: normalize(m[0]), kind: 'word' });
  }
  return out;
}

/** A benchmark result. */
export interface NerBenchResult {
  tokens: number;
  /** Wall-clock seconds for one pass over the tokens (best round). */
  seconds: number;
  /** Tokens per wall-clock second (best round). */
  tokensPerSecond: number;
  /**
   * Tokens per second of this process's CPU time (best round): what the code does on a core
   * of its own, less disturbed than wall time when other jobs share the machine.
   */
  tokensPerCpuSecond: number;
  corpus: string;
}

/**
 * Times NER over `texts` (one document each), repeating for at least `minSeconds`, best of `rounds`.
 */
export function benchNer(model: NerModel, texts: readonly string[], corpus: string, minSeconds = 3, rounds = 3): NerBenchResult {
  const docs = texts.map((text) => ({ text, tokens: tokens(text) }));
  // A model that reads the morphology gets it as the morphology stage would give it, before
  // timing: that cost belongs to the morphology stage (see the pipeline bench).
  const morphology = goldMorphology(model);
  if (morphology) {
    for (const d of docs) {
      const analyzed = morphology(d.tokens.map((t) => t.text));
      d.tokens.forEach((t, i) => {
        t.pos = analyzed[i].pos;
        t.segments = analyzed[i].segments;
      });
    }
  }
  const total = docs.reduce((n, d) => n + d.tokens.length, 0);
  const tagger = new NerTagger(model);
  const runAll = (): void => {
    for (const d of docs) {
      const doc = createDocument(d.text);
      doc.entities = recognizeEntities(tagger, d.text, d.tokens);
    }
  };
  // Warm up the JIT before timing.
  for (let w = 0; w < 3; w++) runAll();
  let best = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < rounds; r++) {
    let done = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let elapsed = 0;
    do {
      runAll();
      done += total;
      elapsed = (performance.now() - t0) / 1000;
    } while (elapsed < minSeconds / rounds);
    const cpu = process.cpuUsage(c0);
    best = Math.min(best, elapsed / done);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6 / done);
  }
  return { tokens: total, seconds: best * total, tokensPerSecond: Math.round(1 / best), tokensPerCpuSecond: Math.round(1 / bestCpu), corpus };
}

/** The benchmark texts: ANERcorp dev sentences in runs of 20 (as articles) when the data is there. */
export function benchTexts(): { texts: string[]; corpus: string } {
  if (hasData('anercorp-camel/ANERCorp_CamelLab_train.txt')) {
    const raw = readFileSync(requireData('anercorp-camel/ANERCorp_CamelLab_train.txt'), 'utf8');
    const sentences = raw
      .split(/\n\s*\n/u)
      .map((b) => b.split('\n').filter((l) => l.trim() !== '').map((l) => l.split(' ')[0]).join(' '))
      .filter((s) => s !== '');
    const dev = sentences.slice(sentences.length - Math.ceil(sentences.length * 0.1));
    const texts: string[] = [];
    for (let i = 0; i < dev.length; i += 20) texts.push(dev.slice(i, i + 20).join('\n'));
    return { texts, corpus: 'ANERcorp dev split (our last 10% of CAMeL train), 20-sentence documents' };
  }
  return { texts: [OWN_SENTENCES.join('\n')], corpus: 'built-in benchmark sentences' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  const model = loadNer();
  const loadMs = performance.now() - t0;
  const { texts, corpus } = benchTexts();
  const r = benchNer(model, texts, corpus);
  console.log(`ner: model load ${loadMs.toFixed(0)} ms`);
  console.log(
    `ner: ${r.tokensPerSecond.toLocaleString('en-US')} tokens/s wall clock, ${r.tokensPerCpuSecond.toLocaleString('en-US')} tokens per CPU second, ` +
      `on ${r.tokens} tokens (${r.corpus}; best of 3 rounds; the machine is shared, so wall clock is noisy)`,
  );
}
