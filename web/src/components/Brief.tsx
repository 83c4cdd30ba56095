/**
 * The brief of one analysed article: people with their roles, quotes by speaker, events as
 * "actor → verb → target, place, time", topics, keywords, summary. Each part shows only when
 * its layer is present; the missing layers are listed, so an analyst knows what is not there.
 */
import type { AnalyzedDocument, Entity, LayerName, NewsEvent, Quote, Role } from '../../../src/core/document.js';
import { num, t, typeLabel, type MessageKey } from '../i18n.js';
import { speakerName } from './ArticleText.js';
import { Section } from './common.js';

/** Layers the brief can show, with the key naming them. */
const BRIEF_LAYERS: [LayerName, keyof AnalyzedDocument][] = [
  ['tokens', 'tokens'],
  ['sentences', 'sentences'],
  ['repairs', 'repairs'],
  ['entities', 'entities'],
  ['quotes', 'quotes'],
  ['events', 'events'],
  ['topics', 'topics'],
  ['keywords', 'keywords'],
  ['summary', 'summary'],
];

/** The layers absent from a document. */
export function missingLayers(doc: AnalyzedDocument): LayerName[] {
  return BRIEF_LAYERS.filter(([, key]) => doc[key] === undefined).map(([name]) => name);
}

/** "وزير الخارجية، روسيا" from a role. */
export function roleText(role: Role): string {
  return [role.title, role.org, role.country].filter(Boolean).join('، ');
}

/** Props of {@link Brief}. */
export interface BriefProps {
  doc: AnalyzedDocument;
  selectedEntity?: string | null;
  onSelectEntity?: (id: string) => void;
  /** Moves focus to the n-th quote of the article view. */
  onShowQuote?: (index: number) => void;
}

const TYPE_SECTIONS: { type: Entity['type']; key: MessageKey }[] = [
  { type: 'PER', key: 'people' },
  { type: 'LOC', key: 'places' },
  { type: 'ORG', key: 'orgs' },
  { type: 'MISC', key: 'misc' },
];

/** The side panel brief. */
export function Brief({ doc, selectedEntity, onSelectEntity, onShowQuote }: BriefProps) {
  const entities = doc.entities ?? [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  const missing = missingLayers(doc);
  const sentenceText = (i: number) => {
    const s = doc.sentences?.[i];
    return s ? doc.text.slice(s.start, s.end) : '';
  };

  return (
    <aside class="brief" aria-labelledby="brief-h">
      <h2 id="brief-h">{t('brief')}</h2>

      {doc.summary && (
        <Section title={t('summary')} id="b-summary">
          {doc.summary.headline && (
            <p class="headline">
              <span class="label">{t('headline')}: </span>
              <bdi lang="ar">{doc.summary.headline}</bdi>
            </p>
          )}
          <ol class="summary">
            {doc.summary.sentences.map((i) => (
              <li key={i}>
                <bdi lang="ar">{sentenceText(i)}</bdi>
              </li>
            ))}
          </ol>
        </Section>
      )}

      {TYPE_SECTIONS.map(({ type, key }) => {
        const list = entities.filter((e) => e.type === type).sort((a, b) => b.mentions.length - a.mentions.length);
        if (!list.length) return null;
        return (
          <Section key={type} title={t(key)} count={list.length} id={`b-${type}`}>
            <ul class="entity-list">
              {list.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    class={`entity-chip ent-${e.type}`}
                    aria-pressed={selectedEntity === e.id}
                    onClick={() => onSelectEntity?.(e.id)}
                    title={typeLabel(e.type)}
                  >
                    <bdi lang="ar">{e.name}</bdi>
                    <span class="count" aria-label={`${num(e.mentions.length)} ${t('mentions')}`}>
                      {num(e.mentions.length)}
                    </span>
                  </button>
                  {e.roles && e.roles.length > 0 && (
                    <span class="roles">
                      {e.roles.map((r, i) => (
                        <bdi key={i} lang="ar" class="role">
                          {roleText(r)}
                        </bdi>
                      ))}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </Section>
        );
      })}

      {doc.quotes && doc.quotes.length > 0 && (
        <Section title={t('quotes')} count={doc.quotes.length} id="b-quotes">
          {groupQuotes(doc).map((group) => (
            <div class="quote-group" key={group.speaker}>
              <h4>
                <bdi lang="ar">{group.speaker}</bdi>
              </h4>
              <ul>
                {group.quotes.map(({ quote, index }) => (
                  <li key={index} class={`brief-quote quote-${quote.kind}`}>
                    <span class="cue">
                      <bdi lang="ar">{quote.cue}</bdi> · {t(quote.kind)}
                    </span>
                    <q lang="ar" dir="rtl">
                      {quote.text}
                    </q>
                    {onShowQuote && (
                      <button type="button" class="link" onClick={() => onShowQuote(index)}>
                        {t('showInText')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Section>
      )}

      {doc.events && doc.events.length > 0 && (
        <Section title={t('events')} count={doc.events.length} id="b-events">
          <ul class="event-list">
            {doc.events.map((ev, i) => (
              <li key={i}>
                <EventLine event={ev} byId={byId} />
              </li>
            ))}
          </ul>
        </Section>
      )}

      {doc.topics && doc.topics.length > 0 && (
        <Section title={t('topics')} id="b-topics">
          <ScoreList items={doc.topics.map((x) => ({ label: x.label, score: x.score }))} />
        </Section>
      )}
      {doc.themes && doc.themes.length > 0 && (
        <Section title={t('themes')} id="b-themes">
          <ScoreList items={doc.themes.map((x) => ({ label: x.label, score: x.score }))} />
        </Section>
      )}
      {doc.keywords && doc.keywords.length > 0 && (
        <Section title={t('keywords')} id="b-keywords">
          <ul class="chips">
            {doc.keywords.map((k) => (
              <li key={k.text}>
                <bdi lang="ar">{k.text}</bdi>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={t('stats')} id="b-stats">
        <p class="stats">
          {doc.tokens && (
            <span>
              {num(doc.tokens.filter((x) => x.kind === 'word').length)} {t('tokens')}
            </span>
          )}
          {doc.sentences && (
            <span>
              {num(doc.sentences.length)} {t('sentences')}
            </span>
          )}
          {doc.repairs && (
            <span>
              {num(doc.repairs.length)} {t('repairs')}
            </span>
          )}
        </p>
        {missing.length > 0 && (
          <p class="missing" data-testid="missing-layers">
            {t('layersMissing')}: <code dir="ltr">{missing.join(', ')}</code>
          </p>
        )}
      </Section>
    </aside>
  );
}

function groupQuotes(doc: AnalyzedDocument): { speaker: string; quotes: { quote: Quote; index: number }[] }[] {
  const groups = new Map<string, { quote: Quote; index: number }[]>();
  (doc.quotes ?? []).forEach((quote, index) => {
    const key = speakerName(doc, quote);
    const list = groups.get(key) ?? [];
    list.push({ quote, index });
    groups.set(key, list);
  });
  return [...groups].map(([speaker, quotes]) => ({ speaker, quotes }));
}

/** "actor → verb → target · place · time", with the modality when it is not plain fact. */
export function EventLine({ event, byId }: { event: NewsEvent; byId: Map<string, Entity> }) {
  const names = (role: 'actor' | 'target' | 'place') =>
    event.participants
      .filter((p) => p.role === role)
      .map((p) => byId.get(p.entity)?.name ?? p.entity)
      .join('، ');
  const actor = names('actor');
  const target = names('target');
  const place = names('place');
  return (
    <span class="event-line" lang="ar" dir="rtl">
      <span class="ev-actor">
        <bdi>{actor || '—'}</bdi>
      </span>
      <span class="arrow" aria-hidden="true">
        ←
      </span>
      <strong class="ev-verb">
        <bdi>{event.trigger.text}</bdi>
      </strong>
      {target && (
        <>
          <span class="arrow" aria-hidden="true">
            ←
          </span>
          <span class="ev-target">
            <bdi>{target}</bdi>
          </span>
        </>
      )}
      {place && (
        <span class="ev-place">
          {' · '}
          <bdi>{place}</bdi>
        </span>
      )}
      {event.time && (
        <span class="ev-time">
          {' · '}
          <bdi>{event.time.text}</bdi>
          {event.time.date && <time dateTime={event.time.date}> ({event.time.date})</time>}
        </span>
      )}
      <span class="ev-type" dir="ltr">
        {' '}
        {event.type}
        {event.cameo ? ` ${event.cameo}` : ''}
      </span>
      {event.modality && event.modality !== 'asserted' && <span class={`badge ${event.modality}`}>{t(event.modality)}</span>}
    </span>
  );
}

function ScoreList({ items }: { items: { label: string; score: number }[] }) {
  const max = Math.max(...items.map((i) => i.score), 1e-9);
  return (
    <ul class="score-list">
      {items.map((i) => (
        <li key={i.label}>
          <bdi lang="ar">{i.label}</bdi>
          <span class="bar" style={{ inlineSize: `${Math.round((100 * i.score) / max)}%` }} aria-hidden="true" />
          <span class="score">{i.score.toFixed(2)}</span>
        </li>
      ))}
    </ul>
  );
}
