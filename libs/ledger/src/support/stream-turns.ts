/**
 * How long one work may hold its stream before the next is let in anyway. A command takes
 * milliseconds (under a second for the first read of a long stream); one whose store call hangs
 * (a half-open database connection) would otherwise hold back every later command for its stream.
 * Letting the next one in is safe: the appends' expected revisions still refuse a decision made on
 * a state the late one changed.
 */
export const DEFAULT_TURN_HOLD_LIMIT_MS = 5_000;

/**
 * Turns per stream within this process: work for one stream runs one at a time, in arrival order;
 * work for different streams never waits on each other. A key with no work left is forgotten.
 *
 * A work that fails with an error `failsTheQueue` accepts (the store unavailable) fails every
 * work queued behind it at that moment with the same error, without running them: each would
 * otherwise wait out the store's own timeout in turn, the k-th answered after k timeouts. They
 * have recorded nothing, so their callers may send them again.
 */
export class StreamTurns {
  private readonly tails = new Map<string, Promise<void>>();
  /** Per stream, the error that failed the queue, and the last work (by arrival number) it fails. */
  private readonly failedQueues = new Map<string, { readonly error: unknown; readonly upTo: number }>();
  private arrivals = 0;

  constructor(
    private readonly holdLimitMs = DEFAULT_TURN_HOLD_LIMIT_MS,
    private readonly failsTheQueue: (error: unknown) => boolean = () => false,
  ) {}

  /** Whether work for `stream` is running or waiting. */
  isBusy(stream: string): boolean {
    return this.tails.has(stream);
  }

  run<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(stream);
    let release = (): void => undefined;
    const tail = new Promise<void>((resolve) => (release = resolve));
    // Set before the work starts, so that work started at once which asks for the same stream queues.
    this.tails.set(stream, tail);
    void tail.then(() => {
      if (this.tails.get(stream) !== tail) return;
      this.tails.delete(stream);
      this.failedQueues.delete(stream);
    });
    const arrival = ++this.arrivals;
    let holdLimit: NodeJS.Timeout | undefined;
    // Whether this work ran and still holds the turn: only then may its failure speak for the work
    // queued behind it (after the hold limit let the next one in, later work may have found the store well).
    let holdsTheTurn = false;
    // The hold is timed from the work's start: the time it waits for its turn is not held.
    const start = (): Promise<T> => {
      const failed = this.failedQueues.get(stream);
      if (failed !== undefined && arrival <= failed.upTo) return Promise.reject(failed.error);
      holdsTheTurn = true;
      holdLimit = setTimeout(() => {
        holdsTheTurn = false;
        release();
      }, this.holdLimitMs);
      holdLimit.unref();
      return startNow(work);
    };
    // A free stream's work starts at once, not a turn of the microtask queue later: most commands find their stream free.
    const result = previous === undefined ? start() : previous.then(start);
    const settled = (): void => {
      clearTimeout(holdLimit);
      release();
    };
    result.then(settled, (error: unknown) => {
      if (holdsTheTurn && this.failsTheQueue(error)) this.failedQueues.set(stream, { error, upTo: this.arrivals });
      settled();
    });
    return result;
  }
}

function startNow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error);
  }
}
