import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SkimmedEvent } from '@concord/event-store';
import { EventVetter, ParallelVetting, VettingRefusedError } from './event-vetter';
import { vettingBatch, VettingReply } from './vetting-batch';

const THREAD_ENTRY = join(__dirname, 'event-shape-vetting-thread.js');
/** Fewer events are vetted in the fold itself: starting the thread (0.2–0.3 s, its schemas compiled) costs about what vetting 50,000 does. */
const DEFAULT_MIN_EVENTS = 50_000;

/** How to start the vetting thread: a compiled entry file, or (for tests) code to evaluate. */
export interface VettingThreadEntry {
  readonly entry: string;
  readonly eval?: boolean;
}

/**
 * Vets a fold's events against the ledger's own check (`eventShapeProblem`) on a worker thread:
 * on two cores the fold from position 1 of a log no checkpoint vouches for then takes about the
 * fold's time, not the fold's and the check's together.
 */
export class ThreadVetting implements ParallelVetting {
  constructor(
    readonly minEvents = DEFAULT_MIN_EVENTS,
    private readonly thread: VettingThreadEntry | undefined = existsSync(THREAD_ENTRY) ? { entry: THREAD_ENTRY } : undefined,
  ) {}

  open(): EventVetter | undefined {
    if (this.thread === undefined) return undefined;
    return new ThreadVetter(new Worker(this.thread.entry, { eval: this.thread.eval ?? false }));
  }
}

class ThreadVetter implements EventVetter {
  private nextId = 1;
  private answered = 0;
  private refused: VettingRefusedError | undefined;
  private waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private closing = false;

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: VettingReply) => this.receive(reply));
    worker.on('error', (error) => this.refuse(`the vetting thread failed: ${error.message}`));
    worker.on('exit', (code) => this.refuse(`the vetting thread exited with code ${code}`));
  }

  vet(events: readonly SkimmedEvent[]): void {
    if (this.refused !== undefined || events.length === 0) return;
    const batch = vettingBatch(this.nextId, events);
    if (batch === undefined) return this.refuse('an event has a member of the wrong kind');
    this.nextId += 1;
    this.worker.postMessage(batch);
  }

  vouched(): Promise<void> {
    if (this.refused !== undefined) return Promise.reject(this.refused);
    if (this.answered === this.nextId - 1) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private receive(reply: VettingReply): void {
    if (!reply.vouched) return this.refuse(`the vetting thread would not vouch for an event of batch ${reply.id}`);
    this.answered = reply.id;
    if (this.answered !== this.nextId - 1) return;
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
