import { EsdbReadRevision, EsdbResolvedEvent, EsdbSubscription } from '../esdb-client.port';
import { FakeEsdbServer } from './fake-esdb-server';
import { toResolvedEvent } from './fake-resolved-events';

/**
 * A catch-up subscription to one stream, as the client's: the events after `fromRevision`
 * (exclusive), then each new one as it is appended, one at a time at the consumer's pace. It ends
 * when unsubscribed or ended by the server (`end()`), and fails when dropped (`drop(error)`): the
 * consumer's next read then raises the error, as the client's readable stream does.
 */
export class FakeSubscription implements EsdbSubscription {
  private next: number;
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private readonly stopListening: () => void;

  constructor(
    private readonly server: FakeEsdbServer,
    private readonly streamName: string,
    fromRevision: EsdbReadRevision,
    private readonly onClosed: (subscription: FakeSubscription) => void,
    failure?: Error,
  ) {
    this.next = fromRevision === 'start' ? 0 : fromRevision === 'end' ? server.lengthOf(streamName) : Number(fromRevision) + 1;
    this.failure = failure;
    this.stopListening = server.onAppend(() => this.wakeUp());
  }

  [Symbol.asyncIterator](): AsyncIterator<EsdbResolvedEvent> {
    return this.events();
  }

  async unsubscribe(): Promise<void> {
    this.end();
  }

  /** The server closed the subscription (no error). */
  end(): void {
    this.ended = true;
    this.close();
  }

  /** The connection dropped: the next read fails with `error`. */
  drop(error: Error): void {
    this.failure = error;
    this.close();
  }

  private async *events(): AsyncGenerator<EsdbResolvedEvent, void, undefined> {
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) return;
      const record = this.server.recordAt(this.streamName, this.next);
      if (record !== undefined) {
        this.next += 1;
        // Links are not resolved: the adapter subscribes without `resolveLinkTos`.
        yield toResolvedEvent(record, false, () => undefined);
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private close(): void {
    this.stopListening();
    this.onClosed(this);
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
