/**
 * Wakes live subscriptions of one store instance when it commits an append, and ends them when the
 * store closes. A subscriber takes `generation` before reading and waits "since" it, so an append
 * committed between its read and its wait is never missed.
 */
export class AppendNotifier {
  private generation = 0;
  private closed = false;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.generation;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  notify(): void {
    this.generation += 1;
    this.wakeAll();
  }

  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  /**
   * Resolves once an append happened since `sinceGeneration`, the store closed, the signal aborted,
   * or `timeoutMs` passed (the poll interval of adapters that also see other processes' writes).
   */
  wait(sinceGeneration: number, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<void> {
    const { signal, timeoutMs } = options;
    if (this.generation !== sinceGeneration || this.closed || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = (): void => {
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        if (timer !== undefined) clearTimeout(timer);
        resolve();
      };
      this.waiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
      if (timeoutMs !== undefined) timer = setTimeout(wake, timeoutMs);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
