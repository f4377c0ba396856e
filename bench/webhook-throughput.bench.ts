import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { signWebhook } from '@concord/integration/webhooks/webhook-signature';
import { appendPaced, BENCH_KEYS, cpuSeconds, LedgerProcess, postJson, round, setting, startLedger } from './bench-ledger';

/**
 * Webhook delivery throughput: how many events a second one webhook receives when the ledger
 * delivers a backlog, strictly in order and one at a time (the next POST only after a 2xx for the
 * previous one, and the checkpoint saved after each 2xx). The E events are appended first and the
 * webhook is then registered with `after: 0`, so the figure is delivery alone, not appends competing
 * with it. The receiver is a plain node:http server on 127.0.0.1 answering 204 at once.
 *
 * The physical limits of that design, measured in the same run, interleaved with the ledger:
 *  - a plain Node loop POSTing the same-size body with the same headers to the same receiver, one
 *    in flight at a time, on Node's global keep-alive agent as the ledger's delivery does
 *    (libs/integration/src/webhooks/webhook-post.ts passes no agent);
 *  - a single-row UPDATE in its own transaction on a SQLite file in WAL with synchronous=FULL on
 *    the same disk: one fsync each, as the ledger's checkpoint after every 2xx;
 *  - both in sequence per event: the floor of "POST, wait for 2xx, save the checkpoint".
 *
 * Settings: BENCH_WEBHOOK_EVENTS (2000), BENCH_WEBHOOK_ROUNDS (2), BENCH_WEBHOOK_WRITERS (8),
 * BENCH_SERVER_NODE_ARGS extra node flags for the ledger process.
 */
const EVENTS = setting('BENCH_WEBHOOK_EVENTS', 2000);
const ROUNDS = setting('BENCH_WEBHOOK_ROUNDS', 2);
const WRITERS = setting('BENCH_WEBHOOK_WRITERS', 8);
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
const BODY_SIZE = 100;
const DELIVERY_TIMEOUT_MS = 300_000;
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const USER_AGENT = 'ConcordLedger-Webhooks/1';

/** Counts what reaches one path, checks the ledger's order by the body's position, and answers 204. */
class Receiver {
  count = 0;
  outOfOrder = 0;
  firstAt = 0;
  lastAt = 0;
  private lastPosition = 0;
  private checkOrder = false;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<Receiver> {
    // Requests arrive only once it listens, after `receiver` is set.
    const server = createServer((incoming, answer) => receiver.handle(incoming, answer));
    const receiver = new Receiver(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  reset(checkOrder: boolean): void {
    Object.assign(this, { count: 0, outOfOrder: 0, firstAt: 0, lastAt: 0, lastPosition: 0, checkOrder });
  }

  async until(count: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.count < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    return this.count >= count;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(incoming: IncomingMessage, answer: ServerResponse): void {
    let body = '';
    incoming.setEncoding('utf8');
    incoming.on('data', (chunk: string) => (body += chunk));
    incoming.on('end', () => {
      const now = performance.now();
      this.count += 1;
      if (this.firstAt === 0) this.firstAt = now;
      this.lastAt = now;
      if (this.checkOrder) this.notePosition(body);
      answer.writeHead(204).end();
    });
  }

  private notePosition(body: string): void {
    const position = (JSON.parse(body) as { position?: unknown }).position;
    if (typeof position !== 'number' || position !== this.lastPosition + 1) this.outOfOrder += 1;
    if (typeof position === 'number') this.lastPosition = position;
  }
}

/** The checkpoint row of the references: the columns the ledger's `saveState` writes. */
function openCheckpointFile(dir: string): Database.Database {
  const db = new Database(join(dir, 'checkpoint.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE webhooks (webhook_id TEXT PRIMARY KEY, status TEXT NOT NULL, delivered_through INTEGER NOT NULL,
           consecutive_failures INTEGER NOT NULL, last_error TEXT, last_attempt_at TEXT, next_attempt_at TEXT,
           last_delivered_at TEXT, version INTEGER NOT NULL) STRICT`);
  db.prepare(`INSERT INTO webhooks VALUES ('w', 'active', 0, 0, NULL, NULL, NULL, NULL, 1)`).run();
  return db;
}

/** One checkpoint: an UPDATE in its own transaction, so one WAL fsync, as after each 2xx. */
function checkpointer(db: Database.Database): (position: number) => void {
  const update = db.prepare(
    `UPDATE webhooks SET status = 'active', delivered_through = ?, consecutive_failures = 0, last_error = NULL,
       last_attempt_at = ?, next_attempt_at = NULL, last_delivered_at = ?, version = version + 1 WHERE webhook_id = 'w'`,
  );
  return (position) => {
    const now = new Date().toISOString();
    update.run(position, now, now);
  };
}

/** Reference: fsync'd single-row UPDATEs back to back, on the disk the ledger's data is on. */
function fsyncRate(count: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-fsync-'));
  const db = openCheckpointFile(dir);
  try {
    const save = checkpointer(db);
    const started = performance.now();
    for (let i = 1; i <= count; i += 1) save(i);
    return count / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface LoopOrder {
  readonly url: string;
  readonly body: string;
  readonly count: number;
  readonly checkpoint: boolean;
}

/** One POST as the ledger sends it: signed, same headers, global agent, answer read to the end. */
function post(url: string, body: string, position: number): Promise<number> {
  const headers = {
    ...signWebhook(SECRET, `bench-${position}`, Math.floor(Date.now() / 1000), body),
    'content-type': 'application/cloudevents+json',
    'user-agent': USER_AGENT,
    'content-length': Buffer.byteLength(body),
  };
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers, timeout: 10_000 });
    outgoing.on('error', reject);
    outgoing.on('response', (answer) => {
      answer.resume();
      answer.on('end', () => resolve(answer.statusCode ?? 0));
    });
    outgoing.end(body);
  });
}

/** The child's loop: strictly sequential POSTs (and checkpoints), then the elapsed time to the parent. */
async function postLoop(order: LoopOrder): Promise<void> {
  const dir = order.checkpoint ? mkdtempSync(join(tmpdir(), 'concord-bench-loop-')) : undefined;
  const db = dir === undefined ? undefined : openCheckpointFile(dir);
  const save = db === undefined ? undefined : checkpointer(db);
  const started = performance.now();
  for (let position = 1; position <= order.count; position += 1) {
    const status = await post(order.url, order.body, position);
    if (status < 200 || status > 299) throw new Error(`the receiver answered ${status}`);
    save?.(position);
  }
  process.send?.({ elapsedMs: performance.now() - started });
  db?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}

/** Runs the POST loop in a process of its own, as the ledger's delivery is, and returns its rate. */
async function loopRate(order: LoopOrder): Promise<number> {
  const child: ChildProcess = fork(__filename, ['post-loop'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const elapsedMs = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { elapsedMs: number }) => resolve(message.elapsedMs));
    child.once('exit', (code) => reject(new Error(`the POST loop exited with ${code ?? 'a signal'} before reporting`)));
    child.send(order);
  });
  child.disconnect();
  return order.count / (elapsedMs / 1000);
}

/** A delivered body of this ledger: the last event as the feed serialises it, which is how the dispatcher sends it. */
async function sampleBody(ledger: LedgerProcess, head: number): Promise<string> {
  const answer = await fetch(`${ledger.baseUrl}/v1/events?after=${head - 1}&limit=1`, { headers: { authorization: `Bearer ${BENCH_KEYS.integrator}` } });
  const page = (await answer.json()) as { events: unknown[] };
  return JSON.stringify(page.events[0]);
}

interface LedgerDelivery {
  readonly rate: number;
  readonly delivered: number;
  readonly outOfOrder: number;
  readonly firstDeliveryMs: number;
  readonly cpuPercent: number;
}

/** Registers the webhook from position 0 and times the receiver getting all `head` events. */
async function ledgerRate(ledger: LedgerProcess, receiver: Receiver, head: number): Promise<LedgerDelivery> {
  receiver.reset(true);
  const agent = new Agent({ keepAlive: false });
  const cpuBefore = cpuSeconds(ledger.pid);
  const started = performance.now();
  const answer = await postJson(agent, `${ledger.baseUrl}/v1/webhooks`, BENCH_KEYS.integrator, { url: `${receiver.url}/ledger`, after: 0 });
  if (answer.status !== 201) throw new Error(`registering the webhook answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  await receiver.until(head, DELIVERY_TIMEOUT_MS);
  const seconds = (receiver.lastAt - started) / 1000;
  return {
    rate: receiver.count / seconds,
    delivered: receiver.count,
    outOfOrder: receiver.outOfOrder,
    firstDeliveryMs: receiver.firstAt - started,
    cpuPercent: (100 * (cpuSeconds(ledger.pid) - cpuBefore)) / seconds,
  };
}

interface RoundFigures {
  readonly postLoop: number;
  readonly fsync: number;
  readonly both: number;
  readonly ledger: LedgerDelivery;
  readonly bodyBytes: number;
}

/** One round: a fresh ledger with E events, then the references and the ledger's delivery. */
async function measureRound(receiver: Receiver, pass: number): Promise<RoundFigures> {
  const ledger = await startLedger({ CONCORD_WEBHOOK_ALLOW_PRIVATE: 'true' }, SERVER_NODE_ARGS);
  try {
    const loaded = await appendPaced(ledger.baseUrl, { total: EVENTS, rate: Infinity, writers: WRITERS, prefix: 'w', bodySize: BODY_SIZE });
    if (loaded.failed > 0) throw new Error(`${loaded.failed} appends failed: ${loaded.firstFailure ?? ''}`);
    const body = await sampleBody(ledger, loaded.lastPosition);
    process.stderr.write(`round ${pass}: ${loaded.lastPosition} events loaded; references, then the ledger's delivery\n`);
    receiver.reset(false);
    const postLoop = await loopRate({ url: `${receiver.url}/loop`, body, count: EVENTS, checkpoint: false });
    const fsync = fsyncRate(EVENTS);
    const both = await loopRate({ url: `${receiver.url}/loop`, body, count: EVENTS, checkpoint: true });
    const delivered = await ledgerRate(ledger, receiver, loaded.lastPosition);
    return { postLoop, fsync, both, ledger: delivered, bodyBytes: Buffer.byteLength(body) };
  } finally {
    await ledger.stop();
  }
}

function report(rounds: readonly RoundFigures[]): void {
  const columns = [
    'round',
    'POST loop /s',
    "fsync'd UPDATE /s",
    'POST + UPDATE /s',
    'ledger delivered /s',
    'ledger CPU',
    'in order, all',
    'ledger / min(POST, UPDATE)',
    'ledger / (POST + UPDATE)',
  ];
  console.log(`\nWebhook delivery of ${EVENTS} events to one receiver on 127.0.0.1 (204 at once), body ${rounds[0]?.bodyBytes ?? 0} bytes, SQLite store`);
  console.log(
    "references in the same run: sequential POSTs from a Node process (global keep-alive agent), fsync'd single-row UPDATEs (WAL, synchronous=FULL), both per event\n",
  );
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map(() => '---').join('|')}|`);
  rounds.forEach((figures, index) => {
    const floor = Math.min(figures.postLoop, figures.fsync);
    const ordered = figures.ledger.delivered >= EVENTS && figures.ledger.outOfOrder === 0;
    console.log(
      `| ${[
        index + 1,
        round(figures.postLoop, 0),
        round(figures.fsync, 0),
        round(figures.both, 0),
        round(figures.ledger.rate, 0),
        `${round(figures.ledger.cpuPercent, 0)}%`,
        ordered ? 'yes' : `NO (${figures.ledger.delivered} delivered, ${figures.ledger.outOfOrder} out of order)`,
        round(figures.ledger.rate / floor, 2),
        round(figures.ledger.rate / figures.both, 2),
      ].join(' | ')} |`,
    );
  });
  const best = (pick: (f: RoundFigures) => number): number => Math.max(...rounds.map(pick));
  const binding = best((f) => f.postLoop) < best((f) => f.fsync) ? 'the sequential POST round trip' : 'the fsync of the checkpoint';
  const share = best((f) => f.ledger.rate) / best((f) => f.both);
  console.log(
    `\nbest of the rounds: the lower of the two limits is ${binding}; the ledger reaches ${round(100 * share, 0)}% of the combined floor (POST + fsync'd checkpoint per event)`,
  );
}

async function main(): Promise<void> {
  const receiver = await Receiver.start();
  try {
    const rounds: RoundFigures[] = [];
    for (let pass = 1; pass <= ROUNDS; pass += 1) rounds.push(await measureRound(receiver, pass));
    report(rounds);
  } finally {
    await receiver.stop();
  }
}

if (process.argv[2] === 'post-loop') {
  process.once('message', (order: LoopOrder) => {
    postLoop(order).catch((error: unknown) => {
      process.stderr.write(`POST loop failed: ${String(error)}\n`);
      process.exit(1);
    });
  });
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`webhook benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
