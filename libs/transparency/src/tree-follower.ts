import { EventStore, StoredEvent, UnreadableEventError } from '@concord/event-store';
import { CheckpointInconsistentError, Checkpointer } from './checkpointer';
import { StoredCheckpoint } from './transparency-store.port';
import { LogTree } from './log-tree';
import { catchUpTree, MAX_LEAVES_PER_WRITE } from './tree-catch-up';

export interface TreeFollowerSettings {
  /** Sign once the tree has grown by this many leaves since the latest checkpoint. */
  readonly checkpointEvery: number;
  /** And at least this often while the tree has grown at all. */
  readonly checkpointIntervalMs: number;
  readonly onError: (error: unknown, what: string) => void;
}

const FIRST_RETRY_MS = 500;
/** How often the stored tree is looked at where appends extend it (a sign request looks at once). */
const WATCH_MS = 200;
const SIGN_NOW_WAIT_MS = 5000;
/** Longer than a SQLite writer waits before storing a last group's nodes on their own. */
const APPENDS_SETTLE_MS = 30;
const LAST_RETRY_MS = 30_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Keeps the tree up with the log: catches up from the tree's size, then follows the store's
 * subscription. Events that arrive while a write is in progress go into the next write, so under
 * load a write carries many leaves and the tree's tables cost the log little.
 */
export class TreeFollower {
  private readonly stopping = new AbortController();
  private pending: StoredEvent[] = [];
  /** The last position the subscription delivered: where a new one resumes. */
  private received = 0;
  private writing: Promise<void> | undefined;
  private signedSize = 0;
  private timer: NodeJS.Timeout | undefined;
  private following: Promise<void> | undefined;
  private readonly caughtUpWaiters: { size: number; resolve: () => void }[] = [];
  private wakeWatch: () => void = () => undefined;
  /** A checkpoint was asked for: the watch catches the tree up at once instead of leaving it to the appends. */
  private catchUpAsked = false;
  /** The event the tree last stopped before, which it must not take in. */
  private unreadable: UnreadableEventError | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly tree: LogTree,
    private readonly checkpointer: Checkpointer,
    private readonly settings: TreeFollowerSettings,
  ) {}

  /** Catches up (signing a first checkpoint if none covers the log), then follows in the background. */
  async start(): Promise<void> {
    await this.checkTreeAgainstLog();
    await this.catchUpAtStart();
    await this.signIfGrown(0);
    this.received = this.tree.size;
    this.timer = setInterval(() => void this.signIfGrown(1), this.settings.checkpointIntervalMs);
    this.timer.unref();
    this.following = this.tree.extendedByAppends ? this.watch() : this.follow();
  }

  /**
   * A tree that ends before an event it must not take in still signs and serves what precedes it;
   * the operator hears why it goes no further, and again at every later look until it is dealt with.
   */
  private async catchUpAtStart(): Promise<void> {
    try {
      await catchUpTree(this.store, this.tree);
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      this.failed(error, 'catching the tree up with the log');
    }
  }

  private failed(error: unknown, what: string): void {
    if (error instanceof UnreadableEventError) this.unreadable = error;
    this.settings.onError(error, what);
  }

  /** The event the tree stops before, while it does: no checkpoint of the log as it is now can be signed. */
  private get stoppedBefore(): UnreadableEventError | undefined {
    return this.unreadable?.position === this.tree.size + 1 ? this.unreadable : undefined;
  }

  /**
   * The stored tree must describe the log it is about to extend: no longer than the log, and its
   * last leaf the hash of the log's event there. A tree kept while the log was rolled back (or
   * replaced) would otherwise be extended with the new events and signed as if it were their
   * history; instead nothing more is signed, and the operator is told why.
   */
  private async checkTreeAgainstLog(): Promise<void> {
    const size = this.tree.size;
    if (size === 0) return;
    const head = await this.store.headPosition();
    const [event] = await this.store.readAll({ after: size - 1, limit: 1 });
    const problem =
      head < size
        ? `the stored tree held ${size} leaves while the log ended at position ${head}: the log was rolled back or replaced; nothing more is signed (concord verify says where)`
        : event === undefined || !(await this.tree.leafMatches(event))
          ? `the stored tree's leaf ${size} was not the hash of the log's event at position ${size}: the log or the tree was changed; nothing more is signed (concord verify says where)`
          : undefined;
    if (problem === undefined) return;
    this.checkpointer.refuse(problem);
    throw new CheckpointInconsistentError(problem);
  }

  /**
   * Signs the log as it is now: once the tree covers the head (events just recorded are a few
   * milliseconds behind), or as far as it got within `waitMs` when the tree cannot keep up.
   */
  async signNow(waitMs = SIGN_NOW_WAIT_MS): Promise<StoredCheckpoint> {
    const head = await this.store.headPosition();
    const stopped = this.stoppedBefore;
    if (stopped !== undefined && head >= stopped.position) throw stopped;
    if (this.tree.size < head && !this.stopping.signal.aborted) {
      let timer: NodeJS.Timeout | undefined;
      this.catchUpAsked = true;
      this.wakeWatch();
      await Promise.race([
        new Promise<void>((resolve) => this.caughtUpWaiters.push({ size: head, resolve })),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
      ]);
      clearTimeout(timer);
    }
    return this.checkpointer.sign();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    clearInterval(this.timer);
    await this.following;
    await this.writing;
    this.caughtUpWaiters.splice(0).forEach((waiter) => waiter.resolve());
  }

  /**
   * Where the log's appends extend the tree themselves, no event needs reading: the stored tree is
   * looked at every WATCH_MS (or at once when a checkpoint is asked for). The appends store each
   * group's nodes with the next, so while they flow the tree trails the log a little and grows
   * from look to look; it is caught up here only when it stopped growing behind the log (appends
   * made without it, another process's too far back) or when a checkpoint is asked for.
   */
  private async watch(): Promise<void> {
    let waitMs = WATCH_MS;
    let sizeAtLastLook = this.tree.size;
    while (!this.stopping.signal.aborted) {
      try {
        await this.tree.refresh();
        const asked = this.catchUpAsked;
        this.catchUpAsked = false;
        // Asked for a checkpoint: the appends get a moment to store the group they hold first.
        if (asked && this.tree.size < (await this.store.headPosition())) await sleep(APPENDS_SETTLE_MS, this.stopping.signal);
        if (asked || this.tree.size === sizeAtLastLook) await catchUpTree(this.store, this.tree);
        sizeAtLastLook = this.tree.size;
        // The appends' tree is trusted only while it still describes the log (read in that order,
        // as appends commit both together): a tree longer than the log, or whose last leaf is not
        // the log's event, is refused before anything more is signed.
        await this.checkTreeAgainstLog();
        this.releaseWaiters();
        await this.signIfGrown(this.settings.checkpointEvery);
        waitMs = WATCH_MS;
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        this.failed(error, 'taking in the tree the appends extended');
        // The store away: look again, slower each time, as the follower resubscribes.
        waitMs = Math.min(Math.max(waitMs * 2, FIRST_RETRY_MS), LAST_RETRY_MS);
      }
      await new Promise<void>((resolve) => {
        this.wakeWatch = resolve;
        void sleep(waitMs, this.stopping.signal).then(resolve);
      });
    }
  }

  /** Follows the log; a subscription that fails (the store away) is opened again after what was received, slower each time. */
  private async follow(): Promise<void> {
    let retryMs = FIRST_RETRY_MS;
    while (!this.stopping.signal.aborted) {
      try {
        for await (const event of this.store.subscribe({ after: this.received, signal: this.stopping.signal })) {
          // Stopped before an event it must not take in: what follows cannot be taken in either, and is not held.
          if (this.stoppedBefore !== undefined) return;
          retryMs = FIRST_RETRY_MS;
          this.received = event.position;
          this.pending.push(event);
          this.writing ??= this.writePending();
        }
        return;
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        this.settings.onError(error, 'following the log');
        await sleep(retryMs, this.stopping.signal);
        retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
      }
    }
  }

  /** Writes what has arrived; a failed write (the store unreachable) is tried again, slower each time. */
  private async writePending(): Promise<void> {
    let retryMs = FIRST_RETRY_MS;
    try {
      while (this.pending.length > 0 && !this.stopping.signal.aborted) {
        const batch = this.pending.slice(0, MAX_LEAVES_PER_WRITE);
        try {
          // Leaves the appends (SQLite) or another instance stored already are taken, not recomputed.
          await this.tree.refresh();
          await this.tree.extend(batch.filter((event) => event.position > this.tree.size));
        } catch (error) {
          this.failed(error, 'extending the tree');
          if (this.stoppedBefore !== undefined) {
            this.pending = [];
            return;
          }
          await sleep(retryMs, this.stopping.signal);
          retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
          continue;
        }
        this.pending.splice(0, batch.length);
        retryMs = FIRST_RETRY_MS;
        this.releaseWaiters();
        await this.signIfGrown(this.settings.checkpointEvery);
      }
    } finally {
      this.writing = undefined;
    }
  }

  private async signIfGrown(byAtLeast: number): Promise<void> {
    if (this.tree.size - this.signedSize < byAtLeast) return;
    try {
      this.signedSize = (await this.checkpointer.sign()).treeSize;
    } catch (error) {
      // Not again before the tree grows: a log that no longer extends its checkpoint stays so.
      this.signedSize = this.tree.size;
      this.settings.onError(error, 'signing a checkpoint');
    }
  }

  private releaseWaiters(): void {
    for (let index = this.caughtUpWaiters.length - 1; index >= 0; index -= 1) {
      const waiter = this.caughtUpWaiters[index] as { size: number; resolve: () => void };
      if (this.tree.size >= waiter.size) {
        this.caughtUpWaiters.splice(index, 1);
        waiter.resolve();
      }
    }
  }
}
