import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LeafCheck, LeafChecker, LeafCheckResult, SignedRoot } from './leaf-checker';
import { LeafCheckerCommand, LeafCheckerReply, pageMessage } from './leaf-checker-messages';

const THREAD_ENTRY = join(__dirname, 'leaf-checker-thread.js');

/**
 * The audit's hashing (two SHA-256 per event: the leaf and, on average, one interior node) on a
 * worker thread, so that reading the log and hashing it use two cores. Pages are answered in the
 * order they were sent.
 */
export class ThreadLeafCheck implements LeafCheck {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (offsets: number[]) => void; reject: (error: Error) => void }>();
  private finishing: { resolve: (result: LeafCheckResult) => void; reject: (error: Error) => void } | undefined;
  private failed: Error | undefined;
  private closing = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: LeafCheckerReply) => this.receive(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the hashing thread exited with code ${code}`)));
  }

  /** On a thread where the compiled entry exists (a built CLI), else in this thread. */
  static open(signed: readonly SignedRoot[]): LeafCheck {
    return existsSync(THREAD_ENTRY) ? new ThreadLeafCheck(new Worker(THREAD_ENTRY, { workerData: signed })) : new LeafChecker(signed);
  }

  check(entries: readonly string[], stored: readonly (Uint8Array | undefined)[]): Promise<number[]> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send(pageMessage(id, entries, stored));
    });
  }

  finish(): Promise<LeafCheckResult> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<LeafCheckResult>((resolve, reject) => {
      this.finishing = { resolve, reject };
      this.send({ kind: 'finish' });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private send(command: LeafCheckerCommand): void {
    this.worker.postMessage(command);
  }

  private receive(reply: LeafCheckerReply): void {
    if (reply.kind === 'checked') {
      this.waiting.get(reply.id)?.resolve(reply.mismatched);
      this.waiting.delete(reply.id);
    } else if (reply.kind === 'finished') {
      this.finishing?.resolve(reply.result);
    } else {
      this.fail(new Error(`the hashing thread failed: ${reply.message}`));
    }
  }

  private fail(error: Error): void {
    if (this.closing) return;
    this.failed ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
    this.finishing?.reject(error);
  }
}
