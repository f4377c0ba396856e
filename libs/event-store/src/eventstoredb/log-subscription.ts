import { StoreUnavailableError } from '../event-store.errors';
import { StoredEvent } from '../event-store.port';
import { toBigInt } from './bigint';
import { EsdbClient, EsdbSubscription } from './esdb-client.port';
import { isTransient, toStoreError } from './esdb-errors';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { decodeLogEvent } from './ledger-record';

export interface ResubscribeOptions {
  /** Wait before the first resubscription after a drop; doubles with each drop in a row. Default 50 ms. */
  readonly initialDelayMs?: number;
  /** The longest wait between resubscriptions. Default 5000 ms. */
  readonly maxDelayMs?: number;
  /**
   * Drops in a row, without an event in between, after which the iteration fails with
   * `StoreUnavailableError` rather than wait on a server that does not come back. Default 30
   * (about two minutes at the default delays).
   */
  readonly maxAttempts?: number;
}

export const DEFAULT_RESUBSCRIBE: Required<ResubscribeOptions> = { initialDelayMs: 50, maxDelayMs: 5000, maxAttempts: 30 };

const STOPPED = Symbol('stopped');

/**
 * Catch-up then live over the log stream, with EventStoreDB's own catch-up subscription: the
 * server sends the history and then pushes new events, at the consumer's pace (the client's
 * readable stream applies backpressure). When the subscription drops (connection lost, leader
 * change, server restart) or ends, it resubscribes from the last event yielded, so the consumer
 * sees every position once, in order. Positions are log revisions + 1, and a subscription's
 * `fromRevision` is exclusive: after position p means from revision p - 1.
 *
 * Ends without an error when `signal` aborts (the caller's signal or the store closing).
 */
export async function* followLog(
  client: EsdbClient,
  logStream: string,
  options: { readonly after: number; readonly signal: AbortSignal; readonly resubscribe: Required<ResubscribeOptions> },
): AsyncGenerator<StoredEvent, void, undefined> {
  const { signal, resubscribe } = options;
  let last = options.after;
  let drops = 0;
  while (!signal.aborted) {
    const subscription = client.subscribeToStream(logStream, { fromRevision: last === 0 ? 'start' : toBigInt(last - 1, 'log revision') });
    let failure: unknown;
    try {
      for await (const event of eventsUntilStopped(subscription, signal)) {
        if (event.position <= last) continue;
        if (event.position !== last + 1) throw new LedgerIntegrityError(`the log subscription skipped from position ${last} to ${event.position}`);
        yield event;
        last = event.position;
        drops = 0;
      }
    } catch (error) {
      if (signal.aborted) return;
      if (!isTransient(error)) throw toStoreError(error, 'following the log');
      failure = error;
    }
    if (signal.aborted) return;
    // Dropped (an error) or ended by the server (no error): either way, resume after `last`.
    drops += 1;
    if (drops > resubscribe.maxAttempts) {
      throw new StoreUnavailableError(`EventStoreDB log subscription dropped ${drops} times in a row after position ${last}`, { cause: failure });
    }
    await sleep(Math.min(resubscribe.initialDelayMs * 2 ** (drops - 1), resubscribe.maxDelayMs), signal);
  }
}

/**
 * The subscription's events, decoded, until it ends, fails, or the signal aborts. Each wait for
 * the next event races the signal, so aborting ends the loop even if the client were slow to end
 * its stream. However it ends (the consumer breaking out included), the subscription is
 * unsubscribed, which cancels the call on the server and settles a read still pending; closing the
 * iterator afterwards only releases the client's stream, so it is not waited for.
 */
async function* eventsUntilStopped(subscription: EsdbSubscription, signal: AbortSignal): AsyncGenerator<StoredEvent, void, undefined> {
  const iterator = subscription[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await raceAbort(iterator.next(), signal);
      if (next === STOPPED || next.done === true) return;
      yield decodeLogEvent(next.value).event;
    }
  } finally {
    await subscription.unsubscribe().catch(() => undefined);
    iterator.return?.().catch(() => undefined);
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof STOPPED> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.resolve(STOPPED);
  }
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      promise.catch(() => undefined);
      resolve(STOPPED);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
