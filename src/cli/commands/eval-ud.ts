/**
 * `marsad eval ud --gold FILE`: scores the morphology model (segmentation, UPOS, lemmas)
 * against a gold treebank in the reduced PADT format or CoNLL-U, running the model from
 * the gold surface tokens. The last line is `Words NN.NN UPOS NN.NN Lemma NN.NN`, with `-`
 * for a metric the gold file does not carry.
 */
import type { Command } from 'commander';
import { evaluateUdFile } from '../../node/eval/ud.js';

/** The `eval` command group, shared by `eval ud` and `eval ner`: found or created. */
export function evalGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'eval') ?? program.command('eval').description('Evaluate models against gold data');
}

/** Registers `eval ud` on the program. */
export function registerEvalUd(program: Command): void {
  evalGroup(program)
    .command('ud')
    .description('Score segmentation, UPOS and lemmas against a gold treebank (reduced PADT .txt or CoNLL-U)')
    .requiredOption('--gold <file>', 'gold treebank file')
    .action((opts: { gold: string }) => {
      const { lines } = evaluateUdFile(opts.gold);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
