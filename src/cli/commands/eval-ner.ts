/**
 * `marsad eval ner --gold FILE…`: scores the NER model on gold files (ANERcorp, AQMAR or
 * Wojood format) with conlleval semantics and prints per-type precision, recall and F1,
 * ending with `overall F1 NN.NN`.
 */
import type { Command } from 'commander';
import { formatNerScores } from '../../core/entities/conll.js';
import { EVAL_CONTEXT_WINDOW } from '../../core/entities/evaluate.js';
import { evaluateNerFiles } from '../../node/ner.js';

/** Options of the command as commander parses them. */
interface EvalNerOptions {
  gold: string[];
  window: string;
  json?: boolean;
}

/** Runs the evaluation and returns what the command prints. */
export function evalNer(options: EvalNerOptions): string {
  const window = options.window === 'doc' ? Infinity : Number(options.window);
  const scores = evaluateNerFiles(options.gold, { window: Number.isNaN(window) ? EVAL_CONTEXT_WINDOW : window });
  return options.json ? JSON.stringify(scores, null, 2) : formatNerScores(scores);
}

/**
 * Registers `eval ner` on a commander program, under an existing `eval` command if there
 * is one (so `eval ud` and `eval ner` share it), else under a new one.
 */
export function registerEvalNer(program: Command): Command {
  const evalCommand =
    program.commands.find((c) => c.name() === 'eval') ?? program.command('eval').description('Evaluate a model against gold data.');
  return evalCommand
    .command('ner')
    .description('Score the NER model on gold files (ANERcorp, AQMAR or Wojood "token TAG" format) with CoNLL exact-span matching.')
    .requiredOption('--gold <files...>', 'gold file(s); several files are scored together')
    .option('--window <n>', 'sentences of context on each side for the document-level pass, or "doc" for the whole file', String(EVAL_CONTEXT_WINDOW))
    .option('--json', 'print the scores as JSON')
    .action((options: EvalNerOptions) => {
      process.stdout.write(evalNer(options) + '\n');
    });
}
