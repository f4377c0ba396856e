/**
 * The recorded times this process has stamped on commands not yet settled (stored, refused or
 * failed). A command is stamped before it is decided and stored, so for a moment an event stamped
 * at or before T may still be on its way into the log after T: an answer "as of T" given then would
 * leave it out, and the same question asked later would not. `settled(T)` waits until no command
 * stamped at or before T is still on its way; a command stamped after the question was asked
 * carries a later time, so the answer then is final.
 */
export class PendingStamps {
  private readonly pending = new Map<number, number>();
  private waiters: { readonly until: number; readonly resolve: () => void }[] = [];
  private nextToken = 0;

  /** Notes a command stamped `recordedAt`; call what it returns once the command has settled. */
  begin(recordedAt: Date): () => void {
    const token = this.nextToken;
    this.nextToken += 1;
    this.pending.set(token, recordedAt.getTime());
    return () => {
      if (this.pending.delete(token)) this.wake();
    };
  }

  /**
   * Resolves once no command stamped at or before `until` (epoch milliseconds) is still on its way,
   * or after `atMostMs` (a command held up that long, by a store that does not answer, say, should
   * not hold every such question up with it).
   */
  settled(until: number, atMostMs = 5_000): Promise<void> {
    if (!this.anyBy(until)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((each) => each !== waiter);
        resolve();
      }, atMostMs);
      timer.unref?.();
      const waiter = {
        until,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  private anyBy(until: number): boolean {
    for (const stamp of this.pending.values()) if (stamp <= until) return true;
    return false;
  }

  private wake(): void {
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (this.anyBy(waiter.until)) still.push(waiter);
      else waiter.resolve();
    }
    this.waiters = still;
  }
}
