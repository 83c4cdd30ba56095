/**
 * `marsad analyze [FILE|-]`: analyzes one text and prints JSON, a readable brief or CoNLL-U.
 * The whole output is built before anything is written, so an error never leaves half a
 * result on standard output.
 */
import type { Command } from 'commander';
import { formatConllu } from '../../core/format/conllu.js';
import { formatJson } from '../../core/format/json.js';
import { formatText } from '../../core/format/text.js';
import { MarsadError } from '../../core/errors.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../core/text/input.js';
import { loadAnalyzer } from '../../node/analyzer.js';
import { readTextInput } from '../../node/input.js';
import { parseByteSize } from '../options.js';

/** Output formats of `analyze`. */
export const ANALYZE_FORMATS = ['json', 'text', 'conllu'] as const;

/** Registers `analyze` on the program. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Analyze an Arabic text (a file, or standard input with - or no argument)')
    .argument('[file]', 'text file to analyze, or - for standard input')
    .option('-f, --format <format>', `output format: ${ANALYZE_FORMATS.join(', ')}`, 'json')
    .option('--date <YYYY-MM-DD>', 'publication date, to resolve relative times such as أمس')
    .option('--stages <names>', 'comma-separated subset of stages to run (e.g. tokenize,sentences)')
    .option('--max-bytes <size>', 'largest accepted input, e.g. 10MB', String(DEFAULT_MAX_INPUT_BYTES))
    .action(async (file: string | undefined, opts: { format: string; date?: string; stages?: string; maxBytes: string }) => {
      if (!(ANALYZE_FORMATS as readonly string[]).includes(opts.format)) {
        throw new MarsadError('INVALID_ARGUMENT', `Unknown format "${opts.format}". Use one of: ${ANALYZE_FORMATS.join(', ')}.`);
      }
      if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(opts.date)) {
        throw new MarsadError('INVALID_ARGUMENT', `--date must be YYYY-MM-DD, got "${opts.date}".`);
      }
      const text = await readTextInput(file, parseByteSize(opts.maxBytes));
      const only = opts.stages?.split(',').map((s) => s.trim()).filter(Boolean);
      const analyzer = loadAnalyzer(only ? { only } : {});
      const doc = analyzer.analyze(text, opts.date ? { date: opts.date } : {});
      const output = opts.format === 'json' ? formatJson(doc) + '\n' : opts.format === 'text' ? formatText(doc) : formatConllu(doc);
      process.stdout.write(output);
    });
}
