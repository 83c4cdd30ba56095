/**
 * The article with its annotations drawn on it. The text is only ever placed in TEXT NODES:
 * the annotation layers are turned into a tree of spans over offsets (`lib/segments.ts`),
 * so `<script>` or `<img onerror>` in an article show as the characters they are. The
 * element's `textContent` is exactly the original text (tested end to end).
 */
import type { JSX } from 'preact';
import type { AnalyzedDocument, Entity, Quote, Repair } from '../../../src/core/document.js';
import { t, typeLabel } from '../i18n.js';
import { BIDI_CONTROL_NAMES, bidiControlMarks, buildSegments, codePointLabel, type Mark, type SegmentNode } from '../lib/segments.js';

type Annotation =
  | { kind: 'quote'; quote: Quote; index: number; speaker: string }
  | { kind: 'mention'; entity: Entity; via?: string }
  | { kind: 'repair'; repair: Repair }
  | { kind: 'spot' }
  | { kind: 'bidi'; char: string };

/** Props of {@link ArticleText}. */
export interface ArticleTextProps {
  doc: AnalyzedDocument;
  /** Entity whose mentions are emphasized. */
  selectedEntity?: string | null;
  onSelectEntity?: (id: string) => void;
  /** A span to mark and scroll to (a quote or event opened from another page). */
  spot?: { start: number; end: number } | null;
  /** Prefix for element ids, unique per page. */
  idPrefix?: string;
}

/** The display name of a quote's speaker. */
export function speakerName(doc: AnalyzedDocument, quote: Quote): string {
  if (quote.speaker) {
    const e = doc.entities?.find((x) => x.id === quote.speaker);
    if (e) return e.name;
  }
  return quote.speakerText ?? t('unknownSpeaker');
}

/** The article as annotated, lossless text. */
export function ArticleText({ doc, selectedEntity, onSelectEntity, spot, idPrefix = 'a' }: ArticleTextProps) {
  const text = doc.text;
  const quotes: Mark<Annotation>[] = (doc.quotes ?? []).map((q, index) => ({
    start: q.start,
    end: q.end,
    data: { kind: 'quote', quote: q, index, speaker: speakerName(doc, q) },
  }));
  const mentions: Mark<Annotation>[] = (doc.entities ?? []).flatMap((entity) =>
    entity.mentions.map((m) => ({ start: m.start, end: m.end, data: { kind: 'mention', entity, via: m.via } as Annotation })),
  );
  const repairs: Mark<Annotation>[] = (doc.repairs ?? []).map((r) => ({ start: r.start, end: r.end, data: { kind: 'repair', repair: r } }));
  const spots: Mark<Annotation>[] = spot ? [{ start: spot.start, end: spot.end, data: { kind: 'spot' } }] : [];
  const bidi: Mark<Annotation>[] = bidiControlMarks(text).map((m) => ({ ...m, data: { kind: 'bidi', char: m.data.char } }));
  const tree = buildSegments<Annotation>(text.length, [quotes, mentions, repairs, spots, bidi]);

  const describedQuotes = (doc.quotes ?? []).map((q, i) => ({ id: `${idPrefix}-q${i}-speaker`, quote: q, speaker: speakerName(doc, q) }));

  const renderNodes = (nodes: SegmentNode<Annotation>[]): (JSX.Element | string)[] =>
    nodes.map((node) => {
      if (node.kind === 'text') return text.slice(node.start, node.end);
      const children = renderNodes(node.children);
      const a = node.data;
      const key = `${node.layer}-${node.start}`;
      switch (a.kind) {
        case 'quote':
          return (
            <span
              key={key}
              class={`quote quote-${a.quote.kind}${node.cutStart ? ' cut-start' : ''}${node.cutEnd ? ' cut-end' : ''}`}
              // Only the first piece of a quote is a tab stop.
              tabIndex={node.cutStart ? -1 : 0}
              id={node.cutStart ? undefined : `${idPrefix}-q${a.index}`}
              data-start={node.start}
              data-speaker={`${t('speaker')}: ${a.speaker}`}
              aria-describedby={`${idPrefix}-q${a.index}-speaker`}
            >
              {children}
            </span>
          );
        case 'mention': {
          const selected = selectedEntity === a.entity.id;
          return (
            <mark
              key={key}
              class={`ent ent-${a.entity.type}${a.via ? ` via-${a.via}` : ''}${selected ? ' selected' : ''}`}
              data-entity={a.entity.id}
              data-type={a.entity.type}
              title={`${typeLabel(a.entity.type)}: ${a.entity.name}`}
              onClick={onSelectEntity ? () => onSelectEntity(a.entity.id) : undefined}
            >
              {children}
            </mark>
          );
        }
        case 'repair':
          return (
            <span key={key} class="repair" title={`${t('repairedAs')}: ${a.repair.replacement}`} data-replacement={a.repair.replacement}>
              {children}
            </span>
          );
        case 'spot':
          return (
            <span key={key} class="spot" data-start={node.start}>
              {children}
            </span>
          );
        case 'bidi':
          // The control stays in the text (copying is lossless) but sits alone in an isolate,
          // so it reorders nothing; CSS shows its name as a visible badge.
          return (
            <bdi
              key={key}
              class="bidi-ctrl"
              data-name={BIDI_CONTROL_NAMES[a.char] ?? codePointLabel(a.char)}
              title={`${t('bidiControl')} ${codePointLabel(a.char)}`}
            >
              {children}
            </bdi>
          );
      }
    });

  return (
    <>
      <div class="article" lang="ar" dir="rtl" data-testid="article">
        {renderNodes(tree)}
      </div>
      <div hidden>
        {describedQuotes.map((d) => (
          <span key={d.id} id={d.id}>
            {`${t('speaker')}: ${d.speaker}`}
          </span>
        ))}
      </div>
    </>
  );
}
