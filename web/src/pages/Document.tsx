/** A stored article (`#/doc/:id?at=start-end`): the text annotated as on the Analyze page, and its brief. */
import { useEffect, useState } from 'preact/hooks';
import { getDocument, type AnalyzedDocument, type StoredDocument } from '../api.js';
import { ArticleText } from '../components/ArticleText.js';
import { Brief } from '../components/Brief.js';
import { Loaded, SafeText, useApi } from '../components/common.js';
import { date, t } from '../i18n.js';
import { parseSpot, safeUrl } from '../lib/state.js';
import type { Route } from '../router.js';
import { Legend } from './Analyze.js';

/** The stored article page. */
export function DocumentPage({ id, route }: { id: string; route: Route }) {
  const [state, retry] = useApi<StoredDocument>(id, (signal) => getDocument(id, signal));
  const spot = parseSpot(route.params.get('at'));
  return (
    <div class="page document-page">
      <Loaded state={state} retry={retry}>
        {(doc) => <StoredArticle doc={doc} spot={spot} />}
      </Loaded>
    </div>
  );
}

function StoredArticle({ doc, spot }: { doc: StoredDocument; spot: { start: number; end: number } | null }) {
  const [selected, setSelected] = useState<string | null>(null);
  const analysis: AnalyzedDocument | null = doc.analysis ?? (doc.text !== undefined ? { schemaVersion: 1, text: doc.text } : null);
  const link = safeUrl(doc.url);
  useEffect(() => {
    if (spot) document.querySelector('.article .spot')?.scrollIntoView({ block: 'center' });
  }, [spot?.start, spot?.end]);
  return (
    <>
      <header class="doc-header">
        <h1>
          <bdi lang="ar">{doc.title ? <SafeText text={doc.title} /> : t('untitled')}</bdi>
        </h1>
        <p class="meta">
          {doc.source && <bdi class="source">{doc.source}</bdi>}
          {doc.published && (
            <span>
              {t('published')}: <time dateTime={doc.published}>{date(doc.published)}</time>
            </span>
          )}
          {link && (
            <a href={link} rel="noopener noreferrer nofollow" target="_blank" dir="ltr">
              {t('original')}
            </a>
          )}
          <code dir="ltr">{doc.id}</code>
        </p>
        <Copies doc={doc} />
      </header>
      {analysis ? (
        <section class="result">
          <div class="result-main">
            <Legend doc={analysis} />
            <ArticleText
              doc={analysis}
              spot={spot}
              selectedEntity={selected}
              onSelectEntity={(id) => setSelected((c) => (c === id ? null : id))}
              idPrefix="d"
            />
          </div>
          {doc.analysis ? (
            <Brief
              doc={analysis}
              selectedEntity={selected}
              onSelectEntity={(id) => setSelected((c) => (c === id ? null : id))}
              onShowQuote={(i) => document.getElementById(`d-q${i}`)?.focus()}
            />
          ) : (
            <p class="note">{t('noAnalysis')}</p>
          )}
        </section>
      ) : (
        <p class="note">{t('noAnalysis')}</p>
      )}
    </>
  );
}

/**
 * Where else the story was seen: exact copies (stored once, so this is the only place their
 * source and headline show) and near-duplicates (stored, linked to the earliest copy).
 */
function Copies({ doc }: { doc: StoredDocument }) {
  const exact = doc.duplicates ?? [];
  const near = [...(doc.nearDuplicateOf ? [doc.nearDuplicateOf] : []), ...(doc.nearDuplicates ?? [])];
  if (exact.length === 0 && near.length === 0) return null;
  return (
    <details class="copies">
      <summary>
        {t('alsoCarried')}: {exact.length + near.length}
      </summary>
      {exact.length > 0 && (
        <ul class="copy-list" aria-label={t('exactCopies')}>
          {exact.map((c) => {
            const link = safeUrl(c.url);
            return (
              <li key={c.sourceKey}>
                {c.source && (
                  <>
                    <bdi class="source">{c.source}</bdi> ·{' '}
                  </>
                )}
                <bdi lang="ar">{c.title ? <SafeText text={c.title} /> : t('untitled')}</bdi>
                {c.published && (
                  <>
                    {' '}
                    <time dateTime={c.published}>{date(c.published)}</time>
                  </>
                )}
                {link && (
                  <>
                    {' '}
                    <a href={link} rel="noopener noreferrer nofollow" target="_blank" dir="ltr">
                      {t('original')}
                    </a>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {near.length > 0 && (
        <ul class="copy-list" aria-label={t('nearCopies')}>
          {near.map((id) => (
            <li key={id}>
              {t(id === doc.nearDuplicateOf ? 'firstCopy' : 'nearCopy')}: <a href={`#/doc/${encodeURIComponent(id)}`}><code dir="ltr">{id}</code></a>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
