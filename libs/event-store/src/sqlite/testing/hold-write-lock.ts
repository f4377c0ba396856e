import { Worker } from 'node:worker_threads';

/**
 * Another connection's write transaction on the file, held for `ms` in a worker thread: the test's
 * own thread must stay free, since a store waiting for the lock blocks it (SQLite's busy handler
 * sleeps synchronously), and a holder on the same thread could then never let go.
 */
const HOLDER = `
  const { parentPort, workerData } = require('node:worker_threads');
  const Database = require(workerData.modulePath);
  const db = new Database(workerData.filePath);
  db.exec('BEGIN IMMEDIATE');
  parentPort.postMessage('locked');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
  parentPort.postMessage(Date.now());
  db.exec('COMMIT');
  db.close();
`;

export interface HeldLock {
  /**
   * Resolves once the holder has committed and closed its connection, with the clock's time just
   * before it let go: a write that waited for the lock ends after it, however late the test
   * learnt that the lock was taken.
   */
  readonly released: Promise<number>;
}

/** Resolves once the lock is taken. */
export async function holdWriteLock(filePath: string, ms: number): Promise<HeldLock> {
  const worker = new Worker(HOLDER, { eval: true, workerData: { modulePath: require.resolve('better-sqlite3'), filePath, ms } });
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
  const endedFirst = exited.then(() => {
    throw new Error('the lock holder ended before taking the lock');
  });
  await Promise.race([locked, endedFirst]);
  return { released };
}
