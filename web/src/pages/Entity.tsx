/** The entity directory (`#/entities?q=`) and an entity's profile (`#/entity/:id`). */
import { useEffect, useState } from 'preact/hooks';
import { findEntities, getEntity, type EntityProfile, type EntitySummary, type EventRecord, type Page, type QuoteRecord } from '../api.js';
import { roleText } from '../components/Brief.js';
import { EntityLink, Loaded, Section, useApi } from '../components/common.js';
import { Network } from '../components/Network.js';
import { TimeChart } from '../components/TimeChart.js';
import { date, num, t, typeLabel } from '../i18n.js';
import { href, navigate, type Route } from '../router.js';

/** A link to a spot in a stored article. */
export function docLink(documentId: string, span?: { start?: number; end?: number }): string {
  return href(`doc/${documentId}`, span?.start !== undefined && span.end !== undefined ? { at: `${span.start}-${span.end}` } : undefined);
}

/** The entity directory with a search box. */
export function EntitiesPage({ route }: { route: Route }) {
  const q = route.params.get('q') ?? '';
  const type = route.params.get('type') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const [state, retry] = useApi<Page<EntitySummary>>(`${q}|${type}`, (signal) => findEntities(q, { type, limit: 50 }, signal));
  return (
    <div class="page entities-page">
      <h1>{t('entitiesTitle')}</h1>
      <form
        class="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          navigate(href('entities', { q: String(data.get('q') ?? '').trim(), type: String(data.get('type') ?? '') }));
        }}
      >
        <label for="entity-q" class="sr-only">
          {t('entityQuery')}
        </label>
        <input id="entity-q" name="q" type="search" lang="ar" dir="auto" value={text} placeholder={t('entityQuery')} onInput={(e) => setText(e.currentTarget.value)} />
        <label class="sr-only" for="entity-type">
          {t('typeLabel')}
        </label>
        <select id="entity-type" name="type" value={type}>
          <option value="">{t('allTypes')}</option>
          {['PER', 'LOC', 'ORG', 'MISC'].map((x) => (
            <option key={x} value={x}>
              {typeLabel(x)}
            </option>
          ))}
        </select>
        <button type="submit" class="primary">
          {t('searchButton')}
        </button>
      </form>
      <Loaded state={state} retry={retry}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="empty">{t('nothing')}</p>
          ) : (
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('entitiesTitle')}</th>
                  <th scope="col">{t('typeLabel')}</th>
                  <th scope="col">{t('documents')}</th>
                  <th scope="col">{t('aliases')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <EntityLink entity={e} />
                    </td>
                    <td>{typeLabel(e.type)}</td>
                    <td>{e.documents !== undefined ? num(e.documents) : ''}</td>
                    <td>
                      <bdi lang="ar">{(e.aliases ?? []).join('، ')}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </div>
  );
}

/** An entity's profile. */
export function EntityPage({ id }: { id: string }) {
  const [state, retry] = useApi<EntityProfile>(id, (signal) => getEntity(id, signal));
  return (
    <div class="page entity-page">
      <Loaded state={state} retry={retry}>
        {(e) => <Profile entity={e} />}
      </Loaded>
    </div>
  );
}

function Profile({ entity: e }: { entity: EntityProfile }) {
  const timeline = (e.timeline ?? []).map((p) => ({ period: p.period, count: p.mentions }));
  const co = e.cooccurring ?? [];
  return (
    <>
      <header class="profile">
        <h1>
          <span class={`dot ent-${e.type}`} aria-hidden="true" />
          <bdi lang="ar">{e.name}</bdi>
        </h1>
        <p class="meta">
          <span class={`type-badge ent-${e.type}`}>{typeLabel(e.type)}</span>
          {e.documents !== undefined && (
            <span>
              {num(e.documents)} {t('documents')}
            </span>
          )}
          {e.mentions !== undefined && (
            <span>
              {num(e.mentions)} {t('mentions')}
            </span>
          )}
          {e.firstSeen && (
            <span>
              {t('firstSeen')}: {date(e.firstSeen)}
            </span>
          )}
          {e.lastSeen && (
            <span>
              {t('lastSeen')}: {date(e.lastSeen)}
            </span>
          )}
        </p>
        {e.aliases && e.aliases.length > 0 && (
          <p>
            <span class="label">{t('aliases')}: </span>
            <bdi lang="ar">{e.aliases.join('، ')}</bdi>
          </p>
        )}
        {e.roles && e.roles.length > 0 && (
          <div>
            <span class="label">{t('roles')}: </span>
            <ul class="chips">
              {e.roles.map((r, i) => (
                <li key={i}>
                  <bdi lang="ar">{roleText(r)}</bdi>
                  {r.count ? <span class="count">{num(r.count)}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>
          <a href={href('search', { entity: e.id })} data-testid="entity-search-link">
            {t('searchArticles')}
          </a>
        </p>
      </header>

      <div class="profile-grid">
        {timeline.length > 0 && (
          <Section title={t('mentionsOverTime')} id="p-timeline">
            <TimeChart data={timeline} label={t('mentionsOverTime')} />
          </Section>
        )}
        {co.length > 0 && (
          <Section title={t('cooccurring')} count={co.length} id="p-co">
            <Network center={e} neighbours={co.slice(0, 24)} />
            <details class="co-table" open>
              <summary>{t('cooccurTable')}</summary>
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('entitiesTitle')}</th>
                    <th scope="col">{t('typeLabel')}</th>
                    <th scope="col">{t('sharedDocs')}</th>
                  </tr>
                </thead>
                <tbody>
                  {co.map((c) => (
                    <tr key={c.entity.id}>
                      <td>
                        <EntityLink entity={c.entity} />
                      </td>
                      <td>{typeLabel(c.entity.type)}</td>
                      <td>
                        <a href={href('search', { entity: [e.id, c.entity.id] })}>{num(c.documents)}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </Section>
        )}
        {e.quotes && e.quotes.length > 0 && (
          <Section title={t('quotesBy')} count={e.quotes.length} id="p-quotes">
            <ul class="quote-cards">
              {e.quotes.map((q) => (
                <QuoteCard key={q.id} quote={q} />
              ))}
            </ul>
          </Section>
        )}
        {e.events && e.events.length > 0 && (
          <Section title={t('eventsOf')} count={e.events.length} id="p-events">
            <EventTable events={e.events} focus={e.id} />
          </Section>
        )}
      </div>
    </>
  );
}

function QuoteCard({ quote }: { quote: QuoteRecord }) {
  return (
    <li class={`quote-card quote-${quote.kind ?? 'direct'}`}>
      <q lang="ar" dir="rtl">
        {quote.text}
      </q>
      <p class="meta">
        {quote.cue && <bdi lang="ar">{quote.cue}</bdi>}
        {quote.published && <time dateTime={quote.published}>{date(quote.published)}</time>}
        <a href={docLink(quote.documentId, quote)}>
          <bdi lang="ar">{quote.documentTitle || t('article')}</bdi>
        </a>
      </p>
    </li>
  );
}

/** Events in a table: type, actor, target, place, date, article. `focus` marks the entity's own role. */
export function EventTable({ events, focus }: { events: EventRecord[]; focus?: string }) {
  const names = (ev: EventRecord, role: 'actor' | 'target' | 'place') =>
    ev.participants
      .filter((p) => p.role === role)
      .map((p, i) => (
        <span key={i} class={p.entity.id === focus ? 'self' : undefined}>
          {i > 0 && '، '}
          <EntityLink entity={p.entity} />
        </span>
      ));
  return (
    <div class="table-scroll">
      <table class="data-table events-table">
        <thead>
          <tr>
            <th scope="col">{t('eventType')}</th>
            <th scope="col">{t('actor')}</th>
            <th scope="col">{t('verb')}</th>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('place')}</th>
            <th scope="col">{t('date')}</th>
            <th scope="col">{t('article')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((ev) => (
            <tr key={ev.id}>
              <td dir="ltr">
                <code>{ev.type}</code>
                {ev.modality && ev.modality !== 'asserted' && <span class={`badge ${ev.modality}`}>{t(ev.modality as 'expected')}</span>}
              </td>
              <td>{names(ev, 'actor')}</td>
              <td>
                <bdi lang="ar">{ev.trigger?.text ?? ''}</bdi>
              </td>
              <td>{names(ev, 'target')}</td>
              <td>{names(ev, 'place')}</td>
              <td>
                {ev.time?.date ? date(ev.time.date) : ev.time?.text ? <bdi lang="ar">{ev.time.text}</bdi> : date(ev.published)}
              </td>
              <td>
                <a href={docLink(ev.documentId, ev.trigger)}>
                  <bdi lang="ar">{ev.documentTitle || t('article')}</bdi>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
