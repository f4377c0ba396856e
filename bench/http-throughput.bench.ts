import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_KEYS, cpuSeconds, freePort, LedgerProcess, ownCpuSeconds, round, setting, sleep, startLedger, writerCommand } from './bench-ledger';
import { closedLoop, LoadFigures, LoadRequest } from './closed-loop-load';
import { fsyncRate } from './fsync-rate';

/**
 * The ledger's HTTP path against the framework it runs on, in one run, interleaved: the NestJS +
 * Fastify + ValidationPipe hello world (`reference-hello-world.ts`) and the ledger on its embedded
 * SQLite store, each measured right after the other, every round. Rows:
 * - POST that records one event, 10 and 50 connections, each connection on bodies of its own;
 * - GET of a proposal and of a body, 50 connections, against the hello-world GET;
 * - 20 connections recording statements at ONE meeting (one stream), against 20 on many streams,
 *   with the throughput of each tenth of the run, to show whether it holds as the stream grows.
 * The disk's fsync rate is measured in the same run: with every acknowledged write durable, it
 * bounds what one stream can do (one commit per write there) and is shown beside the figures.
 * The POST rows also run the durable hello world (the same program writing each body to SQLite
 * with synchronous=FULL, bodies received together sharing a commit, answering after it): the most
 * any server on this framework and disk can do when it acknowledges only durable writes. And they
 * print the CPU the goal leaves the ledger on these cores beside the load generator (`printCpuBudget`).
 */

const ROUNDS = setting('BENCH_ROUNDS', 3);
const SECONDS = setting('BENCH_SECONDS', 8);
const ONE_STREAM_SECONDS = setting('BENCH_ONE_STREAM_SECONDS', 60);
const AUTH = { authorization: `Bearer ${BENCH_KEYS.secretariat}` };

interface Server {
  readonly pid: number;
  readonly baseUrl: string;
  stop(): Promise<void>;
}

interface Measured extends LoadFigures {
  /** The server's CPU, all its threads. */
  readonly cpuMsPerRequest: number;
  /** The server's main thread alone: the one running JavaScript, which cannot use more than one core. */
  readonly mainThreadCpuMsPerRequest: number;
  /** This process's, which sends the load on the same cores. */
  readonly loadCpuMsPerRequest: number;
}

/** The hello world; with a SQLite file, the durable hello world writing to it. */
async function startReference(durableFile?: string): Promise<Server> {
  const port = await freePort();
  const args = [join(__dirname, 'reference-hello-world.js'), String(port), ...(durableFile === undefined ? [] : [durableFile])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/hello`)).ok) break;
    } catch {
      await sleep(50);
    }
  }
  return {
    pid: child.pid ?? 0,
    baseUrl,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function measure(server: Server, connections: number, seconds: number, next: (connection: number, sequence: number) => LoadRequest): Promise<Measured> {
  const cpuBefore = cpuSeconds(server.pid);
  const mainThreadBefore = cpuSeconds(server.pid, true);
  const loadBefore = ownCpuSeconds();
  const figures = await closedLoop(server.baseUrl, { connections, durationMs: seconds * 1000, headers: AUTH }, next);
  const msPerRequest = (seconds: number): number => (seconds * 1000) / Math.max(1, figures.requests);
  const cpuMsPerRequest = msPerRequest(cpuSeconds(server.pid) - cpuBefore);
  const mainThreadCpuMsPerRequest = msPerRequest(cpuSeconds(server.pid, true) - mainThreadBefore);
  const loadCpuMsPerRequest = msPerRequest(ownCpuSeconds() - loadBefore);
  if (figures.failures > 0) process.stderr.write(`${figures.failures} failed answers, first: ${figures.firstFailure ?? ''}\n`);
  return { ...figures, cpuMsPerRequest, mainThreadCpuMsPerRequest, loadCpuMsPerRequest };
}

const helloPost = (connection: number, sequence: number): LoadRequest => ({
  method: 'POST',
  path: '/hello',
  body: { participantId: `p${connection}-${sequence}`, name: 'Participant', kind: 'state', occurredAt: '2003-01-01' },
});

const ledgerPost =
  (tag: string) =>
  (connection: number, sequence: number): LoadRequest => {
    const command = writerCommand(`${tag}c${connection}`, sequence, 50);
    return { method: 'POST', path: command.path, body: command.body };
  };

const statementAt =
  (meetingId: string) =>
  (connection: number, sequence: number): LoadRequest => ({
    method: 'POST',
    path: `/v1/meetings/${meetingId}/statements`,
    body: { speakerId: 'p1', summary: `Statement ${connection}-${sequence}`, occurredAt: '2022-06-21' },
  });

async function post(ledger: LedgerProcess, path: string, body: unknown): Promise<void> {
  const answer = await fetch(`${ledger.baseUrl}${path}`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
}

/** A body with members, a meeting and a tabled proposal to read, and meetings to record statements at. */
async function prepare(ledger: LedgerProcess): Promise<void> {
  await post(ledger, '/v1/bodies', { bodyId: 'kp', name: 'Kimberley Process', definition: 'Conflict diamonds', occurredAt: '2003-01-01' });
  for (let index = 1; index <= 20; index += 1) {
    await post(ledger, '/v1/bodies/kp/participants', { participantId: `p${index}`, name: `Participant ${index}`, kind: 'state', occurredAt: '2003-01-01' });
  }
  for (let index = 0; index < ROUNDS; index += 1) {
    await post(ledger, '/v1/bodies/kp/meetings', {
      meetingId: `is-${index}`,
      kind: 'intersessional',
      location: 'Kasane',
      opensOn: '2022-06-20',
      closesOn: '2022-06-24',
      occurredAt: '2022-06-20',
    });
  }
  await post(ledger, '/v1/bodies/kp/proposals', {
    proposalId: 'def',
    kind: 'definition-amendment',
    meetingId: 'is-0',
    title: 'Widen the definition',
    proposedBy: ['p1'],
    text: 'Rough diamonds used to finance conflict',
    occurredAt: '2022-06-21',
  });
  await post(ledger, '/v1/proposals/def/support', { participantId: 'p2', occurredAt: '2022-06-22' });
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function medianOf(runs: readonly Measured[]): Measured {
  return {
    requests: median(runs.map((run) => run.requests)),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    perSecond: median(runs.map((run) => run.perSecond)),
    p50Ms: median(runs.map((run) => run.p50Ms)),
    p99Ms: median(runs.map((run) => run.p99Ms)),
    cpuMsPerRequest: median(runs.map((run) => run.cpuMsPerRequest)),
    mainThreadCpuMsPerRequest: median(runs.map((run) => run.mainThreadCpuMsPerRequest)),
    loadCpuMsPerRequest: median(runs.map((run) => run.loadCpuMsPerRequest)),
  };
}

const describe = (figures: Measured): string =>
  `${Math.round(figures.perSecond)} req/s, p50 ${round(figures.p50Ms)} ms, p99 ${round(figures.p99Ms)} ms, ${round(figures.cpuMsPerRequest, 2)} ms CPU/req${figures.failures > 0 ? `, ${figures.failures} FAILED` : ''}`;

interface Row {
  readonly reference: Measured[];
  readonly ledger: Measured[];
  /** The durable hello world, on POST rows. */
  readonly durable: Measured[];
  readonly goal: number;
}

async function main(): Promise<void> {
  const probeDir = mkdtempSync(join(tmpdir(), 'concord-bench-fsync-'));
  const started: { stop(): Promise<void> }[] = [];
  const track = <T extends { stop(): Promise<void> }>(server: T): T => (started.push(server), server);
  try {
    const reference = track(await startReference());
    const durableReference = track(await startReference(join(probeDir, 'durable-hello-world.sqlite')));
    const ledger = track(await startLedger({}));
    await prepare(ledger);
    const rows = new Map<string, Row>();
    const record = (name: string, goal: number, referenceRun: Measured, ledgerRun: Measured, durableRun?: Measured): void => {
      const row = rows.get(name) ?? { reference: [], ledger: [], durable: [], goal };
      row.reference.push(referenceRun);
      row.ledger.push(ledgerRun);
      if (durableRun) row.durable.push(durableRun);
      rows.set(name, row);
    };
    const fsyncs: number[] = [];
    for (let pass = 0; pass < ROUNDS; pass += 1) {
      process.stderr.write(`round ${pass + 1}/${ROUNDS}\n`);
      fsyncs.push(fsyncRate(probeDir));
      for (const connections of [10, 50]) {
        const hello = await measure(reference, connections, SECONDS, helloPost);
        const durableHello = await measure(durableReference, connections, SECONDS, helloPost);
        const recorded = await measure(ledger, connections, SECONDS, ledgerPost(`r${pass}n${connections}`));
        record(`POST recording one event, ${connections} connections, many streams`, 0.5, hello, recorded, durableHello);
      }
      const helloGet = (): LoadRequest => ({ method: 'GET', path: '/hello' });
      const helloRead = await measure(reference, 50, SECONDS, helloGet);
      const proposalRead = await measure(ledger, 50, SECONDS, () => ({ method: 'GET', path: '/v1/proposals/def' }));
      record('GET a proposal, 50 connections', 0.5, helloRead, proposalRead);
      const helloRead2 = await measure(reference, 50, SECONDS, helloGet);
      const bodyRead = await measure(ledger, 50, SECONDS, () => ({ method: 'GET', path: '/v1/bodies/kp' }));
      record('GET a body, 50 connections', 0.5, helloRead2, bodyRead);
    }
    printTable(rows, median(fsyncs));
    printCpuBudget(rows);
    await oneStream(ledger);
  } finally {
    for (const server of started.reverse()) await server.stop();
    rmSync(probeDir, { recursive: true, force: true });
  }
}

function printTable(rows: Map<string, Row>, fsyncPerSecond: number): void {
  console.log(`\nHTTP, medians of ${ROUNDS} interleaved rounds of ${SECONDS} s; disk: ${Math.round(fsyncPerSecond)} fsync/s\n`);
  console.log('| what | NestJS + Fastify + ValidationPipe hello world | ledger (SQLite, durable) | ratio | goal |');
  console.log('|---|---|---|---:|---|');
  for (const [name, row] of rows) {
    const reference = medianOf(row.reference);
    const ledger = medianOf(row.ledger);
    const ratio = ledger.perSecond / reference.perSecond;
    const p99 = name.startsWith('POST') ? `, p99 < 25 ms: ${ledger.p99Ms < 25 ? 'met' : 'NOT met'}` : '';
    console.log(
      `| ${name} | ${describe(reference)} | ${describe(ledger)} | **${round(ratio, 2)}** | ≥ ${row.goal}: ${ratio >= row.goal ? 'met' : 'NOT met'}${p99} |`,
    );
  }
  console.log(
    '\nThe most a durable server can do here: the same hello world acknowledging each POST only once its body is committed (SQLite, synchronous=FULL, bodies received together sharing a commit)\n',
  );
  console.log('| what | durable hello world | its ratio to the hello world | ledger / durable hello world |');
  console.log('|---|---|---:|---:|');
  for (const [name, row] of rows) {
    if (row.durable.length === 0) continue;
    const durable = medianOf(row.durable);
    console.log(
      `| ${name} | ${describe(durable)} | ${round(durable.perSecond / medianOf(row.reference).perSecond, 2)} | ${round(medianOf(row.ledger).perSecond / durable.perSecond, 2)} |`,
    );
  }
}

/**
 * The other physical limit of the POST rows: the server and this load generator share the
 * machine's cores, so at the goal's rate every request may cost them together at most
 * cores / rate of CPU, and the server's main thread, which runs all of its JavaScript, at most
 * 1 / rate. An upper bound: it assumes every core busy all the time, which a closed loop never is.
 */
function printCpuBudget(rows: Map<string, Row>): void {
  const cores = availableParallelism();
  const µs = (ms: number): number => Math.round(ms * 1000);
  console.log(`\nThe CPU the POST goal leaves the ledger: ${cores} cores shared with this load generator, measured per request in the same runs\n`);
  console.log(
    '| what | rate at the goal | CPU for the whole request at that rate, per request | the load generator | left for the ledger, all threads / main thread | the ledger uses | verdict |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const [name, row] of rows) {
    if (row.durable.length === 0) continue;
    const ledger = medianOf(row.ledger);
    const target = row.goal * medianOf(row.reference).perSecond;
    const wholeMs = (cores * 1000) / target;
    const leftMs = wholeMs - ledger.loadCpuMsPerRequest;
    const mainLeftMs = 1000 / target;
    const over = Math.max(ledger.cpuMsPerRequest / leftMs, ledger.mainThreadCpuMsPerRequest / mainLeftMs);
    const verdict = over <= 1 ? 'fits' : `${Math.round((1 - 1 / over) * 100)}% less CPU needed`;
    console.log(
      `| ${name} | ${Math.round(target)} req/s | ${µs(wholeMs)} µs | ${µs(ledger.loadCpuMsPerRequest)} µs | ${µs(leftMs)} / ${µs(mainLeftMs)} µs | ${µs(ledger.cpuMsPerRequest)} / ${µs(ledger.mainThreadCpuMsPerRequest)} µs | ${verdict} |`,
    );
  }
}

/** 20 connections on one meeting's stream for a minute, beside 20 on many streams, with the rate of each tenth. */
async function oneStream(ledger: LedgerProcess): Promise<void> {
  const tenth = ONE_STREAM_SECONDS / 10;
  const many: number[] = [];
  const one: number[] = [];
  let manyFigures: Measured | undefined;
  let oneFigures: Measured | undefined;
  for (let slice = 0; slice < 10; slice += 1) {
    manyFigures = await measure(ledger, 20, tenth / 2, ledgerPost(`one-stream-ref-s${slice}`));
    many.push(manyFigures.perSecond);
    oneFigures = await measure(ledger, 20, tenth, statementAt('is-0'));
    one.push(oneFigures.perSecond);
  }
  const meeting = (await (await fetch(`${ledger.baseUrl}/v1/meetings/is-0`, { headers: AUTH })).json()) as { statementCount?: number };
  console.log(`\n20 connections on ONE meeting stream for ${ONE_STREAM_SECONDS} s (in tenths), beside 20 on many streams:`);
  console.log(`- one stream, req/s per tenth: ${one.map((value) => Math.round(value)).join(', ')} (stream now ${meeting.statementCount ?? '?'} statements)`);
  console.log(`- many streams, req/s per tenth: ${many.map((value) => Math.round(value)).join(', ')}`);
  // The machine's own drift shows in both series alike; the ratio per tenth removes it.
  const ratios = one.map((value, slice) => value / (many[slice] ?? Number.NaN));
  const held = median(ratios.slice(7)) / median(ratios.slice(0, 3));
  console.log(`- one / many, per tenth: ${ratios.map((value) => round(value, 2)).join(', ')}`);
  console.log(`- that ratio over the last three tenths / over the first three: ${round(held, 2)} (held: ${held >= 0.8 ? 'yes' : 'NO'})`);
  if (oneFigures) console.log(`- last tenth on one stream: ${describe(oneFigures)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
