/**
 * Turns annotation layers (quotes, entity mentions, repairs, …) over a text into a tree of
 * nodes that the article view renders as nested elements around TEXT NODES ONLY.
 *
 * Why a tree and not a flat list of spans: a quote must be one focusable element (its
 * speaker is shown on focus), and a mention must be one element too, even when a repair
 * splits it or it sits inside a quote. Layers are ranked: an outer layer's boundary splits the
 * marks of inner layers, never the reverse. Within one layer, marks that overlap an earlier
 * (or longer) mark are dropped rather than drawn wrongly.
 *
 * Offsets are `[start, end)` UTF-16 code units into the original text, as in the document
 * model. Offsets outside the text or empty spans are ignored, so a bad layer can never make
 * the text disappear: the leaves of the tree always cover the whole text, in order.
 */

/** A span with a payload. */
export interface Mark<T> {
  start: number;
  end: number;
  data: T;
}

/** A piece of plain text. */
export interface TextNode {
  kind: 'text';
  start: number;
  end: number;
}

/** A mark (possibly a piece of one, when an outer layer cut it) with its children. */
export interface MarkNode<T> {
  kind: 'mark';
  /** Index of the layer the mark belongs to. */
  layer: number;
  start: number;
  end: number;
  data: T;
  /** True when this node is not the first or not the last piece of its mark. */
  cutStart: boolean;
  cutEnd: boolean;
  children: SegmentNode<T>[];
}

/** A node of the segment tree. */
export type SegmentNode<T> = TextNode | MarkNode<T>;

/** Keeps valid, non-overlapping marks of one layer: earliest first, the longer one on ties. */
export function cleanLayer<T>(marks: readonly Mark<T>[], length: number): Mark<T>[] {
  const valid = marks.filter(
    (m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= length && m.start < m.end,
  );
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark<T>[] = [];
  let lastEnd = -1;
  for (const m of valid) {
    if (m.start < lastEnd) continue;
    kept.push(m);
    lastEnd = m.end;
  }
  return kept;
}

/**
 * Builds the segment tree of a text of `length` code units. `layers[0]` is the outermost.
 * The concatenation of the leaves' ranges is exactly `[0, length)`.
 */
export function buildSegments<T>(length: number, layers: readonly (readonly Mark<T>[])[]): SegmentNode<T>[] {
  const clean = layers.map((layer) => cleanLayer(layer, length));
  return nestRange(clean, 0, 0, length);
}

function nestRange<T>(layers: Mark<T>[][], layer: number, start: number, end: number): SegmentNode<T>[] {
  if (start >= end) return [];
  if (layer >= layers.length) return [{ kind: 'text', start, end }];
  const out: SegmentNode<T>[] = [];
  let cursor = start;
  for (const m of firstOverlapping(layers[layer], start, end)) {
    if (m.start >= end) break;
    const s = Math.max(m.start, start);
    const e = Math.min(m.end, end);
    if (s > cursor) out.push(...nestRange(layers, layer + 1, cursor, s));
    out.push({
      kind: 'mark',
      layer,
      start: s,
      end: e,
      data: m.data,
      cutStart: s > m.start,
      cutEnd: e < m.end,
      children: nestRange(layers, layer + 1, s, e),
    });
    cursor = e;
  }
  if (cursor < end) out.push(...nestRange(layers, layer + 1, cursor, end));
  return out;
}

/** The marks of a sorted, non-overlapping layer from the first one that ends after `start`. */
function firstOverlapping<T>(marks: Mark<T>[], start: number, _end: number): Mark<T>[] {
  // Binary search: marks are sorted by start and do not overlap, so their ends are sorted too.
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return marks.slice(lo);
}

/**
 * Explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). An
 * article may carry them by accident or to spoof text (U+202E flips what follows); the view
 * shows them as visible badges and isolates each one so it cannot reorder anything else.
 * LRM/RLM (U+200E/U+200F) are common and harmless in Arabic text and are left alone.
 */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/gu;

/** Short names for the bidi controls, shown in their badges. */
export const BIDI_CONTROL_NAMES: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

/** One mark per bidi control character of the text. */
export function bidiControlMarks(text: string): Mark<{ kind: 'bidi'; char: string }>[] {
  const marks: Mark<{ kind: 'bidi'; char: string }>[] = [];
  for (const m of text.matchAll(BIDI_CONTROL)) {
    const start = m.index ?? 0;
    marks.push({ start, end: start + m[0].length, data: { kind: 'bidi', char: m[0] } });
  }
  return marks;
}

/** `U+202E` for a character. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Splits a short text (a snippet or a title) into plain and highlighted parts. `highlights`
 * are offsets relative to `text`; invalid or overlapping ones are ignored.
 */
export function splitHighlights(text: string, highlights: readonly { start: number; end: number }[]): { text: string; hit: boolean }[] {
  const marks = cleanLayer(
    highlights.map((h) => ({ start: h.start, end: h.end, data: true })),
    text.length,
  );
  const parts: { text: string; hit: boolean }[] = [];
  let cursor = 0;
  for (const m of marks) {
    if (m.start > cursor) parts.push({ text: text.slice(cursor, m.start), hit: false });
    parts.push({ text: text.slice(m.start, m.end), hit: true });
    cursor = m.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), hit: false });
  return parts;
}
