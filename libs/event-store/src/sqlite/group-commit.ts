export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

interface Submitted<I, T> {
  readonly item: I;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit. Items submitted in one turn of the event loop (while it was busy, e.g. with the
 * previous commit's fsync) are handed to `runTogether` at the next turn, all at once, so that they
 * share one transaction and one fsync instead of paying one each. Each item gets its own outcome:
 * one refused item does not refuse the others. If `runTogether` itself throws (the transaction
 * could not begin or commit), every item of the group is refused with that error. No item is
 * answered before `runTogether` has returned, so nothing is acknowledged before it is durable.
 */
export class GroupCommit<I, T> {
  private queued: Submitted<I, T>[] = [];
  private scheduled = false;

  constructor(private readonly runTogether: (items: readonly I[]) => readonly Outcome<T>[]) {}

  submit(item: I): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs whatever is queued now (also called before the store closes, so nothing queued is dropped). */
  flush(): void {
    this.scheduled = false;
    const group = this.queued;
    this.queued = [];
    if (group.length === 0) return;
    let outcomes: readonly Outcome<T>[];
    try {
      outcomes = this.runTogether(group.map((submitted) => submitted.item));
    } catch (error) {
      for (const submitted of group) submitted.reject(error);
      return;
    }
    group.forEach((submitted, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) submitted.reject(new Error('group commit returned no outcome for an item'));
      else if (outcome.ok) submitted.resolve(outcome.value);
      else submitted.reject(outcome.error);
    });
  }
}
