/** Small shared pieces: data loading with its states, errors, entity links, highlighted text. */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type EntityRef, type Span } from '../api.js';
import { t, typeLabel } from '../i18n.js';
import { BIDI_CONTROL_NAMES, codePointLabel, splitHighlights } from '../lib/segments.js';
import { href } from '../router.js';

/** The state of a request. */
export type Load<T> = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ok'; data: T };

/** Normalizes anything thrown into an {@link ApiError}. */
export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'CLIENT', e instanceof Error ? e.message : String(e));
}

/**
 * Runs `fetcher` whenever `key` changes; aborts the previous request so a slow answer never
 * overwrites a newer one. `key` null means "nothing to load". The state is tied to its key:
 * as soon as the key changes the answer is "loading", so results for the old URL are never
 * shown under the new URL's filters, not even for one frame.
 */
export function useApi<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>): [Load<T>, () => void] {
  const [state, setState] = useState<{ key: string | null; nonce: number; load: Load<T> }>({ key: null, nonce: -1, load: { status: 'idle' } });
  const [nonce, setNonce] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  useEffect(() => {
    if (key === null) {
      setState({ key, nonce, load: { status: 'idle' } });
      return;
    }
    const ctrl = new AbortController();
    setState({ key, nonce, load: { status: 'loading' } });
    fetcherRef.current(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setState({ key, nonce, load: { status: 'ok', data } });
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setState({ key, nonce, load: { status: 'error', error: toApiError(e) } });
      },
    );
    return () => ctrl.abort();
  }, [key, nonce]);
  const retry = useCallback(() => setNonce((n) => n + 1), []);
  if (key === null) return [{ status: 'idle' }, retry];
  return [state.key === key && state.nonce === nonce ? state.load : { status: 'loading' }, retry];
}

/** A polite loading indicator (announced by screen readers). */
export function Loading({ label }: { label?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}

/** An error box with the code, the server's message and a retry button. */
export function ErrorBox({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const message = error.code === 'NETWORK' ? t('networkError') : error.message;
  return (
    <div class="error" role="alert">
      <strong>{error.status === 404 ? t('notFound') : t('errorTitle')}</strong>
      <p>
        <bdi>{message}</bdi> <code dir="ltr">{error.code}</code>
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/** Renders a {@link Load}: spinner, error or the content. */
export function Loaded<T>({ state, retry, children }: { state: Load<T>; retry?: () => void; children: (data: T) => ComponentChildren }) {
  if (state.status === 'idle') return null;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorBox error={state.error} onRetry={retry} />;
  return <>{children(state.data)}</>;
}

/** A link to an entity's page, coloured by type. */
export function EntityLink({ entity }: { entity: EntityRef }) {
  return (
    <a class={`entity-chip ent-${entity.type}`} href={href(`entity/${entity.id}`)} title={typeLabel(entity.type)}>
      <bdi lang="ar">{entity.name}</bdi>
    </a>
  );
}

/**
 * Text as text nodes, with each explicit bidi control (U+202E…) alone in an isolate and
 * shown as a badge, so it can reorder nothing, as in the article view.
 */
export function SafeText({ text }: { text: string }) {
  const parts = text.split(/([\u202A-\u202E\u2066-\u2069])/u);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <bdi key={i} class="bidi-ctrl" data-name={BIDI_CONTROL_NAMES[p] ?? codePointLabel(p)} title={codePointLabel(p)}>
            {p}
          </bdi>
        ) : (
          p
        ),
      )}
    </>
  );
}

/**
 * Text with highlighted parts, as text nodes in `<mark>`s (never HTML). The whole is a
 * `<bdi>`, so bidi controls inside the text cannot reorder what is around it.
 */
export function Highlighted({ text, highlights, class: cls }: { text: string; highlights: readonly Span[]; class?: string }) {
  return (
    <bdi lang="ar" class={cls}>
      {splitHighlights(text, highlights).map((p, i) =>
        p.hit ? (
          <mark key={i}>
            <SafeText text={p.text} />
          </mark>
        ) : (
          <SafeText key={i} text={p.text} />
        ),
      )}
    </bdi>
  );
}

/** A section with a heading, for the side panels. */
export function Section({ title, count, children, id }: { title: string; count?: number; children: ComponentChildren; id?: string }) {
  return (
    <section class="panel-section" aria-labelledby={id ? `${id}-h` : undefined}>
      <h3 id={id ? `${id}-h` : undefined}>
        {title}
        {count !== undefined && <span class="count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}
