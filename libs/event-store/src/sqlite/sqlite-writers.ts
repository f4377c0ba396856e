import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../event-store.errors';
import { AppendResult } from '../event-store.port';
import { Outcome } from './group-commit';
import { AppendRequest, SqliteAppender } from './sqlite-appender';
import { fromErrorRecord } from './thread-errors';
import { WireOutcome, WriterCommand, WriterData, WriterReply } from './writer-messages';

/** Runs groups of appends: on the store's own connection, or on a writer thread's. */
export interface SqliteWriter {
  appendTogether(requests: readonly AppendRequest[]): Outcome<AppendResult>[] | Promise<Outcome<AppendResult>[]>;
  close(): Promise<void>;
}

/** Appends on the caller's thread and connection: the event loop waits for each group's fsync. */
export class InProcessWriter implements SqliteWriter {
  constructor(private readonly appender: SqliteAppender) {}

  appendTogether(requests: readonly AppendRequest[]): Outcome<AppendResult>[] {
    return this.appender.appendTogether(requests);
  }

  async close(): Promise<void> {
    this.appender.close();
  }
}

/** How to start the writer thread: a compiled entry file, or (for tests) code to evaluate. */
export interface WriterThreadEntry {
  readonly entry: string;
  readonly eval?: boolean;
}

/**
 * Appends on a writer thread with its own connection, so the event loop goes on while a group
 * commits. The thread keeps the process alive only while appends are under way. If it stops, every
 * append waiting on it, and every later one, fails with `StoreUnavailableError`.
 */
export class ThreadWriter implements SqliteWriter {
  private readonly waiting = new Map<number, { resolve: (outcomes: Outcome<AppendResult>[]) => void; reject: (error: unknown) => void }>();
  private nextId = 1;
  private stopped: StoreUnavailableError | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    private readonly filePath: string,
  ) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (reply: WriterReply) => this.receive(reply));
    worker.on('error', (error) => this.stop(`failed: ${error.message}`));
    worker.on('exit', (code) => this.stop(`exited with code ${code}`));
    worker.unref();
  }

  static async start(thread: WriterThreadEntry, data: WriterData): Promise<ThreadWriter> {
    const worker = new Worker(thread.entry, { workerData: data, eval: thread.eval ?? false });
    let onMessage: (reply: WriterReply) => void = () => undefined;
    let onError: (error: Error) => void = () => undefined;
    let onExit: (code: number) => void = () => undefined;
    const opened = await new Promise<WriterReply>((resolve) => {
      onMessage = resolve;
      onError = (error) => resolve({ kind: 'open-failed', error: { name: error.name, message: error.message } });
      onExit = (code) =>
        resolve({ kind: 'open-failed', error: { name: 'Error', message: `the writer thread exited with code ${code} before opening the file` } });
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    // Only these listeners: removing all of a worker's listeners would also stop its message port.
    worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    if (opened.kind !== 'ready') {
      await worker.terminate();
      const reason = opened.kind === 'open-failed' ? opened.error.message : `unexpected ${opened.kind}`;
      throw new StoreUnavailableError(`cannot open SQLite event store at ${data.filePath}: ${reason}`);
    }
    return new ThreadWriter(worker, data.filePath);
  }

  appendTogether(requests: readonly AppendRequest[]): Promise<Outcome<AppendResult>[]> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) this.worker.ref();
      this.send({ kind: 'append', id, requests });
    });
  }

  async close(): Promise<void> {
    if (!this.stopped) this.send({ kind: 'close' });
    this.worker.ref();
    await this.exited;
  }

  private send(command: WriterCommand): void {
    this.worker.postMessage(command);
  }

  private receive(reply: WriterReply): void {
    if (reply.kind !== 'appended' && reply.kind !== 'failed') return;
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (reply.kind === 'failed') waiter.reject(fromErrorRecord(reply.error));
    else waiter.resolve(reply.outcomes.map(fromWire));
  }

  private stop(how: string): void {
    this.stopped ??= new StoreUnavailableError(`the writer thread of the SQLite event store at ${this.filePath} ${how}`);
    for (const waiter of this.waiting.values()) waiter.reject(this.stopped);
    this.waiting.clear();
  }
}

function fromWire(outcome: WireOutcome): Outcome<AppendResult> {
  return outcome.ok ? outcome : { ok: false, error: fromErrorRecord(outcome.error) };
}
