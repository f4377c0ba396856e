import { ErrorCode } from '@concord/ledger';
import { ApiProblem } from './api-problem';

/** A query's answer, or the 404 that its absence means. */
export function found<T>(value: T | undefined, code: ErrorCode, detail: string): T {
  if (value === undefined) throw new ApiProblem(code, detail);
  return value;
}

/** A resource read with its stream revision as `ETag`, ready for the next `If-Match`. */
export function foundWithRevision<T extends { streamRevision: number }>(
  value: T | undefined,
  reply: { header(name: string, value: string): unknown },
  code: ErrorCode,
  detail: string,
): T {
  const resource = found(value, code, detail);
  reply.header('ETag', `"${resource.streamRevision}"`);
  return resource;
}
