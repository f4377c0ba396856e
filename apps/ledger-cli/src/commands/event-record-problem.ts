import { hasUnpairedSurrogate, parseStream, TEXT_LIMITS, unprintableProblem } from '@concord/governance';
import { validateEventData } from '@concord/governance/schemas';

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
 * ledger writes none of these and cannot read them back; `verify` reports them, since a row
 * written into the store by hand is hashed and signed like any other.
 */
export function eventShapeProblem({ stream, eventId, type, schemaVersion, data, metadata }: EventRecord): string | undefined {
  if (typeof stream !== 'string' || !parseStream(stream)) return `stream ${JSON.stringify(stream)} is not a body-, meeting- or proposal- stream`;
  if (typeof eventId !== 'string' || !UUID.test(eventId)) return 'eventId is not a lowercase UUID';
  if (typeof type !== 'string' || typeof schemaVersion !== 'number') return 'type and schemaVersion are required';
  const validation = validateEventData(type, schemaVersion, data);
  if (!validation.valid) return `${type} v${schemaVersion} is not valid: ${validation.errors.join('; ')}`;
  return metadataProblem(metadata);
}

/** `eventShapeProblem`, and text the API would have refused: what `import` refuses in a line. */
export function eventRecordProblem(record: EventRecord): string | undefined {
  return eventShapeProblem(record) ?? textProblem('data', record.data) ?? textProblem('metadata', record.metadata);
}

const TEXT_FIELDS: ReadonlySet<string> = new Set(Object.keys(TEXT_LIMITS));

/**
 * What the API refuses in text, refused here too: control characters, bidirectional overrides and
 * unpaired surrogates in names and free text (by the field's name, the same rule a command's and a
 * correction's fields meet), and an unpaired surrogate in any string, which no JSON text the ledger
 * hashes can hold.
 */
function textProblem(path: string, value: unknown): string | undefined {
  if (typeof value === 'string') {
    const field = path.slice(path.lastIndexOf('.') + 1);
    const problem = TEXT_FIELDS.has(field) ? unprintableProblem(field, value) : hasUnpairedSurrogate(value) ? 'must not hold an unpaired surrogate' : undefined;
    return problem === undefined ? undefined : `${path} ${problem}`;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const problem = textProblem(Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, inner);
    if (problem) return problem;
  }
  return undefined;
}

function metadataProblem(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return 'metadata is required';
  const { commandId, correlationId, actor, recordedAt } = metadata as Record<string, unknown>;
  if (typeof commandId !== 'string' || commandId.length === 0) return 'metadata.commandId is required';
  if (typeof correlationId !== 'string') return 'metadata.correlationId is required';
  if (typeof recordedAt !== 'string' || Number.isNaN(Date.parse(recordedAt))) return 'metadata.recordedAt must be a date-time';
  const { id, role, name } = (actor ?? {}) as Record<string, unknown>;
  if (typeof id !== 'string' || typeof role !== 'string') return 'metadata.actor must have an id and a role';
  if (name !== undefined && typeof name !== 'string') return 'metadata.actor.name must be a string when given';
  return undefined;
}
