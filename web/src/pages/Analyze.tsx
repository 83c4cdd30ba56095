/** The Analyze page: paste or drop an article, see it annotated with its brief, store it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { analyze, getToken, setToken, storeDocument, type AnalyzedDocument, type StoreOutcome } from '../api.js';
import { ArticleText } from '../components/ArticleText.js';
import { Brief } from '../components/Brief.js';
import { ErrorBox, Loading, toApiError, type Load } from '../components/common.js';
import { t, typeLabel } from '../i18n.js';
import { fileKind, htmlToText } from '../lib/extract.js';
import { href } from '../router.js';

const DRAFT_KEY = 'marsad.draft';

/** The Analyze page. */
export function AnalyzePage() {
  const [text, setText] = useState(() => sessionStorage.getItem(DRAFT_KEY) ?? '');
  const [title, setTitle] = useState('');
  const [published, setPublished] = useState('');
  const [dragging, setDragging] = useState(false);
  const [inputError, setInputError] = useState('');
  const [result, setResult] = useState<Load<AnalyzedDocument>>({ status: 'idle' });
  const [selected, setSelected] = useState<string | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => {
    sessionStorage.setItem(DRAFT_KEY, text);
  }, [text]);
  useEffect(() => () => abortRef.current?.abort(), []);

  const run = async () => {
    if (!text.trim()) {
      setInputError(t('emptyText'));
      return;
    }
    setInputError('');
    abortRef.current?.abort();
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    setResult({ status: 'loading' });
    setSelected(null);
    try {
      const doc = await analyze(text, published || undefined, ctrl.signal);
      if (ctrl.signal.aborted) return;
      setResult({ status: 'ok', data: doc });
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (e) {
      if (!ctrl.signal.aborted) setResult({ status: 'error', error: toApiError(e) });
    }
  };

  const readFile = async (file: File) => {
    const kind = fileKind(file);
    if (!kind) {
      setInputError(t('fileError'));
      return;
    }
    setInputError('');
    const raw = await file.text();
    if (kind === 'html') {
      const page = htmlToText(raw);
      setText(page.text);
      setTitle(page.title);
    } else {
      setText(raw);
      setTitle('');
    }
    setResult({ status: 'idle' });
  };

  const showQuote = (index: number) => {
    const el = document.getElementById(`a-q${index}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  };
  const selectEntity = (id: string) => {
    setSelected((cur) => (cur === id ? null : id));
    document.querySelector(`.article [data-entity="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <div class="page analyze-page">
      <h1>{t('analyzeTitle')}</h1>
      <form
        class={`analyze-form${dragging ? ' dragging' : ''}`}
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer?.files[0];
          if (file) void readFile(file);
        }}
      >
        <label for="article-input">{t('articleLabel')}</label>
        <textarea
          id="article-input"
          name="text"
          lang="ar"
          dir="rtl"
          rows={8}
          value={text}
          placeholder={t('articlePlaceholder')}
          aria-describedby="article-hint"
          aria-invalid={inputError ? true : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Ctrl/⌘+Enter analyzes without leaving the keyboard.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void run();
            }
          }}
        />
        <p id="article-hint" class="hint">
          {dragging ? t('dropHint') : t('articlePlaceholder')}
        </p>
        {inputError && (
          <p class="field-error" role="alert">
            {inputError}
          </p>
        )}
        <div class="form-row">
          <label class="file-button">
            <input
              type="file"
              accept=".txt,.html,.htm,text/plain,text/html"
              data-testid="file-input"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void readFile(file);
                e.currentTarget.value = '';
              }}
            />
            <span>{t('chooseFile')}</span>
          </label>
          <label class="inline">
            {t('dateLabel')}
            <input type="date" value={published} onInput={(e) => setPublished(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary" disabled={result.status === 'loading'}>
            {result.status === 'loading' ? t('analyzing') : t('analyzeButton')}
          </button>
        </div>
      </form>

      {result.status === 'loading' && <Loading label={t('analyzing')} />}
      {result.status === 'error' && <ErrorBox error={result.error} onRetry={() => void run()} />}
      {result.status === 'ok' && (
        <section class="result" ref={resultRef} tabIndex={-1} aria-label={t('analyzeTitle')} data-testid="analysis">
          <div class="result-main">
            <Legend doc={result.data} />
            <ArticleText doc={result.data} selectedEntity={selected} onSelectEntity={selectEntity} />
            <StorePanel text={result.data.text} initialTitle={title} published={published} />
          </div>
          <Brief doc={result.data} selectedEntity={selected} onSelectEntity={selectEntity} onShowQuote={showQuote} />
        </section>
      )}
    </div>
  );
}

/** The colour key of the article view: only for the layers that are present. */
export function Legend({ doc }: { doc: AnalyzedDocument }) {
  const types = [...new Set((doc.entities ?? []).map((e) => e.type))];
  if (!types.length && !doc.quotes?.length && !doc.repairs?.length) return null;
  return (
    <ul class="legend" aria-label={t('legend')}>
      {types.map((type) => (
        <li key={type}>
          <mark class={`ent ent-${type}`}>{typeLabel(type)}</mark>
        </li>
      ))}
      {doc.quotes && doc.quotes.length > 0 && (
        <li>
          <span class="quote">{t('quoteLegend')}</span>
        </li>
      )}
      {doc.repairs && doc.repairs.length > 0 && (
        <li>
          <span class="repair">{t('repairLegend')}</span>
        </li>
      )}
    </ul>
  );
}

/** Stores the analysed article in the corpus (`POST /documents`, bearer token). */
function StorePanel({ text, initialTitle, published }: { text: string; initialTitle: string; published: string }) {
  const firstLine = text.split('\n').find((l) => l.trim())?.trim().slice(0, 120) ?? '';
  const [title, setTitle] = useState(initialTitle || firstLine);
  const [source, setSource] = useState('');
  const [url, setUrl] = useState('');
  const [token, setTokenState] = useState(getToken());
  const [state, setState] = useState<Load<StoreOutcome>>({ status: 'idle' });
  const needsToken = state.status === 'error' && (state.error.status === 401 || state.error.status === 403);

  const store = async () => {
    setToken(token.trim());
    setState({ status: 'loading' });
    try {
      const outcome = await storeDocument(text, { title, source, url, date: published || undefined });
      setState({ status: 'ok', data: outcome });
    } catch (e) {
      setState({ status: 'error', error: toApiError(e) });
    }
  };

  return (
    <form
      class="store-panel"
      aria-labelledby="store-h"
      onSubmit={(e) => {
        e.preventDefault();
        void store();
      }}
    >
      <h2 id="store-h">{t('storeMeta')}</h2>
      <div class="grid-fields">
        <label>
          {t('titleLabel')}
          <input type="text" lang="ar" dir="auto" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label>
          {t('sourceLabel')}
          <input type="text" dir="auto" value={source} onInput={(e) => setSource(e.currentTarget.value)} />
        </label>
        <label>
          {t('urlLabel')}
          <input type="url" dir="ltr" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label>
          {t('tokenLabel')}
          <input
            type="password"
            dir="ltr"
            autocomplete="off"
            value={token}
            aria-invalid={needsToken ? true : undefined}
            onInput={(e) => setTokenState(e.currentTarget.value)}
          />
        </label>
      </div>
      <button type="submit" class="primary" disabled={state.status === 'loading'}>
        {state.status === 'loading' ? t('storing') : t('store')}
      </button>
      {state.status === 'error' && (
        <>
          {needsToken && <p class="field-error">{t('tokenNeeded')}</p>}
          <ErrorBox error={state.error} />
        </>
      )}
      {state.status === 'ok' && (
        <p class="success" role="status">
          {t('stored')}
          {state.data.status ? ` (${state.data.status})` : ''} —{' '}
          <a href={href(`doc/${state.data.id}`)} data-testid="stored-link">
            {t('openStored')}
          </a>
        </p>
      )}
    </form>
  );
}
