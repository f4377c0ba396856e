import type { EventStore, StoredEvent } from './event-store.port';

/**
 * The log holds an event this ledger cannot read or will not vouch for: one it did not write (a row
 * written into the store by hand), or one written by a newer version of it. What follows that
 * event is neither read nor signed until an operator deals with it, rather than every read failing
 * with an unexplained error or the event being signed as if the ledger had recorded it.
 */
export class UnreadableEventError extends Error {
  override readonly name = 'UnreadableEventError';

  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(
      `the log's event at position ${position} cannot be read by this ledger (${reason}); nothing after it is read or signed. ` +
        '`concord verify` says whether it is an event the ledger wrote; if not, restore the backup taken before it was written, ' +
        'and if a newer version of the ledger wrote it, run that version',
    );
  }
}

/**
 * What `read` returns of the event at `position`, or an `UnreadableEventError` naming it if the
 * event cannot be read: its text is no JSON, or its type or version is none this version reads
 * (`NotUpcastableError`). Any other failure is the reader's own, and passes as it is.
 */
export function readingEventAt<T>(position: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof SyntaxError) && !(error instanceof Error && error.name === 'NotUpcastableError')) throw error;
    throw new UnreadableEventError(position, error.message);
  }
}

/** Why the ledger would not vouch for `event` as one it recorded (a row written by hand), or undefined when it would. */
export type EventProblem = (event: StoredEvent) => string | undefined;

/** Throws an `UnreadableEventError` naming `event` if `problemOf` finds a problem with it. */
export function assertVouchedFor(event: StoredEvent, problemOf: EventProblem | undefined): void {
  const reason = problemOf?.(event);
  if (reason !== undefined) throw new UnreadableEventError(event.position, reason);
}

/**
 * The events after `after`, up to `limit`; where the store cannot read one of them (a row whose
 * text is not JSON), those before it, and why the next one cannot be read.
 */
export async function readAllReadable(
  store: Pick<EventStore, 'readAll'>,
  after: number,
  limit: number,
): Promise<{ events: StoredEvent[]; unreadable?: UnreadableEventError }> {
  try {
    return { events: await store.readAll({ after, limit }) };
  } catch (error) {
    if (!(error instanceof UnreadableEventError)) throw error;
    const before = error.position <= after + 1 ? [] : await store.readAll({ after, limit: Math.min(limit, error.position - 1 - after) });
    return { events: before, unreadable: error };
  }
}
