/**
 * JSON serialization of an analysis, with the layers in a fixed, readable order whatever
 * order the stages ran in.
 */
import type { AnalyzedDocument } from '../document.js';

const KEY_ORDER: readonly (keyof AnalyzedDocument)[] = [
  'schemaVersion',
  'text',
  'sentences',
  'tokens',
  'repairs',
  'entities',
  'quotes',
  'events',
  'topics',
  'themes',
  'keywords',
  'summary',
];

/** Returns a copy of the document with its keys in canonical order (unknown keys last). */
export function canonicalDocument(doc: AnalyzedDocument): AnalyzedDocument {
  const out: Record<string, unknown> = {};
  const source = doc as unknown as Record<string, unknown>;
  for (const k of KEY_ORDER) if (source[k] !== undefined) out[k] = source[k];
  for (const k of Object.keys(source)) if (!(k in out) && source[k] !== undefined) out[k] = source[k];
  return out as unknown as AnalyzedDocument;
}

/** Serializes an analysis as JSON (schemaVersion first). */
export function formatJson(doc: AnalyzedDocument, indent = 2): string {
  return JSON.stringify(canonicalDocument(doc), null, indent);
}
