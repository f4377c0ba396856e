import { StoredEvent, SubscribeOptions } from '../event-store.port';
import { AppendNotifier } from './append-notifier';

export interface CatchUpSource {
  /** Events strictly after `after`, in position order, at most `limit`. */
  readAfter(after: number, limit: number): Promise<StoredEvent[]>;
  readonly notifier: AppendNotifier;
  /** How long to wait for a local notification before reading again; undefined waits for one. */
  readonly pollIntervalMs?: number;
  readonly batchSize: number;
}

/**
 * Catch-up then live, shared by the adapters: read batches from the last yielded position until
 * the log is drained, then wait for a notification (or the poll interval) and read again. Resuming
 * from the last yielded position is what rules out gaps and duplicates. Aborting the signal or
 * closing the store ends the iteration without an error.
 */
export async function* catchUpSubscription(source: CatchUpSource, options: SubscribeOptions = {}): AsyncGenerator<StoredEvent, void, undefined> {
  const { signal, readEveryMs = 0 } = options;
  let position = options.after ?? 0;
  const stopped = (): boolean => signal?.aborted === true || source.notifier.isClosed;

  while (!stopped()) {
    const generation = source.notifier.current;
    // A monotonic clock: a wall clock set back would stretch the pause by as much.
    const readAt = performance.now();
    const batch = await source.readAfter(position, source.batchSize);
    for (const event of batch) {
      if (stopped()) return;
      yield event;
      position = event.position;
    }
    if (batch.length < source.batchSize) {
      await source.notifier.wait(generation, { signal, timeoutMs: source.pollIntervalMs });
      if (stopped()) return;
      await pause(readAt + readEveryMs - performance.now(), signal);
    }
  }
}

/**
 * The wait before reading appends that woke the subscription, so that those made meanwhile are
 * read with them; an abort cuts it short, and a store closed during it is noticed when it ends.
 */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
