import type { StoredEvent } from '../event-store.port';
import { UnreadableEventError } from '../unreadable-event-error';

/**
 * `events`, read from `stream` at revision `from` on, once checked to follow each other from there.
 * The ledger writes a stream's revisions without gaps; one missing is a row removed from the store
 * by hand, and the stream folded without it would be another history (a proposal never tabled, an
 * objection never raised), answered as if it were the ledger's. The event after the gap is named
 * instead, as an event the ledger cannot read.
 */
export function withEveryRevision(stream: string, from: number, events: StoredEvent[]): StoredEvent[] {
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index]!;
    const expected = from + index;
    if (event.streamRevision !== expected) {
      throw new UnreadableEventError(
        event.position,
        `it is revision ${event.streamRevision} of ${stream}, whose revision ${expected} is missing from the store: a row removed by hand`,
      );
    }
  }
  return events;
}
