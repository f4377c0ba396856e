import { ConcurrencyError } from '../event-store.errors';
import { DecidedOn, ExpectedRevision } from '../event-store.port';

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

/** Throws `ConcurrencyError`, naming the stream, for the first stream the events were decided on that is no longer at the revision read. */
export function assertDecidedOn(decidedOn: readonly DecidedOn[] | undefined, revisionOf: (stream: string) => number): void {
  for (const { stream, revision } of decidedOn ?? []) {
    const actual = revisionOf(stream);
    if (actual !== revision) throw new ConcurrencyError(stream, revision, actual);
  }
}
