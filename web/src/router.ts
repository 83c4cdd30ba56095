/**
 * Hash routing: `#/search?q=العراق&topic=politics&page=2`. The state of every page lives in
 * the URL, so results can be shared and the back button works. The hash keeps UI routes
 * apart from the API's own paths (`/search`, `/events` are API endpoints), and needs no
 * server-side fallback.
 */
import { useEffect, useState } from 'preact/hooks';

/** A parsed route: the path segments and the query. */
export interface Route {
  /** `['entity', 'E12']` for `#/entity/E12`. */
  parts: string[];
  params: URLSearchParams;
}

/** Parses `location.hash`. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { parts, params };
}

/** Builds a hash link. Empty parameters are left out, so URLs stay short. */
export function href(path: string, params?: URLSearchParams | Record<string, string | string[] | undefined>): string {
  const qs = new URLSearchParams();
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (v) qs.append(k, v);
  } else if (params) {
    for (const [k, v] of Object.entries(params)) {
      for (const value of Array.isArray(v) ? v : [v]) if (value) qs.append(k, value);
    }
  }
  const encoded = path
    .split('/')
    .map((p) => encodeURIComponent(p))
    .join('/');
  const s = qs.toString();
  return `#/${encoded.replace(/^\//, '')}${s ? `?${s}` : ''}`;
}

/** Goes to a hash link (adds a history entry). */
export function navigate(link: string): void {
  if (location.hash !== link) location.hash = link;
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
