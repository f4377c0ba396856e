import { SkimmedEvent, StoredEvent, StoredEventText } from '../event-store.port';
import { AppendedEventRef } from '../shared/append-result';
import { deserializeEvent, SerializedEvent } from '../shared/serialized-event';

/**
 * Rows as pg returns them. BIGINT columns come back as decimal strings (pg will not silently round
 * a 64-bit integer into a JS number), so positions are strings here and checked on the way out.
 * Declared as type aliases because pg's row type needs an index signature.
 */
export type EventRow = Omit<SerializedEvent, 'position' | 'commandId'> & { readonly position: string };

export type SkimmedEventRow = EventRow & { readonly recordedAt: string };

export type EventRefRow = {
  readonly stream: string;
  readonly streamRevision: number;
  readonly position: string;
  readonly eventId: string;
};

export type AppendStateRow = {
  readonly revision: number;
  readonly head: string;
  readonly storedEventIds: string[];
};

/**
 * A BIGINT position as a JS number. Positions past 2^53 - 1 cannot be told apart as numbers, and
 * the port's positions are numbers, so such a log fails loudly rather than yielding wrong ones.
 */
export function toPosition(value: string): number {
  const position = Number(value);
  if (!Number.isSafeInteger(position)) {
    throw new RangeError(`position ${value} is beyond Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER}); the port cannot represent it`);
  }
  return position;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return deserializeEvent(toEventText(row));
}

export function toEventText(row: EventRow): StoredEventText {
  return { ...row, position: toPosition(row.position) };
}

export function toSkimmedEvent(row: SkimmedEventRow): SkimmedEvent {
  return { ...row, position: toPosition(row.position) };
}

export function toEventRef(row: EventRefRow): AppendedEventRef {
  return { stream: row.stream, streamRevision: row.streamRevision, position: toPosition(row.position), eventId: row.eventId };
}
