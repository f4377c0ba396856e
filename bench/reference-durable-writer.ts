import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The durable hello world's writer thread: every request body the main thread hands over is
 * inserted into one table, and the bodies that arrived together share one transaction and one
 * commit (WAL, synchronous=FULL, as the ledger's store), answered only after that commit. It is
 * the least a server can do to make each acknowledged request durable.
 */
interface Handed {
  readonly id: number;
  readonly text: string;
}

const port = parentPort;
if (!port) throw new Error('reference-durable-writer runs as a worker thread');
const db = new Database(String(workerData));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS requests (position INTEGER PRIMARY KEY, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO requests (body) VALUES (?)');
const insertAll = db.transaction((batch: readonly Handed[]) => {
  for (const handed of batch) insert.run(handed.text);
});

let queued: Handed[] = [];
let scheduled = false;

// Messages that arrive while a transaction runs are delivered together in the next turn; the
// commit waits for that turn to end so that all of them share it.
port.on('message', (message: Handed[]) => {
  queued.push(...message);
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    const batch = queued;
    queued = [];
    insertAll(batch);
    port.postMessage(batch.map((handed) => handed.id));
  });
});
