import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { read, Refusal } from './api/client';
import { LiveContext } from './live';

export type Loaded<T> =
  | { state: 'loading' }
  /** `rereadRefused`: reading the page again failed; what is shown is the answer read before, and is read again shortly. */
  | { state: 'loaded'; answer: T; rereadRefused?: Refusal }
  | { state: 'refused'; refusal: Refusal };

const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 30_000;

/** A refusal that may pass by itself (no answer, too many requests, the ledger or its store away): worth reading again. */
function passing(refusal: Refusal): boolean {
  return refusal.status === 0 || refusal.status === 429 || refusal.status >= 500;
}

/**
 * The API's answer at `path`, read again whenever the path changes, `reload` is called, or the
 * ledger records something while the console follows it. `reader` reads it (`read` unless given;
 * a function defined once, not in a render, or every render would read again).
 */
export function useAnswer<T>(path: string | null, reader: (path: string) => Promise<T> = read): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const live = useContext(LiveContext);
  const [shownPath, setShownPath] = useState<string | null>(null);
  const retryMs = useRef(FIRST_RETRY_MS);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // A reload of the same path keeps what is shown until the new answer arrives: the forms on the
    // page, and what is typed in them, stay.
    if (path !== shownPath) {
      setLoaded({ state: 'loading' });
      retryMs.current = FIRST_RETRY_MS;
    }
    setShownPath(path);
    reader(path)
      .then((answer) => {
        if (!current) return;
        setLoaded({ state: 'loaded', answer });
        retryMs.current = FIRST_RETRY_MS;
      })
      .catch((error: unknown) => {
        if (!current) return;
        const refusal = asRefusal(error);
        // A failed reading again keeps the page as it was read, and what is typed in its forms,
        // saying so, rather than putting the refusal in its place; one that may pass is tried again.
        setLoaded((shown) => (shown.state === 'loaded' ? { state: 'loaded', answer: shown.answer, rereadRefused: refusal } : { state: 'refused', refusal }));
        if (!passing(refusal)) return;
        const wait = retryMs.current;
        retryMs.current = Math.min(wait * 2, LAST_RETRY_MS);
        retry = setTimeout(() => setGeneration((value) => value + 1), wait);
      });
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [path, generation, live, reader]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return [loaded, reload];
}

export function asRefusal(error: unknown): Refusal {
  return error instanceof Refusal ? error : new Refusal(0, 'internal-error', error instanceof Error ? error.message : String(error));
}

/**
 * The first `pages` pages of a list whose first page is at `path`, following `nextCursor` (each
 * later page read at the first page's point), put together as one answer whose `nextCursor` is
 * the last page's: `items` names the list's field.
 */
export function readPages<T extends { nextCursor: string | null }, K extends keyof T>(items: K, pages: number): (path: string) => Promise<T> {
  return async (path) => {
    const first = await read<T>(path);
    const listed = [...(first[items] as unknown[])];
    const [base, query] = path.split('?');
    let cursor = first.nextCursor;
    for (let shown = 1; cursor !== null && shown < pages; shown += 1) {
      const parameters = new URLSearchParams(query);
      parameters.set('cursor', cursor);
      parameters.set('limit', String(MAX_PAGE));
      const page = await read<T>(`${base}?${parameters.toString()}`);
      listed.push(...(page[items] as unknown[]));
      cursor = page.nextCursor;
    }
    return { ...first, [items]: listed, nextCursor: cursor };
  };
}

/**
 * How many pages of a list the reader asked to see, and a way to ask for one more; one again when
 * `listing` (the list and its point) changes.
 */
export function usePagesAsked(listing: string): [pages: number, askForMore: () => void] {
  const [asked, setAsked] = useState({ listing, pages: 1 });
  const pages = asked.listing === listing ? asked.pages : 1;
  return [pages, () => setAsked({ listing, pages: pages + 1 })];
}

/** Every page of a list whose first page is at `path`, put together as one answer (see `readPages`). */
export function readEveryPage<T extends { nextCursor: string | null }, K extends keyof T>(items: K): (path: string) => Promise<T> {
  return readPages<T, K>(items, Number.POSITIVE_INFINITY);
}

/** The most items a page of a list holds. */
export const MAX_PAGE = 200;
