import { ErrorCode } from '@concord/ledger';
import { PointFields, TimePoint } from '@concord/projections';
import { ApiProblem } from './api-problem';

/** A query's answer, or the 404 that its absence means. */
export function found<T>(value: T | undefined, code: ErrorCode, detail: string): T {
  if (value === undefined) throw new ApiProblem(code, detail);
  return value;
}

/**
 * "…has not been tabled", or, asked of the past, on the timeline asked: an `asOf` answer is about
 * what the ledger had stored by then, which a record entered late (tabled in 2022, stored in 2026)
 * was not, though it had happened; `effectiveAt` asks what had happened.
 */
export function absence(asked: TimePoint, subject: string, event: string): string {
  switch (asked.kind) {
    case 'latest':
      return `${subject} has not been ${event}`;
    case 'as-of':
      return `${subject} had not been recorded as ${event} by ${asked.at}: asOf reads what the ledger had stored by then, not what had happened (ask effectiveAt for that)`;
    case 'at-position':
      return `${subject} had not been recorded as ${event} in the first ${asked.position} events of the log`;
    case 'effective-at':
      return `${subject} had not been ${event} by ${asked.at}, in world time, as the ledger reads it now`;
  }
}

/**
 * A resource read at a point, with the fields that name the point. Read now, its stream revision is
 * also the `ETag` for the next `If-Match`; a past revision is no precondition for anything.
 */
export function resourceAt<T extends { streamRevision: number }>(
  value: T | undefined,
  at: { asked: TimePoint; point: PointFields },
  reply: { header(name: string, value: string): unknown },
  code: ErrorCode,
  detail: string,
): T & PointFields {
  const resource = found(value, code, detail);
  if (at.asked.kind === 'latest') reply.header('ETag', `"${resource.streamRevision}"`);
  return { ...resource, ...at.point };
}
