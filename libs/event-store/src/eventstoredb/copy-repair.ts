import { isTransient } from './esdb-errors';

/** What the repair of stream copies at open did; see `EventStoreDbEventStore.copiesRepaired`. */
export interface CopyRepairReport {
  /** Streams whose copy was compared with the log. */
  readonly checked: number;
  /** Streams whose copy lagged behind the log and was brought level (in no particular order). */
  readonly repaired: readonly string[];
  /** Streams whose copy could not be brought level (e.g. `LedgerIntegrityError`), with the error. */
  readonly failed: ReadonlyArray<{ readonly stream: string; readonly error: unknown }>;
  /** Set when the repair stopped before the last stream: the store closed, or the server became unavailable. */
  readonly stopped?: { readonly reason: 'closed' | 'unavailable'; readonly error?: unknown };
}

export const NO_REPAIR: CopyRepairReport = { checked: 0, repaired: [], failed: [] };

/**
 * Runs `levelUp` on every stream, `concurrency` at a time, until done, the signal aborts, or a
 * transient error says the server cannot be used now (then the rest waits for each stream's next
 * append or read, which repair it anyway). Any other error is the stream's own: noted, and the
 * others go on. Never rejects: it runs in the background, where a rejection would go unheard.
 */
export async function repairCopies(
  streams: readonly string[],
  levelUp: (stream: string) => Promise<boolean>,
  options: { readonly concurrency: number; readonly signal: AbortSignal },
): Promise<CopyRepairReport> {
  const repaired: string[] = [];
  const failed: Array<{ stream: string; error: unknown }> = [];
  let checked = 0;
  let next = 0;
  let unavailable: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    for (;;) {
      if (unavailable !== undefined || options.signal.aborted) return;
      const stream = streams[next];
      if (stream === undefined) return;
      next += 1;
      try {
        if (await levelUp(stream)) repaired.push(stream);
        checked += 1;
      } catch (error) {
        if (isTransient(error)) {
          unavailable = { error };
          return;
        }
        failed.push({ stream, error });
        checked += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  const report = { checked, repaired, failed };
  if (unavailable !== undefined) return { ...report, stopped: { reason: 'unavailable', error: unavailable.error } };
  if (checked < streams.length) return { ...report, stopped: { reason: 'closed' } };
  return report;
}
