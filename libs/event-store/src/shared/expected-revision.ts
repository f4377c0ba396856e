import { ConcurrencyError } from '../event-store.errors';
import { ExpectedRevision } from '../event-store.port';

/** Revision of a stream that does not exist yet. */
export const NO_STREAM_REVISION = -1;

/** Throws `ConcurrencyError` unless a stream at `actualRevision` satisfies `expected`. */
export function assertExpectedRevision(stream: string, expected: ExpectedRevision, actualRevision: number): void {
  if (expected === 'any') return;
  const wanted = expected === 'no-stream' ? NO_STREAM_REVISION : expected;
  if (wanted !== actualRevision) {
    throw new ConcurrencyError(stream, expected, actualRevision);
  }
}
