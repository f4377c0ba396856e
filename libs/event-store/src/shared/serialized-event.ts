import { parseStoredJson } from './stored-json';
import { EventData, EventMetadata, EventToAppend, StoredEvent } from '../event-store.port';
import { canonicalText } from './canonical-text';

/**
 * A stored event with its data and metadata as RFC 8785 canonical JSON text, which is how every
 * adapter but EventStoreDB keeps them (events recorded before the text was canonical keep theirs).
 * The in-memory adapter keeps this form too, rather than structured clones, for two reasons: it
 * then normalises data exactly as SQLite does (a Date becomes a string, `undefined` disappears, a
 * BigInt is refused), so unit tests see what production sees; and parsing on the way out builds
 * objects in the caller's realm, whereas `structuredClone` under Jest builds them in Node's outer
 * realm, which makes `toStrictEqual` fail on events that look identical.
 */
export interface SerializedEvent {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly streamRevision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
  readonly commandId: string;
}

export function serializeEvent(event: EventToAppend, stream: string, streamRevision: number, position: number): SerializedEvent {
  return {
    position,
    eventId: event.eventId,
    stream,
    streamRevision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: canonicalText(event.data, 'event data'),
    metadata: canonicalText(event.metadata, 'event metadata'),
    commandId: event.metadata.commandId,
  };
}

/** A fresh object on every call, so callers cannot alter history through what they were given. */
export function deserializeEvent(event: Omit<SerializedEvent, 'commandId'>): StoredEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    // The text is JSON written from a value of these very types, unless a row was edited by hand.
    data: parseStoredJson<EventData>(event.data, event.position, 'data'),
    metadata: parseStoredJson<EventMetadata>(event.metadata, event.position, 'metadata'),
    stream: event.stream,
    streamRevision: event.streamRevision,
    position: event.position,
  };
}
