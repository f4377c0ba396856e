import { StoredEvent } from '../event-store.port';

/**
 * Drives one subscription in the background and records what it yields, so a test can append
 * while subscribed and then wait, with a deadline, for what it expects. Never hangs a test: every
 * wait fails with a message saying what was received.
 */
export class SubscriptionProbe {
  readonly received: StoredEvent[] = [];
  private readonly controller = new AbortController();
  private readonly listeners = new Set<() => void>();
  private readonly consumed: Promise<void>;
  private failure: unknown;
  private ended = false;

  constructor(subscribe: (signal: AbortSignal) => AsyncIterable<StoredEvent>) {
    this.consumed = this.consume(subscribe(this.controller.signal));
  }

  get hasEnded(): boolean {
    return this.ended;
  }

  get positions(): number[] {
    return this.received.map((event) => event.position);
  }

  /** Resolves with everything received once at least `count` events have arrived. */
  waitForCount(count: number, timeoutMs = 3000): Promise<StoredEvent[]> {
    return this.waitUntil(() => this.received.length >= count, timeoutMs, `${count} events`).then(() => [...this.received]);
  }

  /** Resolves when the iteration has ended (the for-await loop returned) without aborting it. */
  waitForEnd(timeoutMs = 1000): Promise<void> {
    return this.waitUntil(() => this.ended, timeoutMs, 'the iteration to end', true);
  }

  /** Aborts the subscription's signal and resolves once its for-await loop has returned. */
  async stop(timeoutMs = 1000): Promise<void> {
    this.controller.abort();
    await this.waitForEnd(timeoutMs);
    await this.consumed;
  }

  private async consume(events: AsyncIterable<StoredEvent>): Promise<void> {
    try {
      for await (const event of events) {
        this.received.push(event);
        this.notify();
      }
    } catch (error) {
      this.failure = error;
    } finally {
      this.ended = true;
      this.notify();
    }
  }

  private waitUntil(done: () => boolean, timeoutMs: number, what: string, endIsExpected = false): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.failure !== undefined) return finish(() => reject(this.failure));
        if (done()) return finish(resolve);
        if (this.ended && !endIsExpected)
          return finish(() => reject(new Error(`subscription ended before ${what}; received positions [${this.positions.join(', ')}]`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received positions [${this.positions.join(', ')}]`))),
        timeoutMs,
      );
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
