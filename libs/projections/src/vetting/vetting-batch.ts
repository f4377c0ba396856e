import type { SkimmedEvent } from '@concord/event-store';

/** The members of an event the vetting thread checks, in the order a batch carries their text. */
const TEXT_MEMBERS = ['stream', 'eventId', 'type', 'data', 'metadata'] as const;

/**
 * A batch of skimmed events as one string and the lengths that cut it, so that sending it to the
 * vetting thread copies one string instead of cloning a thousand objects.
 */
export interface VettingBatch {
  readonly kind: 'batch';
  readonly id: number;
  readonly text: string;
  /** For each event, the lengths of its `TEXT_MEMBERS` in `text`, one after another. */
  readonly lengths: Uint32Array;
  /** Each event's schema version; NaN where the store held no number. */
  readonly schemaVersions: Float64Array;
}

export interface VettedEvent {
  readonly stream: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number | null;
  /** The stored text, parsed by whoever vets it. */
  readonly data: string;
  readonly metadata: string;
}

/** The batch to send for `events`, or undefined if one of them is certainly no event the ledger wrote (a member of the wrong kind). */
export function vettingBatch(id: number, events: readonly SkimmedEvent[]): VettingBatch | undefined {
  const parts: string[] = [];
  const lengths = new Uint32Array(events.length * TEXT_MEMBERS.length);
  const schemaVersions = new Float64Array(events.length);
  let index = 0;
  for (const [n, event] of events.entries()) {
    for (const member of TEXT_MEMBERS) {
      const value: unknown = event[member];
      if (typeof value !== 'string') return undefined;
      parts.push(value);
      lengths[index] = value.length;
      index += 1;
    }
    schemaVersions[n] = typeof event.schemaVersion === 'number' ? event.schemaVersion : Number.NaN;
  }
  return { kind: 'batch', id, text: parts.join(''), lengths, schemaVersions };
}

/** The events of a batch, as the vetting thread reads them. */
export function* vettedEventsOf(batch: Pick<VettingBatch, 'text' | 'lengths' | 'schemaVersions'>): Generator<VettedEvent> {
  let offset = 0;
  const next = (index: number): string => {
    const start = offset;
    offset += batch.lengths[index] ?? 0;
    return batch.text.slice(start, offset);
  };
  for (let n = 0; n < batch.schemaVersions.length; n += 1) {
    const base = n * TEXT_MEMBERS.length;
    const version = batch.schemaVersions[n] ?? Number.NaN;
    yield {
      stream: next(base),
      eventId: next(base + 1),
      type: next(base + 2),
      data: next(base + 3),
      metadata: next(base + 4),
      schemaVersion: Number.isNaN(version) ? null : version,
    };
  }
}

/** The vetting thread's answer to a batch: whether it would vouch for every event in it. */
export interface VettingReply {
  readonly kind: 'vetted';
  readonly id: number;
  readonly vouched: boolean;
}
