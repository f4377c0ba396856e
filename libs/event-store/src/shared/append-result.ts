import { AppendResult } from '../event-store.port';

/** The identifying fields of one stored event, as needed to rebuild the result of its append. */
export interface AppendedEventRef {
  readonly stream: string;
  readonly streamRevision: number;
  readonly position: number;
  readonly eventId: string;
}

/**
 * Rebuilds an append's result from the events it wrote, given in position order. One append writes
 * one stream with consecutive positions, so its first and last events say everything.
 */
export function appendResultOf(events: readonly AppendedEventRef[], duplicate: boolean): AppendResult | undefined {
  const first = events[0];
  const last = events[events.length - 1];
  if (first === undefined || last === undefined) return undefined;
  return {
    stream: first.stream,
    streamRevision: last.streamRevision,
    firstPosition: first.position,
    lastPosition: last.position,
    eventIds: events.map((event) => event.eventId),
    duplicate,
  };
}
