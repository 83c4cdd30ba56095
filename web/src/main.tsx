/**
 * Marsad's web UI: an Arabic, right-to-left newsroom dashboard over the public HTTP API.
 * Fonts come from the package (no CDN): the product works offline.
 */
import '@fontsource/ibm-plex-sans-arabic/arabic-400.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-600.css';
import '@fontsource/ibm-plex-sans-arabic/latin-400.css';
import '@fontsource/ibm-plex-sans-arabic/latin-600.css';
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import './styles.css';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { health } from './api.js';
import { initialLang, setLang, t, type Lang } from './i18n.js';
import { AnalyzePage } from './pages/Analyze.js';
import { DocumentPage } from './pages/Document.js';
import { EntitiesPage, EntityPage } from './pages/Entity.js';
import { EventsPage } from './pages/Events.js';
import { SearchPage } from './pages/Search.js';
import { href, useRoute, type Route } from './router.js';

const NAV: { path: string; key: 'navAnalyze' | 'navSearch' | 'navEntities' | 'navEvents'; match: string[] }[] = [
  { path: 'analyze', key: 'navAnalyze', match: ['', 'analyze'] },
  { path: 'search', key: 'navSearch', match: ['search', 'doc'] },
  { path: 'entities', key: 'navEntities', match: ['entities', 'entity'] },
  { path: 'events', key: 'navEvents', match: ['events'] },
];

function Page({ route }: { route: Route }) {
  const [head, id] = route.parts;
  switch (head) {
    case undefined:
    case 'analyze':
      return <AnalyzePage />;
    case 'search':
      return <SearchPage route={route} />;
    case 'entities':
      return <EntitiesPage route={route} />;
    case 'entity':
      return id ? <EntityPage id={id} /> : <EntitiesPage route={route} />;
    case 'events':
      return <EventsPage route={route} />;
    case 'doc':
      return id ? <DocumentPage id={id} route={route} /> : <SearchPage route={route} />;
    default:
      return (
        <div class="page">
          <h1>{t('notFound')}</h1>
        </div>
      );
  }
}

/** Shows a banner when `/health` does not answer, so a blank page is never a mystery. */
function HealthBanner() {
  const [down, setDown] = useState(false);
  useEffect(() => {
    const ctrl = new AbortController();
    health(ctrl.signal).then(
      () => setDown(false),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') setDown(true);
      },
    );
    return () => ctrl.abort();
  }, []);
  return down ? (
    <div class="banner" role="alert">
      {t('apiDown')}
    </div>
  ) : null;
}

function App() {
  const route = useRoute();
  const [lang, setLangState] = useState<Lang>(initialLang());
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => setLang(lang), [lang]);
  // Move focus to the page on navigation, as a multi-page site would, for keyboard and screen-reader users.
  const path = route.parts.join('/');
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);
  const section = route.parts[0] ?? '';
  setLang(lang);
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('skip')}
      </a>
      <header class="topbar">
        <a class="brand" href={href('analyze')}>
          <span class="logo" aria-hidden="true">
            ◉
          </span>
          <span>{t('brand')}</span>
          <small>{t('tagline')}</small>
        </a>
        <nav aria-label={t('brand')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <a href={href(n.path)} aria-current={n.match.includes(section) ? 'page' : undefined}>
                  {t(n.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button
          type="button"
          class="lang-toggle"
          lang={lang === 'ar' ? 'en' : 'ar'}
          aria-label={t('langToggleLabel')}
          onClick={() => setLangState(lang === 'ar' ? 'en' : 'ar')}
          data-testid="lang-toggle"
        >
          {t('langToggle')}
        </button>
      </header>
      <HealthBanner />
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
