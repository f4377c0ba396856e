import { EventStore } from '@concord/event-store';
import { LedgerView, ToDomainEvent } from './ledger-view';

const BATCH_SIZE = 1000;

/**
 * Keeps a `LedgerView` caught up with the store. Queries call `catchUp()` first, which makes every
 * write acknowledged before the query visible to it (read-your-writes), also for writes made by
 * another process on the same store. Catch-ups run one after another so none applies an event twice.
 */
export class ProjectionRunner {
  private view: LedgerView;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly toDomainEvent: ToDomainEvent,
  ) {
    this.view = new LedgerView(toDomainEvent);
  }

  catchUp(): Promise<LedgerView> {
    const run = this.queue.then(() => this.drain());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Drops the view and folds the whole log again from position 0. */
  async rebuild(): Promise<LedgerView> {
    const run = this.queue.then(() => {
      this.view = new LedgerView(this.toDomainEvent);
      return this.drain();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async drain(): Promise<LedgerView> {
    for (;;) {
      const batch = await this.store.readAll({ after: this.view.position, limit: BATCH_SIZE });
      for (const stored of batch) this.view.apply(stored);
      if (batch.length < BATCH_SIZE) return this.view;
    }
  }
}
