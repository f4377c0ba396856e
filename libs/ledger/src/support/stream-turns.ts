/**
 * Turns per stream within this process: work for one stream runs one at a time, in arrival order;
 * work for different streams never waits on each other. A key with no work left is forgotten.
 */
export class StreamTurns {
  private readonly tails = new Map<string, Promise<void>>();

  /** Whether work for `stream` is running or waiting. */
  isBusy(stream: string): boolean {
    return this.tails.has(stream);
  }

  run<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(stream);
    // A stream no work holds starts at once, not a turn of the microtask queue later: most commands find their stream free.
    const result = previous === undefined ? startNow(work) : previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(stream, tail);
    void tail.then(() => {
      if (this.tails.get(stream) === tail) this.tails.delete(stream);
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
