import { useEffect, useState } from 'react';
import { localToday } from './today';

/** How often an open page looks at the clock: a page left open overnight dates the morning's records today. */
const CLOCK_LOOK_MS = 30_000;

/**
 * Today's date where the clerk is (`localToday`), kept current while the page stays open: the
 * page is drawn again when the date changes, so a form untouched since yesterday offers today's
 * date, also on a quiet morning when no record arrives to draw it again. Looked at again when the
 * tab is shown or focused (a laptop woken from sleep), not only on the half minute.
 */
export function useLocalToday(): string {
  const [today, setToday] = useState(localToday);
  useEffect(() => {
    const look = (): void => setToday(localToday());
    const timer = setInterval(look, CLOCK_LOOK_MS);
    window.addEventListener('focus', look);
    document.addEventListener('visibilitychange', look);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', look);
      document.removeEventListener('visibilitychange', look);
    };
  }, []);
  return today;
}
