/**
 * The `marsad` command line. Each command lives in `commands/` and stays thin: parse the
 * arguments, call the core or the store, format the result. Errors with a code print their
 * message and exit non-zero; anything else is a bug and prints its stack.
 */
import { Command } from 'commander';
import { isMarsadError } from '../core/errors.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerEvalNer } from './commands/eval-ner.js';
import { registerEvalUd } from './commands/eval-ud.js';
import { registerIngest } from './commands/ingest.js';
import { registerServe } from './commands/serve.js';
import { registerWatch } from './commands/watch.js';

/** Builds the program with every command registered. */
export function buildProgram(): Command {
  const program = new Command();
  program.name('marsad').description('Marsad (مرصد): Arabic news intelligence').version('0.1.0');
  program.exitOverride();
  registerAnalyze(program);
  registerEvalUd(program);
  registerEvalNer(program);
  registerIngest(program);
  registerWatch(program);
  registerServe(program);
  return program;
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (isMarsadError(e)) {
      process.stderr.write(`marsad: error ${e.code}: ${e.message}\n`);
      return 1;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      // commander has already printed help, the version or its own error.
      return code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help' ? 0 : 2;
    }
    process.stderr.write(`marsad: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}
