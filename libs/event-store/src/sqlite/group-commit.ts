export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

interface Submitted<I, T> {
  readonly item: I;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /**
   * Hand each group over as soon as it forms, without waiting for the one before to be answered.
   * For a runner that queues the groups it is handed and runs them in order, combining those that
   * queued up while it was busy (the SQLite writer thread): the next group then waits only for the
   * runner, not also for this thread to take in the answer to the one before.
   */
  readonly pipelined?: boolean;
}

/**
 * Group commit. Items submitted while the previous group is being committed, or in one turn of the
 * event loop, are handed to `runTogether` together, so that they share one transaction and one
 * fsync instead of paying one each. One group runs at a time (unless `pipelined`); what arrives
 * meanwhile forms the next. Each item gets its own outcome: one refused item does not refuse the
 * others. If `runTogether` itself fails (the transaction could not begin or commit), every item of
 * the group is refused with that error. No item is answered before `runTogether` has finished, so
 * nothing is acknowledged before it is durable.
 */
export class GroupCommit<I, T> {
  private queued: Submitted<I, T>[] = [];
  private scheduled = false;
  private running: Promise<void> | undefined;
  /** Pipelined groups handed over and not yet answered. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly runTogether: (items: readonly I[]) => readonly Outcome<T>[] | Promise<readonly Outcome<T>[]>,
    private readonly options: GroupCommitOptions = {},
  ) {}

  submit(item: I): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Runs what is queued now, after the group under way (also before the store closes, so nothing queued is dropped). */
  async flush(): Promise<void> {
    while (this.running !== undefined || this.queued.length > 0 || this.inFlight.size > 0) {
      if (this.running !== undefined) await this.running;
      else if (this.queued.length > 0) this.runQueued();
      else await Promise.all(this.inFlight);
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running !== undefined) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.running === undefined) this.runQueued();
    });
  }

  private runQueued(): void {
    const group = this.queued;
    this.queued = [];
    if (group.length === 0) return;
    const settle = (outcomes: readonly Outcome<T>[]): void => {
      group.forEach((submitted, index) => {
        const outcome = outcomes[index];
        if (outcome === undefined) submitted.reject(new Error('group commit returned no outcome for an item'));
        else if (outcome.ok) submitted.resolve(outcome.value);
        else submitted.reject(outcome.error);
      });
    };
    const refuseAll = (error: unknown): void => {
      for (const submitted of group) submitted.reject(error);
    };
    let result: readonly Outcome<T>[] | Promise<readonly Outcome<T>[]>;
    try {
      result = this.runTogether(group.map((submitted) => submitted.item));
    } catch (error) {
      refuseAll(error);
      return;
    }
    if (!(result instanceof Promise)) {
      settle(result);
      return;
    }
    if (this.options.pipelined === true) {
      const answered: Promise<void> = result.then(settle, refuseAll).finally(() => this.inFlight.delete(answered));
      this.inFlight.add(answered);
      return;
    }
    this.running = result.then(settle, refuseAll).finally(() => {
      this.running = undefined;
      if (this.queued.length > 0) this.schedule();
    });
  }
}
