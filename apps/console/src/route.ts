import { useEffect, useState } from 'react';

/** Where the console is: `#/path?query`. A hash route needs nothing of the server but `/`. */
export interface Route {
  readonly path: string;
  readonly search: URLSearchParams;
}

function current(): Route {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = hash.split('?');
  return { path, search: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const changed = (): void => setRoute(current());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

/** A link to a page that keeps the time-travel point of the page it is on. */
export function href(path: string, search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const kind of ['asOf', 'effectiveAt', 'atPosition']) {
    const value = search.get(kind);
    if (value) kept.set(kind, value);
  }
  const query = kept.toString();
  return `#${path}${query ? `?${query}` : ''}`;
}
