/**
 * Which moment a query describes. `latest` is the ledger now; `as-of` is recorded time (what the
 * ledger had stored by then); `at-position` is the ledger right after one event; `effective-at` is
 * world time (everything stored so far that occurred by then, late entries included).
 */
export type TimePoint =
  | { readonly kind: 'latest' }
  | { readonly kind: 'as-of'; readonly at: string }
  | { readonly kind: 'at-position'; readonly position: number }
  | { readonly kind: 'effective-at'; readonly at: string; readonly knownBy?: number };

/** The global position a time point names, where it names one: `atPosition`, or a cursor's `knownBy`. */
export function namedPosition(asked: TimePoint): number | undefined {
  if (asked.kind === 'at-position') return asked.position;
  if (asked.kind === 'effective-at') return asked.knownBy;
  return undefined;
}

/** A time point resolved against the log: what every read model folds to answer it. */
export interface ResolvedPoint {
  /** The last global position whose events (and corrections) count. */
  readonly position: number;
  /** World-time cut for `effective-at`: only events that occurred at or before it count. */
  readonly effectiveAt: string | null;
  /** The moment the answer speaks of; its calendar year is the "current" term. */
  readonly moment: string;
}

/** The fields an answer carries to say which point it describes. */
export interface PointFields {
  readonly position: number;
  readonly asOf?: string;
  readonly effectiveAt?: string;
}

export function pointFields(asked: TimePoint, resolved: ResolvedPoint): PointFields {
  switch (asked.kind) {
    case 'as-of':
      return { asOf: asked.at, position: resolved.position };
    case 'effective-at':
      return { effectiveAt: asked.at, position: resolved.position };
    case 'at-position':
    case 'latest':
      return { position: resolved.position };
    default: {
      const unhandled: never = asked;
      return unhandled;
    }
  }
}

/** The number of leading items whose key is at or below `limit`, for a list sorted by that key. */
export function countUpTo<T>(items: ArrayLike<T>, limit: number | string, key: (item: T) => number | string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(items[middle] as T) <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A place in world-time order: by `occurredAt`, then by position for records of one moment. */
export interface WorldKey {
  readonly occurredAt: string;
  readonly position: number;
}

export function compareWorldKeys(a: WorldKey, b: WorldKey): number {
  return a.occurredAt.localeCompare(b.occurredAt) || a.position - b.position;
}

/** The number of leading items at or before `key` in world-time order, for a list kept in that order. */
export function countUpToWorldKey<T>(items: ArrayLike<T>, key: WorldKey, keyOf: (item: T) => WorldKey): number {
  return countUpTo(items, 0, (item) => Math.sign(compareWorldKeys(keyOf(item), key)));
}
