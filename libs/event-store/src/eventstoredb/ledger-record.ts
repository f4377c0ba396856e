import { EventData, EventMetadata, EventToAppend, StoredEvent } from '../event-store.port';
import { canonicalText } from '../shared/canonical-text';
import { eventRecordId } from './deterministic-id';
import { EsdbJsonEventData, EsdbRecordedEvent, EsdbResolvedEvent } from './esdb-client.port';
import { LedgerIntegrityError } from './ledger-integrity-error';

/** The metadata key under which the adapter keeps its envelope, beside the application's metadata. */
export const LEDGER_METADATA_KEY = '$concord';

/**
 * What the adapter adds to every event it writes to the log (and, before stream entries became
 * links, to full stream copies): the port's numbering, assigned before the write, and the
 * application's own event id.
 */
export interface LedgerEnvelope {
  readonly v: 1;
  /** The port's stream name (without the adapter's namespace prefix). */
  readonly stream: string;
  readonly streamRevision: number;
  readonly position: number;
  /** The application's event id; EventStoreDB's id is derived (see `deterministic-id.ts`). */
  readonly eventId: string;
  readonly schemaVersion: number;
  /** The append this event was part of, so that a reader can rebuild appends from the log. */
  readonly batch: { readonly firstPosition: number; readonly size: number };
}

export interface LedgerRecord {
  readonly event: StoredEvent;
  readonly batch: LedgerEnvelope['batch'];
}

/**
 * Numbers one append's events. Data and metadata go through RFC 8785 text here, before anything
 * is written: that detaches them from the caller's objects, normalises them as every adapter does
 * (a Date becomes a string), and refuses a BigInt or a lone surrogate with a TypeError while
 * nothing is written yet.
 */
export function numberAppend(stream: string, events: readonly EventToAppend[], firstRevision: number, firstPosition: number): LedgerRecord[] {
  const batch = { firstPosition, size: events.length };
  return events.map((event, index) => ({
    event: {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: JSON.parse(canonicalText(event.data, 'event data')) as EventData,
      metadata: JSON.parse(canonicalText(event.metadata, 'event metadata')) as EventMetadata,
      stream,
      streamRevision: firstRevision + index,
      position: firstPosition + index,
    },
    batch,
  }));
}

/** The event as EventStoreDB stores it in the log (stream entries link to it, see `stream-links.ts`). */
export function toEsdbEvent(record: LedgerRecord): EsdbJsonEventData {
  const { event, batch } = record;
  const envelope: LedgerEnvelope = {
    v: 1,
    stream: event.stream,
    streamRevision: event.streamRevision,
    position: event.position,
    eventId: event.eventId,
    schemaVersion: event.schemaVersion,
    batch,
  };
  return {
    id: eventRecordId(event.metadata.commandId, event.position - batch.firstPosition),
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, [LEDGER_METADATA_KEY]: envelope },
  };
}

/** An event read from the log stream, whose revision r must hold position r + 1. */
export function decodeLogEvent(resolved: EsdbResolvedEvent): LedgerRecord {
  const recorded = recordedOf(resolved);
  const record = decode(recorded);
  if (recorded.revision + 1n !== BigInt(record.event.position)) {
    throw new LedgerIntegrityError(
      `${describe(recorded)} says position ${record.event.position}; the log's revision ${recorded.revision} holds position ${recorded.revision + 1n}`,
    );
  }
  return record;
}

/**
 * A full copy of a log event in its ledger stream, as versions before links wrote them: its
 * EventStoreDB revision must be its port revision. Kept for the streams that still hold them.
 */
export function decodeStreamCopy(resolved: EsdbResolvedEvent, stream: string): LedgerRecord {
  const recorded = recordedOf(resolved);
  const record = decode(recorded);
  if (record.event.stream !== stream || recorded.revision !== BigInt(record.event.streamRevision)) {
    throw new LedgerIntegrityError(`${describe(recorded)} says ${record.event.stream}@${record.event.streamRevision}; expected ${stream}@${recorded.revision}`);
  }
  return record;
}

function recordedOf(resolved: EsdbResolvedEvent): EsdbRecordedEvent {
  // Links are resolved by `decodeStreamEntry` before this; an event-less record here is a link
  // whose target is gone, or something the adapter did not write.
  if (resolved.event === undefined) throw new LedgerIntegrityError('EventStoreDB returned a link or an empty record where a ledger event was expected');
  return resolved.event;
}

/** Builds a fresh `StoredEvent` from what the client parsed, refusing anything the adapter did not write. */
function decode(recorded: EsdbRecordedEvent): LedgerRecord {
  const { data, metadata } = recorded;
  if (!recorded.isJson || !isObject(data) || !isObject(metadata)) {
    throw new LedgerIntegrityError(`${describe(recorded)} is not a ledger event: its data and metadata are not JSON objects`);
  }
  const { [LEDGER_METADATA_KEY]: envelope, ...applicationMetadata } = metadata;
  if (!isEnvelope(envelope) || typeof applicationMetadata['commandId'] !== 'string') {
    throw new LedgerIntegrityError(`${describe(recorded)} is not a ledger event: it has no valid ${LEDGER_METADATA_KEY} envelope`);
  }
  return {
    event: {
      eventId: envelope.eventId,
      type: recorded.type,
      schemaVersion: envelope.schemaVersion,
      data: data as EventData,
      // Checked above for the field the adapter relies on; the rest is what the application wrote.
      metadata: applicationMetadata as unknown as EventMetadata,
      stream: envelope.stream,
      streamRevision: envelope.streamRevision,
      position: envelope.position,
    },
    batch: { firstPosition: envelope.batch.firstPosition, size: envelope.batch.size },
  };
}

function describe(recorded: EsdbRecordedEvent): string {
  return `event ${recorded.revision}@${recorded.streamId}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown, minimum: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum;
}

function isEnvelope(value: unknown): value is LedgerEnvelope {
  if (!isObject(value) || value['v'] !== 1 || !isObject(value['batch'])) return false;
  const { stream, streamRevision, position, eventId, schemaVersion } = value;
  const { firstPosition, size } = value['batch'];
  return (
    typeof stream === 'string' &&
    typeof eventId === 'string' &&
    isCount(streamRevision, 0) &&
    isCount(position, 1) &&
    typeof schemaVersion === 'number' &&
    isCount(firstPosition, 1) &&
    isCount(size, 1) &&
    position >= firstPosition &&
    position < firstPosition + size
  );
}
