/**
 * CoNLL-U output. Each sentence becomes a block; a token analysed into several syntactic
 * words becomes a multiword-token range line (`3-5 وبالعراق`) followed by its words, as in
 * UD Arabic-PADT. Offsets go in MISC as `TokenRange=start:end`, as UDPipe writes them, and
 * `SpaceAfter=No` marks tokens glued to the next one.
 */
import type { AnalyzedDocument, Token } from '../document.js';

const field = (s: string | undefined): string => (s === undefined || s === '' ? '_' : s.replace(/[\t\n\r]/gu, ' '));

/** Formats an analysis as CoNLL-U. Without morphology, each token is one word with `_` tags. */
export function formatConllu(doc: AnalyzedDocument): string {
  const tokens = doc.tokens ?? [];
  const sentences = doc.sentences ?? (tokens.length ? [{ start: tokens[0].start, end: tokens[tokens.length - 1].end, kind: 'sentence' as const }] : []);
  const lines: string[] = [];
  let t = 0;
  sentences.forEach((sentence, index) => {
    const inSentence: Token[] = [];
    while (t < tokens.length && tokens[t].start < sentence.start) t++;
    while (t < tokens.length && tokens[t].end <= sentence.end) inSentence.push(tokens[t++]);
    if (inSentence.length === 0) return;
    lines.push(`# sent_id = ${index + 1}`);
    if (sentence.kind === 'heading') lines.push('# heading');
    lines.push(`# text = ${doc.text.slice(sentence.start, sentence.end).replace(/\s+/gu, ' ')}`);
    let id = 1;
    inSentence.forEach((token, k) => {
      const next = inSentence[k + 1];
      const misc: string[] = [];
      if (next && next.start === token.end) misc.push('SpaceAfter=No');
      misc.push(`TokenRange=${token.start}:${token.end}`);
      const segments = token.segments ?? [];
      if (segments.length > 1) {
        lines.push([`${id}-${id + segments.length - 1}`, field(token.text), '_', '_', '_', '_', '_', '_', '_', misc.join('|')].join('\t'));
        for (const seg of segments) {
          lines.push([String(id++), field(seg.text), field(seg.lemma), field(seg.pos), '_', '_', '_', '_', '_', '_'].join('\t'));
        }
      } else {
        const lemma = segments[0]?.lemma ?? token.lemma;
        const pos = segments[0]?.pos ?? token.pos;
        lines.push([String(id++), field(token.text), field(lemma), field(pos), '_', '_', '_', '_', '_', misc.join('|')].join('\t'));
      }
    });
    lines.push('');
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}
