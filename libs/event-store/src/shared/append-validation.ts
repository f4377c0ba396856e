import { canonicalText } from './canonical-text';
import { AppendOptions, EventToAppend, ExpectedRevision } from '../event-store.port';

/**
 * Refuses malformed appends before any adapter touches its storage, so every adapter rejects the
 * same inputs with the same `TypeError`. Returns the batch's command id.
 */
export function validateAppend(stream: string, events: readonly EventToAppend[], { expectedRevision, decidedOn }: AppendOptions): string {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new TypeError('append needs a non-empty stream name');
  }
  const first = events[0];
  if (first === undefined) {
    throw new TypeError(`append to ${stream} needs at least one event`);
  }
  validateExpectedRevision(expectedRevision);
  for (const read of decidedOn ?? []) {
    if (typeof read?.stream !== 'string' || read.stream.length === 0 || !Number.isInteger(read.revision) || read.revision < -1)
      throw new TypeError(`a stream the events were decided on needs a non-empty name and a revision that is an integer >= -1, got ${JSON.stringify(read)}`);
  }
  // A log entry quotes these: they must be text RFC 8785 can write (no lone surrogate).
  canonicalText(stream, 'the stream name');

  // The command id is the idempotency key of the whole append, so one batch cannot carry two.
  const commandId = first.metadata.commandId;
  const seenEventIds = new Set<string>();
  for (const event of events) {
    if (event.metadata.commandId !== commandId) {
      throw new TypeError(`append to ${stream} mixes command ids ${commandId} and ${event.metadata.commandId}`);
    }
    if (seenEventIds.has(event.eventId)) {
      throw new TypeError(`append to ${stream} repeats event id ${event.eventId}`);
    }
    seenEventIds.add(event.eventId);
    canonicalText(event.eventId, 'the event id');
    canonicalText(event.type, 'the event type');
  }
  return commandId;
}

function validateExpectedRevision(expected: ExpectedRevision): void {
  if (expected === 'any' || expected === 'no-stream') return;
  // -1 is accepted as a synonym of 'no-stream': it is the revision ConcurrencyError reports for a
  // missing stream, and what "last index of an empty stream" naturally computes to.
  if (typeof expected === 'number' && Number.isInteger(expected) && expected >= -1) return;
  throw new TypeError(`expected revision must be 'any', 'no-stream' or an integer >= -1, got ${String(expected)}`);
}
