import { ErrorCode } from '@concord/ledger';
import { ApiProblem } from './api-problem';

/** A query's answer, or the 404 that its absence means. */
export function found<T>(value: T | undefined, code: ErrorCode, detail: string): T {
  if (value === undefined) throw new ApiProblem(code, detail);
  return value;
}
