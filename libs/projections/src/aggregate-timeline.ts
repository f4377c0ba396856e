import { CorrectionRecorded, GovernanceEvent, withCorrection } from '@concord/governance';
import { Actor } from '@concord/event-store';
import { plainFoldAt } from './plain-fold';
import { sameState } from './same-state';
import { countUpTo, countUpToWorldKey, ResolvedPoint, WorldKey } from './time-point';

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
export type EventHistory = Pick<
  AggregateTimeline<unknown>,
  'stream' | 'originals' | 'events' | 'corrections' | 'correctionsOf' | 'indexOf' | 'eventAsOf' | 'indexesOfKey'
>;

/** Folds between two snapshots: the most a point-in-time read of one aggregate replays. */
export const SNAPSHOT_INTERVAL = 64;

/** Past correction epochs of one stream whose snapshots are kept beyond what they share. */
const GROWN_PAST_EPOCHS = 4;

export function occurredAtOf(recorded: RecordedEvent): string {
  return recorded.event.data.occurredAt;
}

/**
 * One aggregate's history on both timelines. It answers "the state now" from a running fold, and
 * "the state at a point" from snapshots taken every `interval` events, so a point-in-time read folds
 * at most `interval` events however long the stream:
 * - by position (recorded time): one snapshot series per number of corrections applied, because a
 *   correction rewrites what later reads see but not what the ledger said before it was recorded;
 * - by world time: the events in `occurredAt` order, where a late entry slots in among older ones.
 * A correction or a late entry keeps the snapshots before the event it touches and drops the rest;
 * they are folded again by the first read that needs them, so a run of corrections (an import, a
 * replay) costs one fold, not one per correction.
 */
export class AggregateTimeline<S> implements AggregateSink {
  private readonly recorded: RecordedEvent[] = [];
  private readonly corrected: RecordedEvent[] = [];
  private readonly indexById = new Map<string, number>();
  private readonly appliedCorrections: AppliedCorrection[] = [];
  private readonly correctionsByTarget = new Map<string, AppliedCorrection[]>();
  /** `epochs[c]`: snapshots of the fold with the first `c` corrections applied (a prefix, grown on demand). */
  private readonly epochs: S[][] = [[]];
  /** How many snapshots of each epoch were true from its start (shared with the epoch before it). */
  private readonly bases: number[] = [0];
  /** Past epochs grown beyond their base, least recently read first: only a few are kept grown. */
  private readonly grownEpochs: number[] = [];
  private readonly worldOrder: RecordedEvent[] = [];
  private readonly worldSnapshots: S[] = [];
  /** Indexes into `originals` by the key `keyOf` gives an event, in stream order. */
  private readonly byKey = new Map<string, number[]>();
  private folded: S;
  /** How many events `folded` covers; behind the stream after a correction, until the next read. */
  private foldedCount = 0;
  private lastRevision = -1;

  constructor(
    readonly stream: string,
    private readonly initial: S,
    private readonly evolve: (state: S, recorded: RecordedEvent) => S,
    private readonly interval = SNAPSHOT_INTERVAL,
    private readonly keyOf: (event: GovernanceEvent) => string | undefined = () => undefined,
  ) {
    this.folded = initial;
  }

  /** The state now, every correction applied. */
  get state(): S {
    if (this.foldedCount !== this.recorded.length) {
      this.folded = this.foldUpTo(this.epochs.length - 1, this.recorded.length, (i) => this.corrected[i] as RecordedEvent);
      this.foldedCount = this.recorded.length;
    }
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

  /** The position the stream's event with this id was recorded at; undefined for an id of no event of it. */
  positionOf(eventId: string): number | undefined {
    const index = this.indexById.get(eventId);
    return index === undefined ? undefined : this.recorded[index]?.position;
  }

  /** Where in `originals` the events with this key are (see `keyOf`), in stream order. */
  indexesOfKey(key: string): readonly number[] {
    return this.byKey.get(key) ?? [];
  }

  /** The position of the stream's last record, event or correction; 0 before any. */
  get lastRecordPosition(): number {
    return Math.max(this.recorded.at(-1)?.position ?? 0, this.appliedCorrections.at(-1)?.position ?? 0);
  }

  /** Events and corrections held: what a cache of timelines weighs them by. */
  get size(): number {
    return this.recorded.length + this.appliedCorrections.length;
  }

  append(recorded: RecordedEvent): void {
    const key = this.keyOf(recorded.event);
    if (key !== undefined) {
      const indexes = this.byKey.get(key);
      if (indexes) indexes.push(this.recorded.length);
      else this.byKey.set(key, [this.recorded.length]);
    }
    this.indexById.set(recorded.eventId, this.recorded.length);
    this.recorded.push(recorded);
    this.corrected.push(recorded);
    this.lastRevision = recorded.streamRevision;
    if (this.foldedCount === this.recorded.length - 1) {
      this.folded = this.evolve(this.folded, recorded);
      this.foldedCount += 1;
      const snapshots = this.currentEpoch();
      if (this.foldedCount % this.interval === 0 && snapshots.length === this.foldedCount / this.interval - 1) snapshots.push(this.folded);
    }
    this.placeInWorldOrder(recorded, this.worldOrder.length);
  }

  correct(correction: AppliedCorrection): void {
    this.appliedCorrections.push(correction);
    this.lastRevision = correction.streamRevision;
    const index = this.indexById.get(correction.correctsEventId);
    const target = index === undefined ? undefined : this.corrected[index];
    if (index === undefined || !target) {
      // Nothing of this stream changes, so the snapshots so far stay true for the next epoch too.
      this.shareCurrentEpoch();
      return;
    }
    this.correctionsByTarget.set(correction.correctsEventId, [...this.correctionsOf(correction.correctsEventId), correction]);
    const amended = { ...target, event: withCorrection(target.event, correction.corrections) };
    const changesNothing = this.foldsAlike(index, target, amended);
    this.corrected[index] = amended;
    if (changesNothing) {
      // A field the state does not keep (a suspension's reason): every later state is unchanged.
      this.shareCurrentEpoch();
    } else {
      const kept = Math.floor(index / this.interval);
      this.epochs.push(this.currentEpoch().slice(0, kept));
      this.bases.push(kept);
      this.keepGrown(this.epochs.length - 2);
      this.foldedCount = Math.min(this.foldedCount, index);
    }
    const worldIndex = this.worldOrder.indexOf(target);
    this.worldOrder.splice(worldIndex, 1);
    this.placeInWorldOrder(amended, worldIndex);
  }

  /** The state at a resolved point; `undefined` when none of the stream's events counts there. */
  at(point: ResolvedPoint): AtPoint<S> | undefined {
    return point.effectiveAt === null ? this.atPosition(point.position) : this.atWorldTime(point.effectiveAt);
  }

  /**
   * The state on the point's world date as the ledger knew it at the point's position: only the
   * records and corrections stored by then count, where a state in world time holds every one
   * stored. A later page of a list in world time reads this when the stream was corrected after
   * the first page, so that the correction neither moves an item onto a page already read nor off
   * the next one. It folds the whole stream by the definition (`plainFoldAt`), for such a page only.
   */
  worldStateKnownAt(point: ResolvedPoint): S | undefined {
    const known = (record: RecordEnvelope): boolean => record.position <= point.position;
    return plainFoldAt(this.recorded.filter(known), this.appliedCorrections.filter(known), point, this.initial, this.evolve);
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
    if (count === this.recorded.length && corrections === this.appliedCorrections.length) return { state: this.state, streamRevision };
    const state = this.foldUpTo(corrections, count, (i) => this.eventAsOf(i, position));
    if (corrections < this.epochs.length - 1) this.keepGrown(corrections);
    return { state, streamRevision };
  }

  /**
   * Past epochs are read rarely; a handful stay grown, and the least recently read of the rest falls
   * back to its base, so memory stays bounded however many corrections a long stream has.
   */
  private keepGrown(epoch: number): void {
    const snapshots = this.epochs[epoch] as S[];
    const base = this.bases[epoch] ?? 0;
    const at = this.grownEpochs.indexOf(epoch);
    if (at >= 0) this.grownEpochs.splice(at, 1);
    if (snapshots.length > base) this.grownEpochs.push(epoch);
    while (this.grownEpochs.length > GROWN_PAST_EPOCHS) {
      const evicted = this.grownEpochs.shift() as number;
      const evictedSnapshots = this.epochs[evicted] as S[];
      if (evictedSnapshots !== this.currentEpoch()) evictedSnapshots.length = this.bases[evicted] ?? 0;
    }
  }

  /**
   * Whether the original and the amended event fold to the same state, judged only when the state
   * before the event is at most one snapshot interval away: a correction is never allowed to cost
   * a long fold by itself; when it cannot be judged cheaply it is taken to change the state.
   */
  private foldsAlike(index: number, original: RecordedEvent, amended: RecordedEvent): boolean {
    const snapshots = this.currentEpoch();
    if (snapshots.length < Math.floor(index / this.interval)) return false;
    const before = this.foldUpTo(this.epochs.length - 1, index, (i) => this.corrected[i] as RecordedEvent);
    return sameState(this.evolve(before, original), this.evolve(before, amended));
  }

  private shareCurrentEpoch(): void {
    this.epochs.push(this.currentEpoch());
    this.bases.push(this.bases[this.bases.length - 1] ?? 0);
  }

  /**
   * The fold of the first `count` events as epoch `epoch` reads them, from its nearest snapshot;
   * snapshots it passes on the way are kept for the reads after it.
   */
  private foldUpTo(epoch: number, count: number, eventAt: (index: number) => RecordedEvent): S {
    const snapshots = this.epochs[epoch] as S[];
    const blocks = Math.min(Math.floor(count / this.interval), snapshots.length);
    let state = snapshots[blocks - 1] ?? this.initial;
    for (let i = blocks * this.interval; i < count; i += 1) {
      state = this.evolve(state, eventAt(i));
      if ((i + 1) % this.interval === 0 && snapshots.length === (i + 1) / this.interval - 1) snapshots.push(state);
    }
    return state;
  }

  private atWorldTime(moment: string): AtPoint<S> | undefined {
    return this.worldFold(countUpTo(this.worldOrder, moment, occurredAtOf));
  }

  /**
   * The state in world time up to one record, ties on `occurredAt` broken by position: what a
   * timeline of records of one moment shows, one record after another.
   */
  atWorldTimeUpTo(moment: string, position: number): AtPoint<S> | undefined {
    return this.worldFold(countUpToWorldKey(this.worldOrder, { occurredAt: moment, position }, worldKeyOf));
  }

  private worldFold(count: number): AtPoint<S> | undefined {
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

  /** Slots an event into world-time order; the snapshots from the earlier of its old and new place on are dropped. */
  private placeInWorldOrder(recorded: RecordedEvent, previousIndex: number): void {
    const index = countUpToWorldKey(this.worldOrder, worldKeyOf(recorded), worldKeyOf);
    this.worldOrder.splice(index, 0, recorded);
    const unchanged = Math.floor(Math.min(index, previousIndex) / this.interval);
    if (this.worldSnapshots.length > unchanged) this.worldSnapshots.length = unchanged;
  }

  private currentEpoch(): S[] {
    return this.epochs[this.epochs.length - 1] as S[];
  }
}

function worldKeyOf(recorded: RecordedEvent): WorldKey {
  return { occurredAt: occurredAtOf(recorded), position: recorded.position };
}
