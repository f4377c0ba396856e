import { parseStream } from '../shared/ids';
import { isNormalisedDateTime } from './normalised-date-time';
import { validateEventData } from './validate-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The members of a recorded event that say what it is, as read from an export or a store. */
export interface EventRecord {
  readonly stream: unknown;
  readonly eventId: unknown;
  readonly type: unknown;
  readonly schemaVersion: unknown;
  readonly data: unknown;
  readonly metadata: unknown;
}

/**
 * What makes an event no record of the ledger, whatever its place in the log: a stream that is no
 * body, meeting or proposal stream, an id that is no lowercase UUID, a type or version without a
 * schema or data its JSON Schema refuses, or metadata without what every command leaves. The
 * ledger writes none of these and cannot read them back. `concord verify` reports them, and the
 * API takes none into its transparency log: a row written into the store by hand is not hashed or
 * signed as if the ledger had recorded it.
 */
export function eventShapeProblem({ stream, eventId, type, schemaVersion, data, metadata }: EventRecord): string | undefined {
  if (typeof stream !== 'string' || !parseStream(stream)) return `stream ${JSON.stringify(stream)} is not a body-, meeting- or proposal- stream`;
  if (typeof eventId !== 'string' || !UUID.test(eventId)) return 'eventId is not a lowercase UUID';
  if (typeof type !== 'string' || typeof schemaVersion !== 'number') return 'type and schemaVersion are required';
  const validation = validateEventData(type, schemaVersion, data);
  if (!validation.valid) return `${type} v${schemaVersion} is not valid: ${validation.errors.join('; ')}`;
  return metadataProblem(metadata);
}

function metadataProblem(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return 'metadata is required';
  const { commandId, correlationId, actor, recordedAt } = metadata as Record<string, unknown>;
  if (typeof commandId !== 'string' || commandId.length === 0) return 'metadata.commandId is required';
  if (typeof correlationId !== 'string') return 'metadata.correlationId is required';
  if (typeof recordedAt !== 'string' || !(isNormalisedDateTime(recordedAt) || !Number.isNaN(Date.parse(recordedAt))))
    return 'metadata.recordedAt must be a date-time';
  const { id, role, name } = (actor ?? {}) as Record<string, unknown>;
  if (typeof id !== 'string' || typeof role !== 'string') return 'metadata.actor must have an id and a role';
  if (name !== undefined && typeof name !== 'string') return 'metadata.actor.name must be a string when given';
  return undefined;
}
