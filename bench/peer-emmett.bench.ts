import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventToAppend, SqliteEventStore } from '@concord/event-store';
import { round, setting } from './bench-ledger';
import { fsyncRate } from './fsync-rate';
import { RawSqliteEvents } from './raw-sqlite-events';

/**
 * The ledger's SQLite store beside a peer: Emmett's SQLite event store (@event-driven-io/emmett-sqlite
 * 0.38.5, installed apart in bench/peer by `npm run bench:peer`). Same work on both, interleaved,
 * each on a fresh file: BENCH_PEER_STREAMS streams (default 2000) × 10 appends of one event, one
 * append at a time, each with the expected version of its stream; then every stream read back once.
 * Same durability: both run SQLite in WAL mode with synchronous=FULL (Emmett's connection reports
 * it; the ledger sets it), so every acknowledged append is on disk.
 *
 * How Emmett is used: its own exported functions on one long-lived connection, which are what its
 * `getSQLiteEventStore` calls: `sqliteConnection({ fileName })`, `createEventStoreSchema` once, then
 * `appendToStream(connection, stream, type, [event], { expectedStreamVersion })` from
 * `STREAM_DOES_NOT_EXIST` on, with the `nextExpectedStreamVersion` it returned, and
 * `readStream(connection, stream)`. `getSQLiteEventStore` itself opens and closes a connection per
 * call, and here failed within the first round with SQLITE_BUSY ("cannot commit transaction - SQL
 * statements in progress") even with calls made one at a time.
 *
 * The ledger's store runs twice: with its writer thread (as the API runs it) and with its
 * in-process writer (as the CLI runs it, appending one command after another).
 *
 * A third reference, in the same rounds, is a minimal store on the same driver, disk and layout
 * (`RawSqliteEvents`: one checked INSERT per durable transaction, one indexed SELECT and a JSON
 * parse per read): how far 10× Emmett lies from what SQLite itself allows here.
 *
 * A second column runs the same appends from BENCH_PEER_WRITERS writers at once (default 50; each
 * writer owns every 50th stream and appends to its streams in order): what a server with many
 * clients asks of its store. The ledger's store commits the appends handed over together in one
 * transaction (group commit). Emmett's appends still go one at a time through its connection:
 * its `withTransaction` counts nested calls, so appends made at once would run in the first one's
 * transaction and each be answered when its own work ends, before that transaction's COMMIT, and a
 * failing one would roll back others already answered. That column is the work made
 * concurrently, not one of its goal rows; it shows what group commit adds, not a faster append.
 */
const STREAMS = setting('BENCH_PEER_STREAMS', 2000);
const WRITERS = setting('BENCH_PEER_WRITERS', 50);
const APPENDS_PER_STREAM = 10;
const ROUNDS = setting('BENCH_ROUNDS', 3);
const PEER_DIR = resolve(__dirname, '../../bench/peer');

interface EmmettStore {
  appendToStream(
    stream: string,
    events: { type: string; data: Record<string, unknown> }[],
    options: { expectedStreamVersion: unknown },
  ): Promise<{ nextExpectedStreamVersion: bigint }>;
  readStream(stream: string): Promise<{ events: unknown[] }>;
  close(): void;
}

/** The functions of @event-driven-io/emmett-sqlite the benchmark calls (its own typings live in bench/peer). */
interface EmmettSqlite {
  sqliteConnection(options: { fileName: string }): { close(): void };
  createEventStoreSchema(connection: unknown): Promise<void>;
  appendToStream(
    connection: unknown,
    stream: string,
    streamType: string,
    events: unknown[],
    options: { expectedStreamVersion: unknown },
  ): Promise<{ success: boolean; nextStreamPosition?: bigint }>;
  readStream(connection: unknown, stream: string): Promise<{ events: unknown[] }>;
}

interface Figures {
  readonly appendsPerSecond: number;
  readonly readsPerSecond: number;
  /** The same appends made by WRITERS writers at once, on a file of their own. */
  readonly concurrentAppendsPerSecond: number;
}

/** Append `i` of each stream, in stream order: one writer at a time, or WRITERS at once, each owning every WRITERS-th stream. */
async function appendAll(writers: number, append: (stream: number, round: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let round = 0; round < APPENDS_PER_STREAM; round += 1) {
        for (let index = writer; index < STREAMS; index += writers) await append(index, round);
      }
    }),
  );
  return (STREAMS * APPENDS_PER_STREAM) / ((performance.now() - started) / 1000);
}

function loadEmmett(): (fileName: string) => Promise<EmmettStore> {
  const peerRequire = createRequire(join(PEER_DIR, 'package.json'));
  const sqlite = peerRequire('@event-driven-io/emmett-sqlite') as EmmettSqlite;
  return async (fileName) => {
    const connection = sqlite.sqliteConnection({ fileName });
    await sqlite.createEventStoreSchema(connection);
    // One append at a time on the connection: appends made at once would share one transaction
    // and be answered before its COMMIT (below), which is not durable.
    let previous: Promise<unknown> = Promise.resolve();
    return {
      appendToStream: (stream, events, options) => {
        const append = previous.then(async () => {
          const result = await sqlite.appendToStream(connection, stream, 'proposal', events, options);
          if (!result.success || result.nextStreamPosition === undefined) throw new Error(`Emmett refused an append to ${stream}`);
          return { nextExpectedStreamVersion: result.nextStreamPosition };
        });
        previous = append.catch(() => undefined);
        return append;
      },
      readStream: (stream) => sqlite.readStream(connection, stream),
      close: () => connection.close(),
    };
  };
}

async function emmettRun(open: (fileName: string) => Promise<EmmettStore>, directory: string): Promise<Figures> {
  const store = await open(join(directory, 'emmett.db'));
  const concurrent = await open(join(directory, 'emmett-concurrent.db'));
  try {
    const sequential = await emmettWork(store, 1);
    const atOnce = await emmettWork(concurrent, WRITERS);
    return { ...sequential, concurrentAppendsPerSecond: atOnce.appendsPerSecond };
  } finally {
    store.close();
    concurrent.close();
  }
}

async function emmettWork(store: EmmettStore, writers: number): Promise<Omit<Figures, 'concurrentAppendsPerSecond'>> {
  const versions = new Map<string, unknown>();
  const appendsPerSecond = await appendAll(writers, async (index, round) => {
    const stream = `proposal-${index}`;
    const result = await store.appendToStream(stream, [{ type: 'SupportExpressed', data: { proposalId: stream, participantId: `p${round}`, revision: 1 } }], {
      expectedStreamVersion: versions.get(stream) ?? 'STREAM_DOES_NOT_EXIST',
    });
    versions.set(stream, result.nextExpectedStreamVersion);
  });
  const readsStarted = performance.now();
  for (let index = 0; index < STREAMS; index += 1) {
    const read = await store.readStream(`proposal-${index}`);
    if (read.events.length !== APPENDS_PER_STREAM) throw new Error(`Emmett read ${read.events.length} events of proposal-${index}`);
  }
  const readSeconds = (performance.now() - readsStarted) / 1000;
  return { appendsPerSecond, readsPerSecond: STREAMS / readSeconds };
}

async function rawRun(directory: string): Promise<Figures> {
  const store = new RawSqliteEvents(join(directory, 'raw.sqlite'));
  try {
    const appendsPerSecond = await appendAll(1, async (index, round) => {
      const stream = `proposal-${index}`;
      store.append(stream, round - 1, ledgerEvent(stream, round));
    });
    const readsStarted = performance.now();
    for (let index = 0; index < STREAMS; index += 1) {
      const events = store.read(`proposal-${index}`);
      if (events.length !== APPENDS_PER_STREAM) throw new Error(`raw SQLite read ${events.length} events of proposal-${index}`);
    }
    const readSeconds = (performance.now() - readsStarted) / 1000;
    // Its appends are synchronous: made "at once" they would still go one by one.
    return { appendsPerSecond, readsPerSecond: STREAMS / readSeconds, concurrentAppendsPerSecond: Number.NaN };
  } finally {
    store.close();
  }
}

function ledgerEvent(stream: string, round: number): EventToAppend {
  const id = randomUUID();
  return {
    eventId: id,
    type: 'SupportExpressed',
    schemaVersion: 1,
    data: { proposalId: stream, participantId: `p${round}`, revision: 1 },
    metadata: { commandId: id, correlationId: id, causationId: null, actor: { id: 'bench', role: 'secretariat' }, recordedAt: new Date().toISOString() },
  };
}

/** Where the ledger's store writes: on a writer thread as the API runs it, or in-process as the CLI does. */
type LedgerWriter = 'thread' | 'in-process';
const LEDGER_WRITERS: readonly LedgerWriter[] = ['thread', 'in-process'];

async function ledgerRun(writer: LedgerWriter, directory: string): Promise<Figures> {
  const sequential = await ledgerWork(join(directory, 'ledger.sqlite'), writer, 1);
  const atOnce = await ledgerWork(join(directory, 'ledger-concurrent.sqlite'), writer, WRITERS);
  return { ...sequential, concurrentAppendsPerSecond: atOnce.appendsPerSecond };
}

async function ledgerWork(file: string, writer: LedgerWriter, writers: number): Promise<Omit<Figures, 'concurrentAppendsPerSecond'>> {
  const store = await SqliteEventStore.open(file, { writer });
  try {
    const appendsPerSecond = await appendAll(writers, async (index, round) => {
      const stream = `proposal-${index}`;
      await store.append(stream, [ledgerEvent(stream, round)], { expectedRevision: round === 0 ? 'no-stream' : round - 1 });
    });
    const readsStarted = performance.now();
    for (let index = 0; index < STREAMS; index += 1) {
      const events = await store.readStream(`proposal-${index}`);
      if (events.length !== APPENDS_PER_STREAM) throw new Error(`the ledger read ${events.length} events of proposal-${index}`);
    }
    const readSeconds = (performance.now() - readsStarted) / 1000;
    return { appendsPerSecond, readsPerSecond: STREAMS / readSeconds };
  } finally {
    await store.close();
  }
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  if (!existsSync(join(PEER_DIR, 'node_modules', '@event-driven-io', 'emmett-sqlite'))) {
    console.log(`Emmett peer SKIPPED: it is not installed in ${PEER_DIR} (run \`npm run bench:peer\`, which installs it first).`);
    process.exitCode = 1;
    return;
  }
  const open = loadEmmett();
  const emmett: Figures[] = [];
  const raw: Figures[] = [];
  const ledger = new Map<LedgerWriter, Figures[]>(LEDGER_WRITERS.map((writer) => [writer, []]));
  const fsyncs: number[] = [];
  for (let pass = 0; pass < ROUNDS; pass += 1) {
    process.stderr.write(`round ${pass + 1}/${ROUNDS}\n`);
    const probe = mkdtempSync(join(tmpdir(), 'concord-bench-fsync-'));
    fsyncs.push(fsyncRate(probe));
    rmSync(probe, { recursive: true, force: true });
    const runs: [(directory: string) => Promise<Figures>, Figures[]][] = [
      [(directory) => emmettRun(open, directory), emmett],
      [rawRun, raw],
      ...LEDGER_WRITERS.map((writer): [(directory: string) => Promise<Figures>, Figures[]] => [
        (directory) => ledgerRun(writer, directory),
        ledger.get(writer) ?? [],
      ]),
    ];
    for (const [run, into] of runs) {
      const directory = mkdtempSync(join(tmpdir(), 'concord-bench-peer-'));
      try {
        into.push(await run(directory));
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    }
  }
  const row = (figures: Figures[]) => ({
    appends: median(figures.map((f) => f.appendsPerSecond)),
    reads: median(figures.map((f) => f.readsPerSecond)),
    concurrent: median(figures.map((f) => f.concurrentAppendsPerSecond)),
  });
  const peer = row(emmett);
  console.log(`\n${STREAMS} streams × ${APPENDS_PER_STREAM} appends with expected version, then one read of each; medians of ${ROUNDS} interleaved rounds\n`);
  console.log(`| store | appends/s | stream reads/s | appends/s, ${WRITERS} writers at once |`);
  console.log('|---|---:|---:|---:|');
  console.log(`| Emmett SQLite 0.38.5 (sqlite3 5.1.7) | ${Math.round(peer.appends)} | ${Math.round(peer.reads)} | ${Math.round(peer.concurrent)} |`);
  const bound = row(raw);
  console.log(
    `| raw SQLite, a minimal store (better-sqlite3 12, same durability; see raw-sqlite-events.ts) | ${Math.round(bound.appends)} | ${Math.round(bound.reads)} | — |`,
  );
  console.log(`| its ratio | ${round(bound.appends / peer.appends, 1)}× | ${round(bound.reads / peer.reads, 1)}× | — |`);
  // Just short of the goal, two decimals rounded down: one, rounded, would print 9.95 as 10. (The
  // tolerance keeps 9.95 * 100, which is 994.999…, from flooring to 9.94.)
  const shown = (ratio: number): number => (ratio >= 9.5 && ratio < 10 ? Math.min(9.99, Math.floor(ratio * 100 + 1e-6) / 100) : round(ratio, 1));
  const verdict = (ratio: number): string => `**${shown(ratio)}×** ${ratio >= 10 ? 'met' : 'NOT met'}`;
  let bestSequential = 0;
  let bestReads = 0;
  for (const [writer, figures] of ledger) {
    const ours = row(figures);
    bestSequential = Math.max(bestSequential, ours.appends);
    bestReads = Math.max(bestReads, ours.reads);
    const label = writer === 'thread' ? 'writer thread, as the API runs it' : 'in-process writer, as the CLI runs it';
    console.log(
      `| ledger SQLite store (better-sqlite3 12), ${label} | ${Math.round(ours.appends)} | ${Math.round(ours.reads)} | ${Math.round(ours.concurrent)} |`,
    );
    console.log(
      `| its ratio (goal ≥ 10) | ${verdict(ours.appends / peer.appends)} | ${verdict(ours.reads / peer.reads)} | ${round(ours.concurrent / peer.concurrent, 1)}× (no goal) |`,
    );
  }
  // One append at a time, each durable before the next: no store can append faster than the disk makes a write durable.
  const floor = median(fsyncs);
  console.log(
    `\nThe disk: ${Math.round(floor)} fsync/s in the same run (one 4 KiB page rewritten and synced each time). Appends made one after another, each durable before the next, cannot go faster: the ledger reaches ${Math.round((100 * bestSequential) / floor)}% of it, and the most any store could reach against Emmett here is ${round(floor / peer.appends, 1)}×.`,
  );
  console.log(
    `A minimal store on raw SQLite in the same run, the same driver, disk and layout: ${round(bound.appends / peer.appends, 1)}× Emmett's appends and ${round(bound.reads / peer.reads, 1)}× its reads; the ledger reaches ${Math.round((100 * bestSequential) / bound.appends)}% and ${Math.round((100 * bestReads) / bound.reads)}% of it.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
