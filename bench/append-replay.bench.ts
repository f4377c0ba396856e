import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { EventStore, EventToAppend, PostgresEventStore, SqliteEventStore } from '@concord/event-store';

/**
 * Append and replay figures for the stores that run on one machine: the embedded SQLite file and
 * PostgreSQL. Prints a table; `bench/README.md` keeps the results. Sizes: BENCH_EVENTS (default
 * 5000) single-event appends, then the same number again in batches of 10, then full replays.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const STREAMS = 100;
const PG_URL = process.env.CONCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Figures {
  readonly store: string;
  readonly appendPerSecond: number;
  readonly appendP50Ms: number;
  readonly appendP99Ms: number;
  readonly batchedEventsPerSecond: number;
  readonly replayEventsPerSecond: number;
  readonly readStreamP50Ms: number;
}

function event(index: number): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'ObjectionRaised',
    schemaVersion: 1,
    data: {
      proposalId: `p-${index % STREAMS}`,
      participantId: 'ru',
      grounds: 'an attempt to politicize the KP',
      revision: 1,
      occurredAt: '2022-06-21T00:00:00.000Z',
    },
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: null,
      actor: { id: 'secretariat-bench', role: 'secretariat' },
      recordedAt: new Date().toISOString(),
    },
  };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const round = (value: number): number => Math.round(value * 100) / 100;

function progress(label: string, done: number, total: number): void {
  if (done % Math.max(1, Math.floor(total / 10)) === 0) process.stderr.write(`${label}: ${done}/${total}\n`);
}

async function measure(label: string, store: EventStore): Promise<Figures> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < EVENTS; i += 1) {
    const before = performance.now();
    await store.append(`proposal-p-${i % STREAMS}`, [event(i)], { expectedRevision: 'any' });
    latencies.push(performance.now() - before);
    progress(`${label} append`, i + 1, EVENTS);
  }
  const appendSeconds = (performance.now() - started) / 1000;

  const batchStarted = performance.now();
  for (let i = 0; i < EVENTS; i += 10) {
    const commandId = randomUUID();
    const batch = Array.from({ length: 10 }, (_, k) => {
      const e = event(i + k);
      return { ...e, metadata: { ...e.metadata, commandId } };
    });
    await store.append(`batch-${i % STREAMS}`, batch, { expectedRevision: 'any' });
  }
  const batchSeconds = (performance.now() - batchStarted) / 1000;

  const replayStarted = performance.now();
  let replayed = 0;
  for (let after = 0; ;) {
    const page = await store.readAll({ after, limit: 1000 });
    if (page.length === 0) break;
    replayed += page.length;
    after = page[page.length - 1]?.position ?? after;
  }
  const replaySeconds = (performance.now() - replayStarted) / 1000;

  const streamReads: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const before = performance.now();
    await store.readStream(`proposal-p-${i % STREAMS}`);
    streamReads.push(performance.now() - before);
  }
  latencies.sort((a, b) => a - b);
  streamReads.sort((a, b) => a - b);
  return {
    store: label,
    appendPerSecond: Math.round(EVENTS / appendSeconds),
    appendP50Ms: round(percentile(latencies, 0.5)),
    appendP99Ms: round(percentile(latencies, 0.99)),
    batchedEventsPerSecond: Math.round(EVENTS / batchSeconds),
    replayEventsPerSecond: Math.round(replayed / replaySeconds),
    readStreamP50Ms: round(percentile(streamReads, 0.5)),
  };
}

async function sqlite(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
  const store = await SqliteEventStore.open(join(dir, 'ledger.sqlite'));
  try {
    return await measure('sqlite (file, WAL, synchronous=FULL)', store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<Figures | string> {
  const schema = `concord_bench_${randomUUID().slice(0, 8)}`;
  let store: EventStore;
  try {
    store = await PostgresEventStore.open({ connectionString: PG_URL, schema });
  } catch (error) {
    return `postgres skipped: ${(error as Error).message}`;
  }
  try {
    return await measure('postgres (local, serialised appends)', store);
  } finally {
    await store.close();
    const client = new Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

async function main(): Promise<void> {
  const results = [await sqlite(), await postgres()];
  const columns = ['store', 'append/s', 'append p50 ms', 'append p99 ms', 'batched events/s', 'replay events/s', 'readStream p50 ms'];
  console.log(`\n${EVENTS} single-event appends over ${STREAMS} streams, ${EVENTS} more in batches of 10, then a full replay\n`);
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map(() => '---').join('|')}|`);
  for (const result of results) {
    if (typeof result === 'string') {
      console.log(`| ${result} |`);
      continue;
    }
    const { store, appendPerSecond, appendP50Ms, appendP99Ms, batchedEventsPerSecond, replayEventsPerSecond, readStreamP50Ms } = result;
    console.log(`| ${[store, appendPerSecond, appendP50Ms, appendP99Ms, batchedEventsPerSecond, replayEventsPerSecond, readStreamP50Ms].join(' | ')} |`);
  }
}

void main();
