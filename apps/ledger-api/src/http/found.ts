import { ErrorCode } from '@concord/ledger';
import { PointFields, TimePoint } from '@concord/projections';
import { ApiProblem } from './api-problem';

/** A query's answer, or the 404 that its absence means. */
export function found<T>(value: T | undefined, code: ErrorCode, detail: string): T {
  if (value === undefined) throw new ApiProblem(code, detail);
  return value;
}

/** "…has not been tabled", or "…had not been tabled at that point" for a question about the past. */
export function absence(asked: TimePoint, subject: string, event: string): string {
  return asked.kind === 'latest' ? `${subject} has not been ${event}` : `${subject} had not been ${event} at that point`;
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
