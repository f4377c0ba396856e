import { useCallback, useContext, useEffect, useState } from 'react';
import { read, Refusal } from './api/client';
import { LiveContext } from './live';

export type Loaded<T> = { state: 'loading' } | { state: 'loaded'; answer: T } | { state: 'refused'; refusal: Refusal };

/** The API's answer at `path`, read again whenever the path changes, `reload` is called, or the ledger records something while the console follows it. */
export function useAnswer<T>(path: string | null): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const live = useContext(LiveContext);
  const [shownPath, setShownPath] = useState<string | null>(null);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    // A reload of the same path keeps what is shown until the new answer arrives: the forms on the
    // page, and what is typed in them, stay.
    if (path !== shownPath) setLoaded({ state: 'loading' });
    setShownPath(path);
    read<T>(path)
      .then((answer) => current && setLoaded({ state: 'loaded', answer }))
      .catch((error: unknown) => current && setLoaded({ state: 'refused', refusal: asRefusal(error) }));
    return () => {
      current = false;
    };
  }, [path, generation, live]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return [loaded, reload];
}

export function asRefusal(error: unknown): Refusal {
  return error instanceof Refusal ? error : new Refusal(0, 'internal-error', error instanceof Error ? error.message : String(error));
}
