import { countUpTo } from './time-point';

/** Where a body-history entry lives, with the world time it sorts by. */
export interface HistoryRef {
  readonly stream: string;
  readonly eventId: string;
  readonly position: number;
  readonly occurredAt: string;
}

/** A position in the history's order, for paging on from where the last page stopped. */
export interface HistoryKey {
  readonly occurredAt: string;
  readonly position: number;
}

function compareKeys(a: HistoryKey, b: HistoryKey): number {
  return a.occurredAt.localeCompare(b.occurredAt) || a.position - b.position;
}

/** A body's membership, office and decision records in world-time order, for period queries. */
export class BodyHistoryIndex {
  private refs: HistoryRef[] = [];

  add(ref: HistoryRef): void {
    let low = 0;
    let high = this.refs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(this.refs[middle] as HistoryRef, ref) <= 0) low = middle + 1;
      else high = middle;
    }
    this.refs.splice(low, 0, ref);
  }

  /** A correction moved an entry's date: it takes its new place. */
  redate(eventId: string, occurredAt: string): void {
    const index = this.refs.findIndex((ref) => ref.eventId === eventId);
    const ref = this.refs[index];
    if (!ref) return;
    this.refs.splice(index, 1);
    this.add({ ...ref, occurredAt });
  }

  /** Entries after `after` (exclusive) up to `until` (inclusive) in world time, in order. */
  *from(after: HistoryKey | null, until: string): Generator<HistoryRef> {
    const start = after === null ? 0 : countUpTo(this.refs, 0, (ref) => compareKeys(ref, after));
    for (let i = start; i < this.refs.length; i += 1) {
      const ref = this.refs[i] as HistoryRef;
      if (ref.occurredAt > until) return;
      yield ref;
    }
  }
}
