/**
 * Runs tasks one at a time, in the order they were queued. The adapter's decisions (is this command
 * new, is the stream at the expected revision, which position comes next) read and update one
 * in-memory index; running them in turn keeps this instance's appends from racing each other for
 * the log, so the log's optimistic check only has other instances to catch.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.tail;
  }
}
