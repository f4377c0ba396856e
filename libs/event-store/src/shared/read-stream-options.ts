import { ReadStreamOptions } from '../event-store.port';

/** The first revision to read; refuses what no stream revision could be. */
export function fromRevisionOf(options: ReadStreamOptions | undefined): number {
  const from = options?.fromRevision ?? 0;
  if (!Number.isSafeInteger(from) || from < 0) throw new TypeError(`fromRevision must be an integer >= 0, got ${String(from)}`);
  return from;
}

/** The revisions to read: from `from` up to, not including, `to` (past every revision when no limit is given). */
export interface RevisionRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The options as a range of revisions. A stream's revisions have no gaps, so a limit is a bound on
 * the revision: adapters filter by it instead of binding a LIMIT.
 */
export function revisionRangeOf(options: ReadStreamOptions | undefined): RevisionRange {
  const from = fromRevisionOf(options);
  const limit = options?.limit;
  if (limit === undefined) return { from, to: Number.MAX_SAFE_INTEGER };
  if (!Number.isSafeInteger(limit) || limit < 0) throw new TypeError(`limit must be an integer >= 0, got ${String(limit)}`);
  return { from, to: Math.min(from + limit, Number.MAX_SAFE_INTEGER) };
}
