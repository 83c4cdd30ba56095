/**
 * How the analysis JSON is stored: compact and compressed, decoded to exactly what the
 * analyzer produced.
 *
 * Tokens are most of an analysis, and two of their fields can be rebuilt from the rest:
 * `text` is always `original.slice(start, end)`, and `norm` is usually `normalize(text)`.
 * Those are left out when they can be rebuilt (a `norm` that differs is kept), the
 * document's `text` is left out (the documents table holds it), and the JSON is
 * deflate-compressed: about 4× smaller than plain JSON on news text, and cheaper to write.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AnalyzedDocument, Token } from '../core/document.js';
import { normalize } from '../core/text/normalize.js';

/** The name of the stored encoding, kept next to the bytes so it can change later. */
export const ANALYSIS_CODEC = 'deflate-compact-v1';

type StoredToken = Omit<Token, 'text' | 'norm'> & { text?: string; norm?: string };

/** Encodes an analysis for storage (without its text). */
export function encodeAnalysis(doc: AnalyzedDocument): Buffer {
  const { text, ...rest } = doc;
  const stored: Omit<AnalyzedDocument, 'text' | 'tokens'> & { tokens?: StoredToken[] } = { ...rest };
  if (doc.tokens) {
    stored.tokens = doc.tokens.map((t) => {
      const { text: tokenText, norm, ...others } = t;
      const out: StoredToken = others;
      if (tokenText !== text.slice(t.start, t.end)) out.text = tokenText;
      if (norm !== normalize(tokenText)) out.norm = norm;
      return out;
    });
  }
  return deflateRawSync(JSON.stringify(stored), { level: 1 });
}

/** Decodes what {@link encodeAnalysis} wrote, given the document's text. */
export function decodeAnalysis(bytes: Uint8Array, text: string, codec: string = ANALYSIS_CODEC): AnalyzedDocument {
  if (codec === 'json') return { ...(JSON.parse(Buffer.from(bytes).toString('utf8')) as Omit<AnalyzedDocument, 'text'>), text } as AnalyzedDocument;
  const stored = JSON.parse(inflateRawSync(bytes).toString('utf8')) as Omit<AnalyzedDocument, 'text' | 'tokens'> & { tokens?: StoredToken[] };
  const { schemaVersion, ...layers } = stored;
  const doc = { schemaVersion, text, ...layers } as AnalyzedDocument;
  if (stored.tokens) {
    doc.tokens = stored.tokens.map((t) => {
      const { start, end, text: tokenText, norm, kind, ...others } = t;
      const tt = tokenText ?? text.slice(start, end);
      return { start, end, text: tt, norm: norm ?? normalize(tt), kind, ...others };
    });
  }
  return doc;
}
