import { CorrectionRecorded, GovernanceEvent, withCorrection } from '@concord/governance';
import { Actor } from '@concord/event-store';
import { countUpTo, ResolvedPoint } from './time-point';

/** Where and when the ledger stored a record, and on whose key. */
export interface RecordEnvelope {
  readonly eventId: string;
  readonly position: number;
  readonly streamRevision: number;
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly actor: Actor;
}

export interface RecordedEvent extends RecordEnvelope {
  /** The event's data: as recorded in `originals`, with corrections applied in `events`. */
  readonly event: GovernanceEvent;
}

export interface AppliedCorrection extends RecordEnvelope {
  readonly occurredAt: string;
  readonly correctsEventId: string;
  readonly reason: string;
  readonly corrections: CorrectionRecorded['data']['corrections'];
}

/** What the global fold hands an aggregate: its next event, or a correction of one of its events. */
export interface AggregateSink {
  append(recorded: RecordedEvent): void;
  correct(correction: AppliedCorrection): void;
}

/** An aggregate's state at a point, with the stream revision the answer was folded from. */
export interface AtPoint<S> {
  readonly state: S;
  readonly streamRevision: number;
}

/** What an audit trail reads of a timeline, whatever its state type. */
export type EventHistory = Pick<AggregateTimeline<unknown>, 'stream' | 'originals' | 'events' | 'correctionsOf' | 'indexOf' | 'eventAsOf'>;

/** Folds between two snapshots: the most a point-in-time read of one aggregate replays. */
export const SNAPSHOT_INTERVAL = 64;

export function occurredAtOf(recorded: RecordedEvent): string {
  return recorded.event.data.occurredAt;
}

/**
 * One aggregate's history on both timelines. It answers "the state now" from a running fold, and
 * "the state at a point" from snapshots taken every `interval` events, so a point-in-time read folds
 * at most `interval` events however long the stream:
 * - by position (recorded time): one snapshot series per number of corrections applied, because a
 *   correction rewrites what later reads see but not what the ledger said before it was recorded;
 * - by world time: the events in `occurredAt` order, where a late entry slots in among older ones
 *   and only the snapshots after it are folded again, on the next read that needs them.
 */
export class AggregateTimeline<S> implements AggregateSink {
  private readonly recorded: RecordedEvent[] = [];
  private readonly corrected: RecordedEvent[] = [];
  private readonly indexById = new Map<string, number>();
  private readonly appliedCorrections: AppliedCorrection[] = [];
  private readonly correctionsByTarget = new Map<string, AppliedCorrection[]>();
  /** `epochs[c]`: snapshots of the fold with the first `c` corrections applied. */
  private readonly epochs: S[][] = [[]];
  private worldOrder: RecordedEvent[] = [];
  private worldSnapshots: S[] = [];
  private folded: S;
  private lastRevision = -1;

  constructor(
    readonly stream: string,
    private readonly initial: S,
    private readonly evolve: (state: S, recorded: RecordedEvent) => S,
    private readonly interval = SNAPSHOT_INTERVAL,
  ) {
    this.folded = initial;
  }

  /** The state now, every correction applied. */
  get state(): S {
    return this.folded;
  }

  /** The revision of the stream's last event, corrections included. */
  get streamRevision(): number {
    return this.lastRevision;
  }

  /** The events as they read now, every correction applied. */
  get events(): readonly RecordedEvent[] {
    return this.corrected;
  }

  /** The events exactly as they were recorded. */
  get originals(): readonly RecordedEvent[] {
    return this.recorded;
  }

  get corrections(): readonly AppliedCorrection[] {
    return this.appliedCorrections;
  }

  correctionsOf(eventId: string): readonly AppliedCorrection[] {
    return this.correctionsByTarget.get(eventId) ?? [];
  }

  indexOf(eventId: string): number | undefined {
    return this.indexById.get(eventId);
  }

  append(recorded: RecordedEvent): void {
    this.indexById.set(recorded.eventId, this.recorded.length);
    this.recorded.push(recorded);
    this.corrected.push(recorded);
    this.lastRevision = recorded.streamRevision;
    this.folded = this.evolve(this.folded, recorded);
    if (this.recorded.length % this.interval === 0) this.currentEpoch().push(this.folded);
    this.placeInWorldOrder(recorded);
  }

  correct(correction: AppliedCorrection): void {
    this.appliedCorrections.push(correction);
    this.lastRevision = correction.streamRevision;
    const index = this.indexById.get(correction.correctsEventId);
    const target = index === undefined ? undefined : this.corrected[index];
    if (index === undefined || !target) {
      // Nothing of this stream changes, so the snapshots so far stay true for the next epoch too.
      this.epochs.push(this.currentEpoch());
      return;
    }
    this.correctionsByTarget.set(correction.correctsEventId, [...this.correctionsOf(correction.correctsEventId), correction]);
    this.corrected[index] = { ...target, event: withCorrection(target.event, correction.corrections) };
    const kept = Math.floor(index / this.interval);
    const snapshots = this.currentEpoch().slice(0, kept);
    let state = snapshots.at(-1) ?? this.initial;
    for (let i = kept * this.interval; i < this.corrected.length; i += 1) {
      state = this.evolve(state, this.corrected[i] as RecordedEvent);
      if ((i + 1) % this.interval === 0) snapshots.push(state);
    }
    this.epochs.push(snapshots);
    this.folded = state;
    this.worldOrder = [...this.corrected].sort(byWorldTime);
    this.worldSnapshots = [];
  }

  /** The state at a resolved point; `undefined` when none of the stream's events counts there. */
  at(point: ResolvedPoint): AtPoint<S> | undefined {
    return point.effectiveAt === null ? this.atPosition(point.position) : this.atWorldTime(point.effectiveAt);
  }

  /** The events that count at a point, as they read there, in the order they are folded. */
  eventsAt(point: ResolvedPoint): RecordedEvent[] {
    if (point.effectiveAt !== null) return this.worldOrder.slice(0, countUpTo(this.worldOrder, point.effectiveAt, occurredAtOf));
    const count = countUpTo(this.recorded, point.position, (recorded) => recorded.position);
    return Array.from({ length: count }, (_, index) => this.eventAsOf(index, point.position));
  }

  /** The stream's first event as it read at a point, if it counted there. */
  openingAt(point: ResolvedPoint): RecordedEvent | undefined {
    const first = this.recorded[0];
    if (!first) return undefined;
    if (point.effectiveAt === null) return first.position <= point.position ? this.eventAsOf(0, point.position) : undefined;
    const opening = this.corrected[0] as RecordedEvent;
    return occurredAtOf(opening) <= point.effectiveAt ? opening : undefined;
  }

  /** The event at `index` as it read once the corrections recorded up to `position` applied. */
  eventAsOf(index: number, position: number): RecordedEvent {
    const original = this.recorded[index] as RecordedEvent;
    const corrections = this.correctionsOf(original.eventId).filter((correction) => correction.position <= position);
    if (corrections.length === 0) return original;
    return { ...original, event: corrections.reduce((event, correction) => withCorrection(event, correction.corrections), original.event) };
  }

  private atPosition(position: number): AtPoint<S> | undefined {
    const count = countUpTo(this.recorded, position, (recorded) => recorded.position);
    if (count === 0) return undefined;
    const corrections = countUpTo(this.appliedCorrections, position, (correction) => correction.position);
    const lastEvent = this.recorded[count - 1] as RecordedEvent;
    const streamRevision = Math.max(lastEvent.streamRevision, this.appliedCorrections[corrections - 1]?.streamRevision ?? -1);
    if (count === this.recorded.length && corrections === this.appliedCorrections.length) return { state: this.folded, streamRevision };
    const snapshots = this.epochs[corrections] ?? [];
    const blocks = Math.min(Math.floor(count / this.interval), snapshots.length);
    let state = snapshots[blocks - 1] ?? this.initial;
    for (let i = blocks * this.interval; i < count; i += 1) state = this.evolve(state, this.eventAsOf(i, position));
    return { state, streamRevision };
  }

  private atWorldTime(moment: string): AtPoint<S> | undefined {
    const count = countUpTo(this.worldOrder, moment, occurredAtOf);
    if (count === 0) return undefined;
    const blocks = Math.floor(count / this.interval);
    this.extendWorldSnapshots(blocks);
    let state = this.worldSnapshots[blocks - 1] ?? this.initial;
    for (let i = blocks * this.interval; i < count; i += 1) state = this.evolve(state, this.worldOrder[i] as RecordedEvent);
    return { state, streamRevision: this.lastRevision };
  }

  private extendWorldSnapshots(blocks: number): void {
    let state = this.worldSnapshots.at(-1) ?? this.initial;
    for (let block = this.worldSnapshots.length; block < blocks; block += 1) {
      for (let i = block * this.interval; i < (block + 1) * this.interval; i += 1) state = this.evolve(state, this.worldOrder[i] as RecordedEvent);
      this.worldSnapshots.push(state);
    }
  }

  private placeInWorldOrder(recorded: RecordedEvent): void {
    const index = countUpTo(this.worldOrder, occurredAtOf(recorded), occurredAtOf);
    if (index === this.worldOrder.length) {
      this.worldOrder.push(recorded);
      return;
    }
    this.worldOrder.splice(index, 0, recorded);
    this.worldSnapshots.length = Math.min(this.worldSnapshots.length, Math.floor(index / this.interval));
  }

  private currentEpoch(): S[] {
    return this.epochs[this.epochs.length - 1] as S[];
  }
}

function byWorldTime(a: RecordedEvent, b: RecordedEvent): number {
  return occurredAtOf(a).localeCompare(occurredAtOf(b)) || a.position - b.position;
}
