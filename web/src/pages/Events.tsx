/**
 * The Events page: a filterable table of events across the corpus and an actor × target
 * matrix (who meets whom, who accuses whom). Filters live in the URL. Type, actor, target and
 * dates are sent to `GET /events`; the country filter is applied here, to the events loaded
 * (the API has no place filter yet: see the report).
 */
import { listEvents, type EntityRef, type EventRecord, type Page } from '../api.js';
import { Loaded, useApi } from '../components/common.js';
import { num, t, typeLabel } from '../i18n.js';
import { EVENTS_PAGE, eventsQuery, involves, pairMatrix } from '../lib/state.js';
import { href, navigate, type Route } from '../router.js';
import { EventTable } from './Entity.js';

/** The Events page. */
export function EventsPage({ route }: { route: Route }) {
  const params = route.params;
  const apiQuery = eventsQuery(params);
  const [state, retry] = useApi<Page<EventRecord>>(apiQuery.toString(), (signal) => listEvents(apiQuery, signal));
  const country = params.get('country') ?? '';
  const countriesOnly = params.get('countries') === '1';

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    navigate(href('events', next));
  };

  return (
    <div class="page events-page">
      <h1>{t('eventsTitle')}</h1>
      <Loaded state={state} retry={retry}>
        {(page) => {
          const events = country ? page.items.filter((ev) => involves(ev, country)) : page.items;
          const pick = (role: 'actor' | 'target' | 'place' | 'country') => {
            const seen = new Map<string, EntityRef>();
            for (const ev of page.items)
              for (const p of ev.participants) {
                const wanted = role === 'country' ? p.entity.type === 'LOC' : p.role === role;
                if (wanted) seen.set(p.entity.id, p.entity);
              }
            return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'ar'));
          };
          const types = [...new Set(page.items.map((e) => e.type))].sort();
          return (
            <>
              <form
                class="filters"
                aria-label={t('filter')}
                onSubmit={(e) => {
                  e.preventDefault();
                  const data = new FormData(e.currentTarget);
                  const changes: Record<string, string> = {};
                  for (const k of ['type', 'actor', 'target', 'country', 'from', 'to']) changes[k] = String(data.get(k) ?? '');
                  set(changes);
                }}
              >
                <label>
                  {t('eventType')}
                  <input name="type" dir="ltr" list="event-types" value={params.get('type') ?? ''} />
                  <datalist id="event-types">
                    {types.map((x) => (
                      <option key={x} value={x} />
                    ))}
                  </datalist>
                </label>
                <EntitySelect name="actor" label={t('actor')} value={params.get('actor') ?? ''} options={pick('actor')} />
                <EntitySelect name="target" label={t('target')} value={params.get('target') ?? ''} options={pick('target')} />
                <EntitySelect name="country" label={t('country')} value={country} options={pick('country')} />
                <label>
                  {t('fromLabel')}
                  <input type="date" name="from" value={params.get('from') ?? ''} />
                </label>
                <label>
                  {t('toLabel')}
                  <input type="date" name="to" value={params.get('to') ?? ''} />
                </label>
                <button type="submit" class="primary">
                  {t('filter')}
                </button>
                <a class="link" href={href('events')}>
                  {t('clearAll')}
                </a>
              </form>

              <Matrix events={events} countriesOnly={countriesOnly} onToggle={(on) => set({ countries: on ? '1' : '' })} onPick={(actor, target) => set({ actor, target })} />

              <h2 class="results-count" aria-live="polite">
                {num(events.length)}
                {page.total > page.items.length ? ` / ${num(page.total)}` : ''} {t('events')}
              </h2>
              {events.length === 0 ? <p class="empty">{t('nothing')}</p> : <EventTable events={events} />}
              <EventsPager total={page.total} page={Math.max(1, Number(params.get('page')) || 1)} go={(n) => set({ page: n > 1 ? String(n) : '' })} />
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

function EventsPager({ total, page, go }: { total: number; page: number; go: (n: number) => void }) {
  const pages = Math.ceil(total / EVENTS_PAGE);
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('pageOf')}>
      <button type="button" class="link" disabled={page <= 1} onClick={() => go(page - 1)}>
        {t('prev')}
      </button>
      <span aria-current="page">
        {t('pageOf')} {num(page)} / {num(pages)}
      </span>
      <button type="button" class="link" disabled={page >= pages} onClick={() => go(page + 1)}>
        {t('next')}
      </button>
    </nav>
  );
}

function EntitySelect({ name, label, value, options }: { name: string; label: string; value: string; options: EntityRef[] }) {
  const has = options.some((o) => o.id === value);
  return (
    <label>
      {label}
      <select name={name} value={value}>
        <option value="">{t('any')}</option>
        {!has && value && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} · {typeLabel(o.type)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Matrix({
  events,
  countriesOnly,
  onToggle,
  onPick,
}: {
  events: EventRecord[];
  countriesOnly: boolean;
  onToggle: (on: boolean) => void;
  onPick: (actor: string, target: string) => void;
}) {
  const m = pairMatrix(events, countriesOnly);
  return (
    <section class="matrix" aria-labelledby="matrix-h">
      <h2 id="matrix-h">{t('matrix')}</h2>
      <p class="hint">{t('matrixHint')}</p>
      <label class="inline">
        <input type="checkbox" checked={countriesOnly} onChange={(e) => onToggle(e.currentTarget.checked)} /> {t('countriesOnly')}
      </label>
      {m.rows.length === 0 ? (
        <p class="empty">{t('nothing')}</p>
      ) : (
        <div class="table-scroll">
          <table class="matrix-table">
            <thead>
              <tr>
                <td />
                {m.cols.map((c) => (
                  <th key={c.id} scope="col">
                    <bdi lang="ar">{c.name}</bdi>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <bdi lang="ar">{r.name}</bdi>
                  </th>
                  {m.cols.map((c) => {
                    const n = m.count(r.id, c.id);
                    const alpha = n ? 0.15 + (0.85 * n) / m.max : 0;
                    return (
                      <td key={c.id} style={{ background: n ? `rgba(15, 94, 90, ${alpha.toFixed(2)})` : undefined, color: alpha > 0.55 ? '#fff' : undefined }}>
                        {n ? (
                          <button type="button" class="cell" onClick={() => onPick(r.id, c.id)} aria-label={`${r.name} → ${c.name}: ${num(n)}`}>
                            {num(n)}
                          </button>
                        ) : (
                          ''
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
