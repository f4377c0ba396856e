import { StoreUnavailableError } from '../event-store.errors';
import { isTransient } from './esdb-errors';

export interface ConnectRetryOptions {
  /**
   * How long to keep trying to reach the server when the store opens, from the first attempt.
   * Default 60 000 ms; 0 fails at once. A server that is starting (Compose starts the API beside
   * it) or a cluster still electing its leader answers "unavailable" for a while.
   */
  readonly forMs?: number;
  /** The wait before the second attempt; doubles with each attempt. Default 250 ms. */
  readonly initialDelayMs?: number;
  /** The longest wait between attempts. Default 5000 ms. */
  readonly maxDelayMs?: number;
  /**
   * Called before each wait, with the attempt that failed (1 for the first), its error and the
   * wait: the store logs nothing itself, so that the caller can, in its own logger's terms.
   */
  readonly onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

export const DEFAULT_CONNECT_RETRY = { forMs: 60_000, initialDelayMs: 250, maxDelayMs: 5000 } as const;

/** The clock and the wait, replaceable in tests. */
export interface RetryTiming {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

const REAL_TIMING: RetryTiming = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * Runs `attempt` until it succeeds, retrying while its error is transient (`isTransient`) and the
 * time budget lasts, with exponential backoff; the last wait is cut to what is left of the budget.
 * A non-transient error fails at once, unchanged. When the budget is spent the call fails with
 * `StoreUnavailableError`, whose cause is the client's error of the last attempt.
 */
export async function withConnectRetry<T>(attempt: () => Promise<T>, options: ConnectRetryOptions = {}, timing: RetryTiming = REAL_TIMING): Promise<T> {
  const forMs = nonNegative('connectRetry.forMs', options.forMs ?? DEFAULT_CONNECT_RETRY.forMs);
  const initialDelayMs = nonNegative('connectRetry.initialDelayMs', options.initialDelayMs ?? DEFAULT_CONNECT_RETRY.initialDelayMs);
  const maxDelayMs = nonNegative('connectRetry.maxDelayMs', options.maxDelayMs ?? DEFAULT_CONNECT_RETRY.maxDelayMs);
  const started = timing.now();
  for (let attempts = 1; ; attempts += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || forMs === 0) throw error;
      const left = started + forMs - timing.now();
      if (left <= 0) throw budgetSpent(error, attempts, forMs);
      const delayMs = Math.min(initialDelayMs * 2 ** (attempts - 1), maxDelayMs, left);
      options.onRetry?.(attempts, error, delayMs);
      await timing.sleep(delayMs);
    }
  }
}

function budgetSpent(error: unknown, attempts: number, forMs: number): StoreUnavailableError {
  // The client's error, not the adapter's wrapper of it, is what says why (e.g. gRPC code 14).
  const cause = error instanceof StoreUnavailableError && error.cause !== undefined ? error.cause : error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`EventStoreDB could not be reached in ${forMs} ms (${attempts} attempts): ${reason}`, { cause });
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new TypeError(`${name} must be a finite number >= 0, got ${String(value)}`);
  return value;
}
