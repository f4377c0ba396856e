import { Worker } from 'node:worker_threads';

/** How long the holder waits for `holdFromNow` before it starts its clock anyway: no test hangs on it. */
const MAX_WAIT_FOR_START_MS = 60_000;

/**
 * Another connection's write transaction on the file, held in a worker thread: the test's own
 * thread must stay free, since a store waiting for the lock blocks it (SQLite's busy handler
 * sleeps synchronously), and a holder on the same thread could then never let go. The lock is held
 * until the test calls `holdFromNow`, then `ms` more, so a write the test starts right after that
 * call finds it held however late the test learnt that it was taken.
 */
const HOLDER = `
  const { parentPort, workerData } = require('node:worker_threads');
  const Database = require(workerData.modulePath);
  const db = new Database(workerData.filePath);
  db.exec('BEGIN IMMEDIATE');
  parentPort.postMessage('locked');
  Atomics.wait(new Int32Array(workerData.start), 0, 0, workerData.maxWaitMs);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
  parentPort.postMessage(Date.now());
  db.exec('COMMIT');
  db.close();
`;

export interface HeldLock {
  /** Starts the clock: the lock is let go `ms` from now. */
  holdFromNow(): void;
  /**
   * Resolves once the holder has committed and closed its connection, with the clock's time just
   * before it let go: a write that waited for the lock ends after it.
   */
  readonly released: Promise<number>;
}

/** Resolves once the lock is taken. */
export async function holdWriteLock(filePath: string, ms: number): Promise<HeldLock> {
  const start = new SharedArrayBuffer(4);
  const workerData = { modulePath: require.resolve('better-sqlite3'), filePath, ms, start, maxWaitMs: MAX_WAIT_FOR_START_MS };
  const worker = new Worker(HOLDER, { eval: true, workerData });
  const exited = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the lock holder exited with ${code}`))));
  });
  let letGoAt: (time: number) => void = () => undefined;
  const letGo = new Promise<number>((resolve) => (letGoAt = resolve));
  const locked = new Promise<void>((resolve) => {
    worker.once('message', () => {
      worker.once('message', (time: number) => letGoAt(time));
      resolve();
    });
  });
  const released = exited.then(() => letGo);
  // Awaited by the tests that get this far; a failure before that is the rejection below.
  released.catch(() => undefined);
  const endedFirst = exited.then(() => {
    throw new Error('the lock holder ended before taking the lock');
  });
  await Promise.race([locked, endedFirst]);
  const holdFromNow = (): void => {
    const flag = new Int32Array(start);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  return { holdFromNow, released };
}
