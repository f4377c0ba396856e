import { parseStoredJson } from '../shared/stored-json';
import type { EventData, EventMetadata, SkimmedEvent, StoredEvent } from '../event-store.port';

/*
 * Rows read in better-sqlite3's raw mode (arrays, not objects) and turned into stored events in one
 * step: no intermediate row object per event. On a stream of ten events that is about a quarter
 * of a read's cost. The fields are built in the order `deserializeEvent` builds them, so an event
 * serialises the same from every store.
 */

/** A stream's events: the stream is the one asked for, so it is not read back. */
export const STREAM_EVENT_COLUMNS = 'position, event_id, stream_revision, type, schema_version, data, metadata';
export type StreamEventRow = [position: number, eventId: string, streamRevision: number, type: string, schemaVersion: number, data: string, metadata: string];

/** Events of the whole log, each with its stream. */
export const LOG_EVENT_COLUMNS = 'position, event_id, stream, stream_revision, type, schema_version, data, metadata';
export type LogEventRow = [
  position: number,
  eventId: string,
  stream: string,
  streamRevision: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
];

/** Events of the whole log as text, with the metadata's recorded time read out by SQLite. */
export const SKIMMED_EVENT_COLUMNS = `${LOG_EVENT_COLUMNS}, json_extract(metadata, '$.recordedAt')`;
export type SkimmedEventRow = [...LogEventRow, recordedAt: string];

export function streamEventsOf(stream: string, rows: readonly StreamEventRow[]): StoredEvent[] {
  return rows.map(([position, eventId, streamRevision, type, schemaVersion, data, metadata]) =>
    storedEvent(eventId, type, schemaVersion, data, metadata, stream, streamRevision, position),
  );
}

export function logEventsOf(rows: readonly LogEventRow[]): StoredEvent[] {
  return rows.map(([position, eventId, stream, streamRevision, type, schemaVersion, data, metadata]) =>
    storedEvent(eventId, type, schemaVersion, data, metadata, stream, streamRevision, position),
  );
}

export function skimmedEventsOf(rows: readonly SkimmedEventRow[]): SkimmedEvent[] {
  return rows.map(([position, eventId, stream, streamRevision, type, schemaVersion, data, metadata, recordedAt]) => ({
    eventId,
    type,
    schemaVersion,
    data,
    metadata,
    stream,
    streamRevision,
    position,
    recordedAt,
  }));
}

function storedEvent(
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  stream: string,
  streamRevision: number,
  position: number,
): StoredEvent {
  return {
    eventId,
    type,
    schemaVersion,
    // The text is JSON written from a value of these very types, unless a row was edited by hand.
    data: parseStoredJson<EventData>(data, position, 'data'),
    metadata: parseStoredJson<EventMetadata>(metadata, position, 'metadata'),
    stream,
    streamRevision,
    position,
  };
}
