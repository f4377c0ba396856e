import { GovernanceEvent, withCorrection } from '@concord/governance';
import { AggregateSink, AppliedCorrection, RecordedEvent } from './aggregate-timeline';
import { StoredHead } from './head-timeline';

/** What a fold to the latest state reads of a record. */
export type FoldInput = Pick<RecordedEvent, 'eventId' | 'event'>;

/**
 * One stream's latest state, followed while the log is folded from position 1, to be stored as its
 * head when that fold ends. It keeps the stream's events as they read now (every correction
 * applied) and folds them once, when its head is asked for, so a correction of an early event costs
 * nothing until then however many come. It answers no point in time, so unlike
 * `AggregateTimeline` it keeps no snapshots, no world-time order and no envelopes: only each event
 * and its id. What a long stream keeps for the whole fold, the fold pays for in garbage
 * collection: keeping each whole `RecordedEvent` made the rebuild of a 1M-event ledger 1–3 s
 * slower, keeping the events about 0.7 s (bench/HISTORY.md, "Heads stored by a rebuild").
 */
export class LatestFold<S> implements AggregateSink {
  private readonly eventIds: string[] = [];
  private readonly events: GovernanceEvent[] = [];
  private readonly indexById = new Map<string, number>();
  /** The stream's first event as it reads now: the head's opening. */
  private opening: RecordedEvent | undefined;
  private corrections = 0;
  private lastRevision = -1;
  private lastRecordPosition = 0;

  constructor(
    readonly stream: string,
    private readonly initial: S,
    private readonly evolve: (state: S, recorded: FoldInput) => S,
  ) {}

  /** Events and corrections followed. */
  get size(): number {
    return this.events.length + this.corrections;
  }

  append(recorded: RecordedEvent): void {
    this.opening ??= recorded;
    this.indexById.set(recorded.eventId, this.events.length);
    this.eventIds.push(recorded.eventId);
    this.events.push(recorded.event);
    this.lastRevision = recorded.streamRevision;
    this.lastRecordPosition = recorded.position;
  }

  correct(correction: AppliedCorrection): void {
    this.corrections += 1;
    this.lastRevision = correction.streamRevision;
    this.lastRecordPosition = correction.position;
    const index = this.indexById.get(correction.correctsEventId);
    const target = index === undefined ? undefined : this.events[index];
    if (index === undefined || !target) return;
    this.events[index] = withCorrection(target, correction.corrections);
    if (index === 0 && this.opening) this.opening = { ...this.opening, event: this.events[0] as GovernanceEvent };
  }

  /** The stream's head at `position`, where the fold stands (every record of the stream by then followed); undefined before its first event. */
  headAt(position: number): StoredHead<S> | undefined {
    if (!this.opening) return undefined;
    let state = this.initial;
    this.events.forEach((event, index) => {
      state = this.evolve(state, { eventId: this.eventIds[index] as string, event });
    });
    return { position, unchangedFrom: this.lastRecordPosition, revision: this.lastRevision, records: this.size, opening: this.opening, state };
  }
}
