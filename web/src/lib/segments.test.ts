import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bidiControlMarks, buildSegments, cleanLayer, codePointLabel, splitHighlights, type Mark, type SegmentNode } from './segments.js';

function leaves<T>(nodes: SegmentNode<T>[]): [number, number][] {
  return nodes.flatMap((n) => (n.kind === 'text' ? [[n.start, n.end] as [number, number]] : leaves(n.children)));
}

function render(text: string, nodes: SegmentNode<string>[]): string {
  return nodes
    .map((n) => (n.kind === 'text' ? text.slice(n.start, n.end) : `[${n.data}:${render(text, n.children)}]`))
    .join('');
}

describe('buildSegments', () => {
  // وقال لافروف إن روسياوالعراق … : a quote holding a mention, a repair cutting a glued pair.
  const text = 'وقال لافروف إن روسياوالعراق شريكان';
  const quote: Mark<string> = { start: 15, end: 34, data: 'Q' };
  const mentions: Mark<string>[] = [
    { start: 5, end: 11, data: 'PER' },
    { start: 15, end: 20, data: 'LOC' },
    { start: 20, end: 27, data: 'LOC' },
  ];
  const repair: Mark<string> = { start: 15, end: 27, data: 'R' };

  const cases: { name: string; layers: Mark<string>[][]; expected: string }[] = [
    { name: 'no layers', layers: [], expected: text },
    { name: 'mentions only', layers: [mentions], expected: 'وقال [PER:لافروف] إن [LOC:روسيا][LOC:والعراق] شريكان' },
    {
      name: 'quote outside mentions outside repair: the repair is cut by each mention',
      layers: [[quote], mentions, [repair]],
      expected: 'وقال [PER:لافروف] إن [Q:[LOC:[R:روسيا]][LOC:[R:والعراق]] شريكان]',
    },
    {
      name: 'repair outside mentions: mentions stay whole inside it',
      layers: [[repair], mentions],
      expected: 'وقال [PER:لافروف] إن [R:[LOC:روسيا][LOC:والعراق]] شريكان',
    },
    {
      name: 'an overlapping mention in the same layer is dropped, the text is kept',
      layers: [[...mentions, { start: 18, end: 22, data: 'X' }]],
      expected: 'وقال [PER:لافروف] إن [LOC:روسيا][LOC:والعراق] شريكان',
    },
    {
      name: 'spans out of range or empty are ignored',
      layers: [[{ start: -1, end: 3, data: 'A' }, { start: 4, end: 4, data: 'B' }, { start: 30, end: 99, data: 'C' }]],
      expected: text,
    },
  ];
  it.each(cases)('$name', ({ layers, expected }) => {
    expect(render(text, buildSegments(text.length, layers))).toBe(expected);
  });

  it('marks a piece of a mark cut by an outer layer', () => {
    const nodes = buildSegments(text.length, [[{ start: 0, end: 13, data: 'Q' }], [{ start: 12, end: 20, data: 'M' }]]);
    const pieces = nodes.flatMap((n) => (n.kind === 'mark' ? [n, ...n.children] : [])).filter((n) => n.kind === 'mark' && n.data === 'M');
    expect(pieces).toHaveLength(2);
    expect(pieces.map((p) => p.kind === 'mark' && [p.cutStart, p.cutEnd])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it('property: the leaves cover the whole text in order, whatever the layers', () => {
    const mark = (n: number) =>
      fc.record({ start: fc.integer({ min: -2, max: n + 2 }), end: fc.integer({ min: -2, max: n + 2 }), data: fc.constant('x') });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.array(mark(n), { maxLength: 8 }), { maxLength: 4 }))),
        ([n, layers]) => {
          const ls = leaves(buildSegments(n, layers));
          let cursor = 0;
          for (const [s, e] of ls) {
            expect(s).toBe(cursor);
            expect(e).toBeGreaterThan(s);
            cursor = e;
          }
          expect(cursor).toBe(n);
        },
      ),
    );
  });
});

describe('cleanLayer', () => {
  it('prefers the longer mark on equal starts', () => {
    const kept = cleanLayer(
      [
        { start: 0, end: 2, data: 'short' },
        { start: 0, end: 5, data: 'long' },
      ],
      10,
    );
    expect(kept.map((m) => m.data)).toEqual(['long']);
  });
});

describe('bidi controls', () => {
  it('finds overrides and isolates but leaves RLM alone', () => {
    const text = 'قال \u202Eمرحبا\u202C و\u200Fنعم \u2067x\u2069';
    expect(bidiControlMarks(text).map((m) => codePointLabel(m.data.char))).toEqual(['U+202E', 'U+202C', 'U+2067', 'U+2069']);
  });
});

describe('splitHighlights', () => {
  it('splits a snippet by relative offsets', () => {
    expect(splitHighlights('زار لافروف بغداد', [{ start: 4, end: 10 }])).toEqual([
      { text: 'زار ', hit: false },
      { text: 'لافروف', hit: true },
      { text: ' بغداد', hit: false },
    ]);
  });
  it('ignores highlights outside the text', () => {
    expect(splitHighlights('بغداد', [{ start: 3, end: 40 }])).toEqual([{ text: 'بغداد', hit: false }]);
  });
});
