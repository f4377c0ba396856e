import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StoreSelection } from '@concord/event-store';
import { EventVetter, ParallelVetting, VettingRefusedError } from './event-vetter';
import { VetThrough, VettingReply, VettingThreadData } from './vetting-messages';

const THREAD_ENTRY = join(__dirname, 'event-shape-vetting-thread.js');
/**
 * Fewer events are vetted in the fold itself: the thread's start (0.2–0.3 s, its schemas compiled)
 * and its reading the log again cost more than it saves below about this many (measured: slower
 * than vetting in the fold at 100,000 events, faster at 300,000 and 1,000,000).
 */
const DEFAULT_MIN_EVENTS = 200_000;

/** How to start the vetting thread: a compiled entry file, or (for tests) code to evaluate. */
export interface VettingThreadEntry {
  readonly entry: string;
  readonly eval?: boolean;
}

/**
 * Vets a fold of a SQLite file's log against the ledger's own check (`eventShapeProblem`) on a
 * worker thread that reads the log again from a connection of its own: the thread that folds
 * only tells it how far it has read, so on two cores a fold from position 1 of a log no
 * checkpoint vouches for takes about the fold's time, not the fold's and the check's together.
 */
export class ThreadVetting implements ParallelVetting {
  constructor(
    private readonly file: string,
    readonly minEvents = DEFAULT_MIN_EVENTS,
    private readonly thread: VettingThreadEntry | undefined = existsSync(THREAD_ENTRY) ? { entry: THREAD_ENTRY } : undefined,
  ) {}

  /** For the store a ledger is configured with: a SQLite file's log can be read again on a thread; no other store's is. */
  static forStore(store: StoreSelection): ThreadVetting | undefined {
    return store.kind === 'sqlite' ? new ThreadVetting(store.file) : undefined;
  }

  open(after: number): EventVetter | undefined {
    // A database in memory is this connection's alone: no other can read it.
    if (this.thread === undefined || this.file === ':memory:') return undefined;
    const workerData: VettingThreadData = { file: this.file, after };
    return new ThreadVetter(new Worker(this.thread.entry, { eval: this.thread.eval ?? false, workerData }), after);
  }
}

class ThreadVetter implements EventVetter {
  private given: number;
  private vouchedThrough: number;
  private refused: VettingRefusedError | undefined;
  private waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private closing = false;

  constructor(
    private readonly worker: Worker,
    after: number,
  ) {
    this.given = this.vouchedThrough = after;
    worker.on('message', (reply: VettingReply) => (reply.kind === 'vouched' ? this.vouch(reply.position) : this.refuse(reply.reason)));
    worker.on('error', (error) => this.refuse(`the vetting thread failed: ${error.message}`));
    worker.on('exit', (code) => this.refuse(`the vetting thread exited with code ${code}`));
  }

  vetThrough(position: number): void {
    if (this.refused !== undefined || position <= this.given) return;
    this.given = position;
    const message: VetThrough = { kind: 'through', position };
    this.worker.postMessage(message);
  }

  vouched(): Promise<void> {
    if (this.refused !== undefined) return Promise.reject(this.refused);
    if (this.vouchedThrough >= this.given) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private vouch(position: number): void {
    this.vouchedThrough = Math.max(this.vouchedThrough, position);
    if (this.vouchedThrough < this.given) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) waiter.resolve();
  }

  private refuse(reason: string): void {
    if (this.closing || this.refused !== undefined) return;
    this.refused = new VettingRefusedError(reason);
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) waiter.reject(this.refused);
  }
}
