/**
 * The Search page. Every bit of state (query, filters, dates, sort, page) is in the URL
 * hash; the form and the facet links only rewrite the URL, and the results follow it.
 */
import { useEffect, useState } from 'preact/hooks';
import { search, type FacetCount, type SearchHit, type SearchResponse } from '../api.js';
import { Highlighted, Loaded, useApi } from '../components/common.js';
import { TimeChart } from '../components/TimeChart.js';
import { date, num, t, typeLabel } from '../i18n.js';
import { FILTERS, monthRange, PAGE_SIZE, searchQuery, withParam } from '../lib/state.js';
import { href, navigate, type Route } from '../router.js';

/** The Search page. */
export function SearchPage({ route }: { route: Route }) {
  const params = route.params;
  const apiQuery = searchQuery(params);
  const [state, retry] = useApi<SearchResponse>(apiQuery.toString(), (signal) => search(apiQuery, signal));
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params.get('q')]);
  const page = Math.max(1, Number(params.get('page')) || 1);

  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    navigate(
      withParam(params, (p) => {
        p.set('q', String(data.get('q') ?? '').trim());
        for (const k of ['from', 'to', 'sort']) p.set(k, String(data.get(k) ?? ''));
      }),
    );
  };

  const labels = new Map<string, string>();
  if (state.status === 'ok') for (const f of state.data.facets?.entity ?? []) labels.set(f.value, f.label ?? f.value);

  const active = FILTERS.flatMap((f) => params.getAll(f.name).map((value) => ({ ...f, value })));
  const pickMonth = (period: string) => {
    const range = monthRange(period);
    navigate(
      withParam(params, (p) => {
        p.set('from', range.from);
        p.set('to', range.to);
      }),
    );
  };

  return (
    <div class="page search-page">
      <h1>{t('searchTitle')}</h1>
      <form class="search-form" role="search" onSubmit={submit}>
        <label for="q" class="sr-only">
          {t('queryLabel')}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          lang="ar"
          dir="auto"
          value={q}
          placeholder={t('queryPlaceholder')}
          onInput={(e) => setQ(e.currentTarget.value)}
          autocomplete="off"
        />
        <button type="submit" class="primary">
          {t('searchButton')}
        </button>
        <div class="form-row small">
          <label class="inline">
            {t('fromLabel')} <input type="date" name="from" value={params.get('from') ?? ''} />
          </label>
          <label class="inline">
            {t('toLabel')} <input type="date" name="to" value={params.get('to') ?? ''} />
          </label>
          <label class="inline">
            {t('sortLabel')}{' '}
            <select name="sort" value={params.get('sort') ?? ''}>
              <option value="">{t('sortRelevance')}</option>
              <option value="date">{t('sortDate')}</option>
            </select>
          </label>
        </div>
      </form>

      {active.length > 0 && (
        <div class="active-filters" aria-label={t('activeFilters')}>
          {active.map((f) => (
            <a
              key={`${f.name}-${f.value}`}
              class="filter-chip"
              href={withParam(params, (p) => {
                const rest = p.getAll(f.name).filter((v) => v !== f.value);
                p.delete(f.name);
                for (const v of rest) p.append(f.name, v);
              })}
              aria-label={`${t('removeFilter')}: ${t(f.label)} ${labels.get(f.value) ?? f.value}`}
            >
              {t(f.label)}: <bdi>{f.name === 'entity' ? (labels.get(f.value) ?? f.value) : f.value}</bdi> <span aria-hidden="true">×</span>
            </a>
          ))}
          <a class="link" href={href('search', params.get('q') ? { q: params.get('q') ?? '' } : undefined)}>
            {t('clearAll')}
          </a>
        </div>
      )}

      <Loaded state={state} retry={retry}>
        {(res) => (
          <div class="search-layout">
            <aside class="facets" aria-labelledby="facets-h">
              <h2 id="facets-h">{t('facets')}</h2>
              {FILTERS.map((f) => (
                <FacetList key={f.name} name={f.name} title={t(f.label)} counts={res.facets?.[f.name] ?? []} params={params} />
              ))}
            </aside>
            <section class="results" aria-labelledby="results-h">
              <h2 id="results-h" class="results-count" aria-live="polite">
                {num(res.total)} {t('results')}
              </h2>
              {res.relaxed && <p class="note">{t('relaxed')}</p>}
              {res.facets?.date && res.facets.date.length > 0 && (
                <TimeChart
                  label={t('histogram')}
                  data={res.facets.date.map((d) => ({ period: d.value, count: d.count }))}
                  onPick={pickMonth}
                  height={120}
                />
              )}
              {res.results.length === 0 ? (
                <p class="empty">{t('noResults')}</p>
              ) : (
                <ol class="hits" start={(page - 1) * PAGE_SIZE + 1}>
                  {res.results.map((hit) => (
                    <Hit key={hit.id} hit={hit} />
                  ))}
                </ol>
              )}
              <Pager total={res.total} page={page} params={params} />
            </section>
          </div>
        )}
      </Loaded>
    </div>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const snippet = hit.snippet;
  // Snippet highlights are absolute offsets in the article; make them relative to the snippet.
  const rel = snippet ? snippet.highlights.map((h) => ({ start: h.start - snippet.start, end: h.end - snippet.start })) : [];
  return (
    <li class="hit">
      <h3>
        <a href={href(`doc/${hit.id}`)}>
          {hit.title ? <Highlighted text={hit.title} highlights={hit.titleHighlights ?? []} /> : t('untitled')}
        </a>
      </h3>
      <p class="meta">
        {hit.source && <bdi class="source">{hit.source}</bdi>}
        {hit.published && <time dateTime={hit.published}>{date(hit.published)}</time>}
        {hit.topic && <span class="topic">{hit.topic}</span>}
        {hit.nearDuplicates ? (
          <span>
            +{num(hit.nearDuplicates)} {t('duplicates')}
          </span>
        ) : null}
      </p>
      {snippet && (
        <p class="snippet" lang="ar" dir="rtl">
          {snippet.truncatedStart && '… '}
          <Highlighted text={snippet.text} highlights={rel} />
          {snippet.truncatedEnd && ' …'}
        </p>
      )}
    </li>
  );
}

function FacetList({ name, title, counts, params }: { name: string; title: string; counts: FacetCount[]; params: URLSearchParams }) {
  if (!counts.length) return null;
  const selected = new Set(params.getAll(name));
  return (
    <section class="facet" aria-labelledby={`facet-${name}`} data-facet={name}>
      <h3 id={`facet-${name}`}>{title}</h3>
      <ul>
        {counts.slice(0, 12).map((c) => {
          const on = selected.has(c.value);
          const link = withParam(params, (p) => {
            if (on) {
              const rest = p.getAll(name).filter((v) => v !== c.value);
              p.delete(name);
              for (const v of rest) p.append(name, v);
            } else p.append(name, c.value);
          });
          return (
            <li key={c.value}>
              <a href={link} aria-current={on ? 'true' : undefined} class={on ? 'on' : undefined}>
                {c.type && <span class={`dot ent-${c.type}`} title={typeLabel(c.type)} aria-hidden="true" />}
                <bdi>{c.label ?? c.value}</bdi>
                <span class="count">{num(c.count)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Pager({ total, page, params }: { total: number; page: number; params: URLSearchParams }) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  const to = (n: number) =>
    withParam(params, (p) => {
      p.set('page', String(n));
      p.set('pageKeep', '1');
    });
  return (
    <nav class="pager" aria-label={t('pageOf')}>
      {page > 1 ? (
        <a href={to(page - 1)} rel="prev">
          {t('prev')}
        </a>
      ) : (
        <span aria-disabled="true">{t('prev')}</span>
      )}
      <span aria-current="page">
        {t('pageOf')} {num(page)} / {num(pages)}
      </span>
      {page < pages ? (
        <a href={to(page + 1)} rel="next">
          {t('next')}
        </a>
      ) : (
        <span aria-disabled="true">{t('next')}</span>
      )}
    </nav>
  );
}
