import { BodyEvent, BodyState, foldBodyEvents, initialBodyState, IsoDateTime } from '@concord/governance';

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

  constructor(private readonly fold: (state: BodyState, events: readonly BodyEvent[]) => BodyState = foldBodyEvents) {}

  /** When the body was established in the world, if it is among the events. */
  get establishedAt(): IsoDateTime | undefined {
    return this.established;
  }

  /** Adds the stream's next events, as they read after corrections (there must be none among them). */
  add(events: readonly BodyEvent[]): void {
    for (const event of events) {
      const at = event.data.occurredAt;
      const index = this.firstAfter(at);
      this.entries.splice(index, 0, event);
      for (const folded of this.snapshots.keys()) if (folded > index) this.snapshots.delete(folded);
      if (event.type === 'BodyEstablished' && (this.established === undefined || at < this.established)) this.established = at;
    }
  }

  /** The body as it stood at `moment`: every event dated up to and including it, folded. */
  stateAt(moment: IsoDateTime): BodyState {
    const count = this.firstAfter(moment);
    let from = 0;
    for (const folded of this.snapshots.keys()) if (folded <= count && folded > from) from = folded;
    let state = this.snapshots.get(from) ?? initialBodyState;
    if (from > 0) this.keep(from, state);
    if (count > from) state = this.fold(state, this.entries.slice(from, count));
    if (count - from >= SNAPSHOT_SPACING || (count === this.entries.length && count > from)) this.keep(count, state);
    return state;
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
