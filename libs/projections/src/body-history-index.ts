import { compareWorldKeys, countUpToWorldKey, WorldKey } from './time-point';

/** Where a body-history entry lives, with the world time it sorts by. */
export interface HistoryRef {
  readonly stream: string;
  readonly eventId: string;
  readonly position: number;
  readonly occurredAt: string;
}

/** A position in the history's order, for paging on from where the last page stopped. */
export type HistoryKey = WorldKey;

interface Redating {
  /** The date the entry was recorded with. */
  readonly original: string;
  /** Each correction of its date, by the position of the correction. */
  readonly redates: { readonly position: number; readonly occurredAt: string }[];
}

/**
 * A body's membership, office and decision records in world-time order, for period queries. The
 * order is the one of the latest corrections; read at an earlier position, an entry whose date was
 * corrected since takes the place its date had then, so that pages read at one point never skip or
 * repeat an entry however the ledger changed after it.
 */
export class BodyHistoryIndex {
  private readonly refs: HistoryRef[] = [];
  private readonly redated = new Map<string, Redating>();

  add(ref: HistoryRef): void {
    this.refs.splice(
      countUpToWorldKey(this.refs, ref, (candidate) => candidate),
      0,
      ref,
    );
  }

  /** A correction recorded at `position` moved an entry's date: it takes its new place. */
  redate(eventId: string, occurredAt: string, position: number): void {
    const index = this.refs.findIndex((ref) => ref.eventId === eventId);
    const ref = this.refs[index];
    if (!ref) return;
    const redating = this.redated.get(eventId) ?? { original: ref.occurredAt, redates: [] };
    redating.redates.push({ position, occurredAt });
    this.redated.set(eventId, redating);
    this.refs.splice(index, 1);
    this.add({ ...ref, occurredAt });
  }

  /** Entries after `after` (exclusive) up to `until` (inclusive) in world time as the ledger read at `knownBy`. */
  *from(after: HistoryKey | null, until: string, knownBy: number): Generator<HistoryRef> {
    const movedSince = new Set<string>();
    const moved: HistoryRef[] = [];
    for (const [eventId, { original, redates }] of this.redated) {
      if ((redates.at(-1)?.position ?? 0) <= knownBy) continue;
      movedSince.add(eventId);
      const ref = this.refs.find((candidate) => candidate.eventId === eventId) as HistoryRef;
      const occurredAt = redates.filter((redate) => redate.position <= knownBy).at(-1)?.occurredAt ?? original;
      const then = { ...ref, occurredAt };
      if ((after === null || compareWorldKeys(then, after) > 0) && occurredAt <= until) moved.push(then);
    }
    moved.sort(compareWorldKeys);
    let next = 0;
    const start = after === null ? 0 : countUpToWorldKey(this.refs, after, (ref) => ref);
    for (let i = start; i < this.refs.length; i += 1) {
      const ref = this.refs[i] as HistoryRef;
      if (ref.occurredAt > until) break;
      if (movedSince.has(ref.eventId)) continue;
      while (next < moved.length && compareWorldKeys(moved[next] as HistoryRef, ref) < 0) yield moved[next++] as HistoryRef;
      yield ref;
    }
    while (next < moved.length) yield moved[next++] as HistoryRef;
  }
}
