import { upcast } from '@concord/governance/schemas';
import { readingEventAt, StoredEvent } from '@concord/event-store';

/**
 * The one envelope in which an event leaves the ledger (feed, SSE, webhooks): a CloudEvents 1.0
 * structured-mode JSON object. `data` is always at the current schema version of its type, and
 * `type` names that version, so a consumer never sees an old shape.
 */
export interface LedgerCloudEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema: string;
  /** The global position zero-padded to 20 digits, so that it sorts as a string. */
  readonly sequence: string;
  readonly position: number;
  readonly recordedat: string;
  readonly bodyid: string;
  readonly actor: string;
  /** Present when the key was issued to a named holder. */
  readonly actorname?: string;
  readonly correlationid: string;
  readonly causationid: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export const CLOUD_EVENT_TYPE_PREFIX = 'org.concordledger.';
const SEQUENCE_DIGITS = 20;

export function cloudEventType(eventType: string, schemaVersion: number): string {
  return `${CLOUD_EVENT_TYPE_PREFIX}${eventType}.v${schemaVersion}`;
}

/** Where the API serves one event version's JSON Schema: the envelope's `dataschema`. */
export function dataSchemaUrl(publicUrl: string, eventType: string, schemaVersion: number): string {
  return `${publicUrl}/v1/schemas/${eventType}/v${schemaVersion}`;
}

export function sequenceOf(position: number): string {
  return String(position).padStart(SEQUENCE_DIGITS, '0');
}

/**
 * `bodyId` is the body the event's stream belongs to: the ledger knows it from the stream's opening
 * event (see `StreamBodyIndex`), since most meeting and proposal events do not repeat it.
 */
export function toCloudEvent(stored: StoredEvent, bodyId: string, publicUrl: string): LedgerCloudEvent {
  const current = readingEventAt(stored.position, () => upcast(stored.type, stored.schemaVersion, stored.data));
  const occurredAt = current.data.occurredAt;
  return {
    specversion: '1.0',
    id: stored.eventId,
    source: `${publicUrl}/v1/bodies/${bodyId}`,
    type: cloudEventType(stored.type, current.schemaVersion),
    subject: stored.stream,
    time: typeof occurredAt === 'string' ? occurredAt : stored.metadata.recordedAt,
    datacontenttype: 'application/json',
    dataschema: dataSchemaUrl(publicUrl, stored.type, current.schemaVersion),
    sequence: sequenceOf(stored.position),
    position: stored.position,
    recordedat: stored.metadata.recordedAt,
    bodyid: bodyId,
    actor: stored.metadata.actor.id,
    ...(stored.metadata.actor.name === undefined ? {} : { actorname: stored.metadata.actor.name }),
    correlationid: stored.metadata.correlationId,
    causationid: stored.metadata.causationId,
    data: current.data,
  };
}
