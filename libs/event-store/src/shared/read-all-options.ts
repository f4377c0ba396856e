import { ReadAllOptions } from '../event-store.port';

export interface ReadRange {
  readonly after: number;
  /** Undefined reads to the end of the log. */
  readonly limit: number | undefined;
}

/**
 * Defaults and checks `readAll` options. No adapter caps `limit`: callers such as the projection
 * runner stop paging when a batch comes back shorter than they asked for, so a silent cap would
 * make them stop early.
 */
export function toReadRange(options: ReadAllOptions = {}): ReadRange {
  const after = options.after ?? 0;
  const limit = options.limit;
  if (!Number.isInteger(after) || after < 0) {
    throw new TypeError(`readAll: after must be an integer >= 0, got ${String(after)}`);
  }
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new TypeError(`readAll: limit must be an integer >= 0, got ${String(limit)}`);
  }
  return { after, limit };
}
