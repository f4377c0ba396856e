import { ReadStreamOptions } from '../event-store.port';

/** The first revision to read; refuses what no stream revision could be. */
export function fromRevisionOf(options: ReadStreamOptions | undefined): number {
  const from = options?.fromRevision ?? 0;
  if (!Number.isSafeInteger(from) || from < 0) throw new TypeError(`fromRevision must be an integer >= 0, got ${String(from)}`);
  return from;
}
