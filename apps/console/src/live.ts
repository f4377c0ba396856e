import { createContext, useEffect, useState } from 'react';
import { read, send, session } from './api/client';

/** Counts the ledger's new events while the console follows them: readings depend on it to refresh. */
export const LiveContext = createContext(0);

/**
 * A page reads several answers again at each refresh (a meeting desk seven): at most one a second
 * keeps a tab within its key's allowance of requests (1,200 a minute by default), two tabs too,
 * however busy the ledger is.
 */
const REFRESH_AT_MOST_EVERY_MS = 1000;
/** After a stream that failed, the next try waits this long, doubled at each failure in a row up to the most. */
const RECONNECT_FIRST_AFTER_MS = 1000;
const RECONNECT_AT_MOST_AFTER_MS = 30_000;
/** A ledger that does not answer at all is tried again at least this often: the page says it is lost until it is back. */
const RECONNECT_UNANSWERED_AT_MOST_AFTER_MS = 5_000;

/** A stream down for less than this (a reconnect, a restart) is not called lost: the page would flicker. */
const LOST_AFTER_MS = 3000;

/** What the console knows of the ledger live: how many bursts of events arrived, and whether it stopped answering. */
export interface Live {
  readonly generation: number;
  /** The event stream has been down for a while: what pages show may be out of date, and records may not reach the ledger. */
  readonly lost: boolean;
}

/** How `follow` tells what became of the stream. */
interface Following {
  arrived(): void;
  opened(): void;
  failed(): void;
}

/**
 * Follows the integrators' event stream (server-sent events, read with `fetch` so that the key goes
 * in a header, never in the URL) from the head at the time, and counts what arrives, a burst at a
 * time. While `enabled` is false (time travel shows a past point) it follows nothing.
 */
export function useLive(enabled: boolean): Live {
  const [generation, setGeneration] = useState(0);
  const [lost, setLost] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const stop = new AbortController();
    let pending: ReturnType<typeof setTimeout> | undefined;
    let losing: ReturnType<typeof setTimeout> | undefined;
    const arrived = (): void => {
      pending ??= setTimeout(() => {
        pending = undefined;
        setGeneration((value) => value + 1);
      }, REFRESH_AT_MOST_EVERY_MS);
    };
    let lostNow = false;
    const following: Following = {
      arrived,
      opened: () => {
        clearTimeout(losing);
        losing = undefined;
        // Back after an outage: the page is read again, in case of what it missed meanwhile.
        if (lostNow) arrived();
        lostNow = false;
        setLost(false);
      },
      failed: () => {
        losing ??= setTimeout(() => {
          lostNow = true;
          setLost(true);
        }, LOST_AFTER_MS);
      },
    };
    void follow(stop.signal, following);
    return () => {
      stop.abort();
      clearTimeout(pending);
      clearTimeout(losing);
      setLost(false);
    };
  }, [enabled]);
  return { generation, lost };
}

/**
 * Follows with ids that name their events (`<position>:<event id>`), so that a ledger restored from
 * an older copy is found out: the id last seen is then past its head (404) or names another event
 * (409). The page is read again, and followed from the head as it is now, rather than waiting for
 * the ledger to reach the old position and reading on as if nothing had happened.
 */
async function follow(signal: AbortSignal, { arrived, opened, failed }: Following): Promise<void> {
  let resumeAfter: string | undefined;
  let wait = RECONNECT_FIRST_AFTER_MS;
  while (!signal.aborted) {
    let answered = false;
    try {
      resumeAfter ??= String((await read<{ headPosition: number }>('/health')).headPosition);
      const response = await send('/v1/events/stream?ids=position-and-event', { signal, headers: { 'last-event-id': resumeAfter } });
      // A key no longer accepted is not tried again: `send` has signed the console out.
      if (response.status === 401) return;
      if (response.status === 404 || response.status === 409) {
        // Not the log followed so far (restored from an older copy): start again from its head, the page read anew.
        resumeAfter = undefined;
        arrived();
        answered = true;
        throw new Error(`the event stream answered ${response.status}: the ledger's log is not the one followed`);
      }
      if (!response.ok || !response.body) {
        wait = Math.max(wait, askedWaitMs(response));
        // A refusal (a rate limit, say) is an answer: only a ledger failing or gone is called lost.
        if (response.status < 500) answered = true;
        throw new Error(`the event stream answered ${response.status}`);
      }
      wait = RECONNECT_FIRST_AFTER_MS;
      opened();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const message = buffer.slice(0, end);
          const id = /^id: (\d+(?::[0-9a-f-]+)?)$/m.exec(message);
          buffer = buffer.slice(end + 2);
          // The log holds an event the ledger cannot serve: the stream ends there, and would end again
          // at once. The ledger answers; it is asked again only now and then (its pages say what is wrong).
          if (/^event: unreadable$/m.test(message)) {
            answered = true;
            wait = RECONNECT_AT_MOST_AFTER_MS;
          }
          if (id?.[1] !== undefined) {
            resumeAfter = id[1];
            arrived();
          }
        }
      }
    } catch {
      // The stream closed or could not be opened: it is opened again from the last event seen.
    }
    if (signal.aborted || session.key() === null) return;
    if (!answered) failed();
    await new Promise((done) => setTimeout(done, answered ? wait : Math.min(wait, RECONNECT_UNANSWERED_AT_MOST_AFTER_MS)));
    // Backing off far is for a ledger that answers (a rate limit, a start); one that does not is looked for soon again.
    wait = Math.min(wait * 2, answered ? RECONNECT_AT_MOST_AFTER_MS : RECONNECT_UNANSWERED_AT_MOST_AFTER_MS);
  }
}

/** What a refusal's `Retry-After` asks for (a rate limit, a ledger starting), in milliseconds. */
function askedWaitMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, RECONNECT_AT_MOST_AFTER_MS) : 0;
}
