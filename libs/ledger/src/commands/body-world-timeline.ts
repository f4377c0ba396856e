import { BodyEvent, BodyState, foldBodyEvents, initialBodyState, IsoDateTime } from '@concord/governance';

/**
 * A body's events folded in world-time order, all of them: the body as it stands from the latest
 * date among them on. Stored beside the log so that a timeline can resume from it (see `resumed`).
 */
export interface WorldFold {
  readonly state: BodyState;
  /** The latest `occurredAt` among the events. */
  readonly latest: IsoDateTime;
  readonly establishedAt: IsoDateTime | undefined;
}

/** How far apart, in events, the timeline keeps folded states; and how many it keeps at most. */
const SNAPSHOT_SPACING = 64;
const MAX_SNAPSHOTS = 16;

/**
 * A body's events kept in world-time order (by `occurredAt`, ties in recorded order) with a few
 * states folded at points of that order, so that the body as it stood at a moment folds only the
 * events between the nearest kept state and that moment: a command dated today on a body of 100k
 * events folds the handful recorded since the last command, not the 100k. It answers exactly what
 * `bodyAsItStood` defines, which the tests check against random histories.
 *
 * Events are added in stream order, never changed; a late entry (dated before others) is inserted
 * in its place and drops the kept states after it. Corrections change events already in, so a
 * stream with a new correction is indexed again from scratch by its owner, never patched here.
 */
export class BodyWorldTimeline {
  private readonly entries: BodyEvent[] = [];
  /** Number of entries folded in → the state they fold to. */
  private readonly snapshots = new Map<number, BodyState>();
  private established: IsoDateTime | undefined;
  private latest: IsoDateTime | undefined;
  private readonly start: BodyState;
  /** Set on a timeline resumed from a `WorldFold`: it answers no moment before it, and takes no event dated before it. */
  readonly floor: IsoDateTime | undefined;

  constructor(
    private readonly fold: (state: BodyState, events: readonly BodyEvent[]) => BodyState = foldBodyEvents,
    resumedFrom?: WorldFold,
  ) {
    this.start = resumedFrom?.state ?? initialBodyState;
    this.floor = resumedFrom?.latest;
    this.latest = resumedFrom?.latest;
    this.established = resumedFrom?.establishedAt;
  }

  /**
   * Goes on from a stored `WorldFold` of the stream's first events instead of the events
   * themselves: it answers every moment from the latest date among them on, which is what a
   * command dated today asks, and a late entry (dated before it) cannot be added.
   */
  static resumed(from: WorldFold): BodyWorldTimeline {
    return new BodyWorldTimeline(foldBodyEvents, from);
  }

  /** When the body was established in the world, if it is among the events. */
  get establishedAt(): IsoDateTime | undefined {
    return this.established;
  }

  /** Whether `add` takes these events: a resumed timeline takes none dated before its floor. */
  takes(events: readonly BodyEvent[]): boolean {
    const floor = this.floor;
    return floor === undefined || events.every((event) => event.data.occurredAt >= floor);
  }

  /** Adds the stream's next events, as they read after corrections (there must be none among them). */
  add(events: readonly BodyEvent[]): void {
    if (!this.takes(events)) throw new RangeError(`a timeline resumed at ${String(this.floor)} cannot take an event dated before it`);
    for (const event of events) {
      const at = event.data.occurredAt;
      if (this.latest === undefined || at > this.latest) this.latest = at;
      const index = this.firstAfter(at);
      this.entries.splice(index, 0, event);
      for (const folded of this.snapshots.keys()) if (folded > index) this.snapshots.delete(folded);
      if (event.type === 'BodyEstablished' && (this.established === undefined || at < this.established)) this.established = at;
    }
  }

  /** The body as it stood at `moment`: every event dated up to and including it, folded. A resumed timeline answers no moment before its floor (`undefined`). */
  stateAt(moment: IsoDateTime): BodyState | undefined {
    if (this.floor !== undefined && moment < this.floor) return undefined;
    const count = this.firstAfter(moment);
    let from = 0;
    for (const folded of this.snapshots.keys()) if (folded <= count && folded > from) from = folded;
    let state = this.snapshots.get(from) ?? this.start;
    if (from > 0) this.keep(from, state);
    if (count > from) state = this.fold(state, this.entries.slice(from, count));
    if (count - from >= SNAPSHOT_SPACING || (count === this.entries.length && count > from)) this.keep(count, state);
    return state;
  }

  /** Every event folded in world-time order, with what a timeline resumed from it needs; `undefined` while there is none. */
  worldFold(): WorldFold | undefined {
    if (this.latest === undefined) return undefined;
    return { state: this.stateAt(this.latest) ?? this.start, latest: this.latest, establishedAt: this.established };
  }

  /** Kept states are refreshed when used, so the least recently used one goes first. */
  private keep(count: number, state: BodyState): void {
    this.snapshots.delete(count);
    this.snapshots.set(count, state);
    for (const oldest of this.snapshots.keys()) {
      if (this.snapshots.size <= MAX_SNAPSHOTS) break;
      this.snapshots.delete(oldest);
    }
  }

  /** The index of the first entry dated after `moment` (binary search; entries are in world-time order). */
  private firstAfter(moment: IsoDateTime): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.entries[middle] as BodyEvent).data.occurredAt <= moment) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
