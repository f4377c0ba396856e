import { ChildProcess, fork } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  appendPaced,
  AppendOutcome,
  BENCH_KEYS,
  cpuSeconds,
  machineBusySeconds,
  ownCpuSeconds,
  percentile,
  round,
  setting,
  sleep,
  startLedger,
} from './bench-ledger';
import { FromFloor, ToFloor } from './fan-out-floor';
import { FromSubscribers, LatencyHistogram, SubscriberReport, ToSubscribers } from './fan-out-subscribers';

/**
 * SSE fan-out: N subscribers on loopback follow a ledger while writers append at a fixed rate, and
 * each event's delivery latency is taken at every subscriber: the moment it parsed the message
 * minus the event's `recordedat`, both on this machine's clock. Configurations, interleaved round
 * after round, each on a fresh process:
 *  - reference: the ledger writing every event to every socket at once (CONCORD_SSE_FLUSH_MS=0);
 *  - coalesced: the ledger's default, events gathered and written to each socket once per 10 ms;
 *  - floor: a bare Node server (fan-out-floor.ts) making up same-size events at the same rate and
 *    writing one shared Buffer per 10 ms to every socket: the cost of the fan-out alone on one
 *    thread of this machine, the physical limit any single-process design meets;
 *  - alone: the ledger at the same rate with one subscriber: the cost of the command path alone.
 * The machine is shared and noisy: compare within a run, not across runs.
 *
 * Settings (environment): BENCH_FANOUT_SUBSCRIBERS (1000), BENCH_FANOUT_RATE events/s (500),
 * BENCH_FANOUT_SECONDS per run (20), BENCH_FANOUT_ROUNDS (2), BENCH_FANOUT_PROCESSES subscriber
 * processes (2), BENCH_FANOUT_WRITERS concurrent writers at most (32), BENCH_FANOUT_FLUSH_MS the
 * coalesced interval (10), BENCH_FANOUT_CONFIGS which to run (reference,coalesced,floor,alone),
 * BENCH_SERVER_NODE_ARGS extra node flags for the ledger (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p").
 */
const SUBSCRIBERS = setting('BENCH_FANOUT_SUBSCRIBERS', 1000);
const RATE = setting('BENCH_FANOUT_RATE', 500);
const SECONDS = setting('BENCH_FANOUT_SECONDS', 20);
const ROUNDS = setting('BENCH_FANOUT_ROUNDS', 2);
const PROCESSES = setting('BENCH_FANOUT_PROCESSES', 2);
const WRITERS = setting('BENCH_FANOUT_WRITERS', 32);
const FLUSH_MS = setting('BENCH_FANOUT_FLUSH_MS', 10);
const CONFIGS = (process.env.BENCH_FANOUT_CONFIGS ?? 'reference,coalesced,floor,alone').split(',').map((name) => name.trim());
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
const GOAL_P99_MS = 100;
/** Appends before the subscribers connect, so the command path is compiled before it is measured. */
const WARM_UP_EVENTS = 300;
const BODY_SIZE = 100;
/** The ledger's own default for CONCORD_SSE_FLUSH_MS. */
const LEDGER_DEFAULT_FLUSH_MS = 10;
/** How long subscribers may take to receive the last events after the writers stop. */
const DRAIN_TIMEOUT_MS = 60_000;

interface Mode {
  readonly key: string;
  readonly name: string;
  readonly server: 'ledger' | 'floor';
  readonly flushMs: number;
  readonly subscribers: number;
  readonly processes: number;
}

const ALL_MODES: readonly Mode[] = [
  { key: 'reference', name: 'ledger, reference: one write per message', server: 'ledger', flushMs: 0, subscribers: SUBSCRIBERS, processes: PROCESSES },
  {
    key: 'coalesced',
    name: `ledger, coalesced ${FLUSH_MS} ms${FLUSH_MS === LEDGER_DEFAULT_FLUSH_MS ? ' (default)' : ''}`,
    server: 'ledger',
    flushMs: FLUSH_MS,
    subscribers: SUBSCRIBERS,
    processes: PROCESSES,
  },
  { key: 'floor', name: `floor: bare Node fan-out, ${FLUSH_MS} ms`, server: 'floor', flushMs: FLUSH_MS, subscribers: SUBSCRIBERS, processes: PROCESSES },
  { key: 'alone', name: 'ledger, 1 subscriber: commands alone', server: 'ledger', flushMs: FLUSH_MS, subscribers: 1, processes: 1 },
];
const MODES = ALL_MODES.filter((mode) => CONFIGS.includes(mode.key));

/** What subscribers connect to and what produces the events: a ledger and its writers, or the floor. */
interface Source {
  readonly pid: number;
  /** The SSE URL, starting after the last event made before the measurement. */
  readonly streamUrl: string;
  readonly after: number;
  produce(): Promise<AppendOutcome>;
  stop(): Promise<void>;
}

interface RunFigures {
  readonly mode: Mode;
  readonly pass: number;
  readonly produced: AppendOutcome;
  readonly expectedPerSubscriber: number;
  readonly reports: SubscriberReport[];
  readonly latency: LatencyHistogram;
  readonly seconds: number;
  readonly serverCpu: number;
  readonly serverMainThreadCpu: number;
  readonly subscriberCpu: number[];
  readonly writerCpu: number;
  readonly machineCpu: number;
}

/** A child process spoken to over IPC, one request and one answer at a time. */
class Child<Request, Answer> {
  private constructor(private readonly child: ChildProcess) {}

  static fork<Request, Answer>(module: string): Child<Request, Answer> {
    return new Child(fork(join(__dirname, module), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  send(message: Request): void {
    this.child.send(message as object);
  }

  /** The next message from the child, after sending `message` if given. */
  ask(message?: Request): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const exited = (): void => reject(new Error('a child process exited before answering'));
      this.child.once('exit', exited);
      this.child.once('message', (answer: Answer) => {
        this.child.off('exit', exited);
        resolve(answer);
      });
      if (message !== undefined) this.child.send(message as object);
    });
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

type SubscriberHost = Child<ToSubscribers, FromSubscribers>;

async function ledgerSource(mode: Mode): Promise<Source> {
  const ledger = await startLedger({ CONCORD_SSE_FLUSH_MS: String(mode.flushMs) }, SERVER_NODE_ARGS);
  try {
    const warm = await appendPaced(ledger.baseUrl, { total: WARM_UP_EVENTS, rate: Infinity, writers: WRITERS, prefix: 'warm', bodySize: BODY_SIZE });
    if (warm.failed > 0) throw new Error(`warm-up appends failed: ${warm.firstFailure ?? ''}`);
    return {
      pid: ledger.pid,
      streamUrl: `${ledger.baseUrl}/v1/events/stream?after=${warm.lastPosition}`,
      after: warm.lastPosition,
      produce: () => appendPaced(ledger.baseUrl, { total: Math.round(RATE * SECONDS), rate: RATE, writers: WRITERS, prefix: 'w', bodySize: BODY_SIZE }),
      stop: () => ledger.stop(),
    };
  } catch (error) {
    await ledger.stop();
    throw error;
  }
}

async function floorSource(mode: Mode): Promise<Source> {
  const floor = Child.fork<ToFloor, FromFloor>('fan-out-floor.js');
  const listening = await floor.ask();
  if (listening.kind !== 'listening') throw new Error('the floor server did not start');
  return {
    pid: floor.pid,
    streamUrl: `http://127.0.0.1:${listening.port}/stream?after=0`,
    after: 0,
    produce: async () => {
      const total = Math.round(RATE * SECONDS);
      const answer = await floor.ask({ kind: 'produce', rate: RATE, total, flushMs: mode.flushMs });
      const lastPosition = answer.kind === 'produced' ? answer.lastPosition : 0;
      const elapsedMs = answer.kind === 'produced' ? answer.elapsedMs : 0;
      return { acknowledged: lastPosition, failed: total - lastPosition, lastPosition, elapsedMs, latenciesMs: [], firstFailure: undefined };
    },
    stop: async () => floor.stop(),
  };
}

async function openSubscribers(mode: Mode, url: string): Promise<SubscriberHost[]> {
  const hosts = Array.from({ length: mode.processes }, () => Child.fork<ToSubscribers, FromSubscribers>('fan-out-subscribers.js'));
  const answers = await Promise.all(
    hosts.map((host, index) => {
      const count = Math.floor(mode.subscribers / mode.processes) + (index < mode.subscribers % mode.processes ? 1 : 0);
      return host.ask({ kind: 'open', url, key: BENCH_KEYS.integrator, count });
    }),
  );
  const opened = sum(answers.map((answer) => (answer.kind === 'opened' ? answer.opened : 0)));
  if (opened !== mode.subscribers) {
    const failures = answers.flatMap((answer) => (answer.kind === 'opened' ? answer.failed : []));
    for (const host of hosts) host.stop();
    throw new Error(`opened ${opened} of ${mode.subscribers} SSE connections: ${failures.join('; ')}`);
  }
  return hosts;
}

/** One configuration on a fresh process: connect everyone, produce for SECONDS, drain, report. */
async function run(mode: Mode, pass: number): Promise<RunFigures> {
  const source = mode.server === 'ledger' ? await ledgerSource(mode) : await floorSource(mode);
  let hosts: SubscriberHost[] = [];
  try {
    hosts = await openSubscribers(mode, source.streamUrl);
    // Catch-up from the head is empty; give every connection a moment to join the live fan-out.
    await sleep(1000);
    const before = {
      at: performance.now(),
      server: cpuSeconds(source.pid),
      serverMain: cpuSeconds(source.pid, true),
      writer: ownCpuSeconds(),
      machine: machineBusySeconds(),
    };
    for (const host of hosts) host.send({ kind: 'start' });
    process.stderr.write(`round ${pass}, ${mode.name}: ${mode.subscribers} subscribers, ${RATE} events/s for ${SECONDS} s\n`);
    const produced = await source.produce();
    const answers = await Promise.all(hosts.map((host) => host.ask({ kind: 'expect', through: produced.lastPosition, timeoutMs: DRAIN_TIMEOUT_MS })));
    const seconds = (performance.now() - before.at) / 1000;
    const reports = answers.flatMap((answer) => (answer.kind === 'report' ? [answer.report] : []));
    const latency = new LatencyHistogram();
    for (const report of reports) latency.merge(report.latency);
    return {
      mode,
      pass,
      produced,
      expectedPerSubscriber: produced.lastPosition - source.after,
      reports,
      latency,
      seconds,
      serverCpu: cpuSeconds(source.pid) - before.server,
      serverMainThreadCpu: cpuSeconds(source.pid, true) - before.serverMain,
      subscriberCpu: reports.map((report) => report.cpuSeconds),
      writerCpu: ownCpuSeconds() - before.writer,
      machineCpu: machineBusySeconds() - before.machine,
    };
  } finally {
    for (const host of hosts) host.stop();
    await source.stop();
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

const corePercent = (cpu: number, seconds: number): number => (100 * cpu) / seconds;
const percentText = (cpu: number, seconds: number): string => `${Math.round(corePercent(cpu, seconds))}%`;
const rateOf = (produced: AppendOutcome): number => produced.acknowledged / (produced.elapsedMs / 1000);

function delivery(figures: RunFigures): { complete: number; missing: number; duplicates: number; overflowed: number; all: boolean } {
  const { reports } = figures;
  const complete = sum(reports.map((r) => r.complete));
  const missing = sum(reports.map((r) => r.missing));
  const duplicates = sum(reports.map((r) => r.duplicates + r.malformed));
  const overflowed = sum(reports.map((r) => r.overflowed + r.closedEarly));
  return { complete, missing, duplicates, overflowed, all: complete === figures.mode.subscribers && figures.produced.failed === 0 };
}

const COLUMNS = [
  'round',
  'configuration',
  'events/s made',
  'append p50 / p99 ms',
  'latency p50 / p99 / max ms',
  'events per subscriber',
  'complete',
  'missing / dup / cut off',
  'server CPU (main thread)',
  'subscriber CPU (per process), loop delay p99',
  'writer CPU',
  `machine CPU of ${cpus().length * 100}% (≈ others)`,
];

function row(figures: RunFigures): string {
  const { produced, reports, latency, seconds, mode } = figures;
  const got = delivery(figures);
  const received = `${Math.min(...reports.map((r) => r.minReceived))}–${Math.max(...reports.map((r) => r.maxReceived))} of ${figures.expectedPerSubscriber}`;
  const clientLoop = Math.max(...reports.map((r) => r.loopDelayP99Ms));
  const appendLatency =
    produced.latenciesMs.length === 0 ? '–' : `${round(percentile(produced.latenciesMs, 0.5))} / ${round(percentile(produced.latenciesMs, 0.99))}`;
  const others = figures.machineCpu - figures.serverCpu - sum(figures.subscriberCpu) - figures.writerCpu;
  return `| ${[
    figures.pass,
    mode.name,
    round(rateOf(produced), 0) + (produced.failed > 0 ? ` (${produced.failed} failed)` : ''),
    appendLatency,
    `${round(latency.quantileMs(0.5))} / ${round(latency.quantileMs(0.99))} / ${round(latency.maxMs, 0)}`,
    received,
    `${got.complete}/${mode.subscribers}`,
    `${got.missing} / ${got.duplicates} / ${got.overflowed}`,
    `${percentText(figures.serverCpu, seconds)} (${percentText(figures.serverMainThreadCpu, seconds)})`,
    `${percentText(sum(figures.subscriberCpu), seconds)} (${figures.subscriberCpu.map((cpu) => percentText(cpu, seconds)).join(' + ')}), ${round(clientLoop, 0)} ms`,
    percentText(figures.writerCpu, seconds),
    `${percentText(figures.machineCpu, seconds)} (${percentText(Math.max(0, others), seconds)})`,
  ].join(' | ')} |`;
}

interface Combined {
  readonly runs: RunFigures[];
  readonly latency: LatencyHistogram;
  readonly lowestRate: number;
  readonly allDelivered: boolean;
  readonly serverCpuPercent: number;
}

/** A configuration's rounds together: every delivery of every round in one distribution. */
function combined(runs: readonly RunFigures[], key: string): Combined | undefined {
  const mine = runs.filter((figures) => figures.mode.key === key);
  if (mine.length === 0) return undefined;
  const latency = new LatencyHistogram();
  for (const figures of mine) for (const report of figures.reports) latency.merge(report.latency);
  return {
    runs: mine,
    latency,
    lowestRate: Math.min(...mine.map((f) => rateOf(f.produced))),
    allDelivered: mine.every((f) => delivery(f).all),
    serverCpuPercent: Math.max(...mine.map((f) => corePercent(f.serverCpu, f.seconds))),
  };
}

function describeMode(mode: Mode, figures: Combined): string {
  const { latency } = figures;
  return `${mode.name}: p50 ${round(latency.quantileMs(0.5))} ms, p99 ${round(latency.quantileMs(0.99))} ms, max ${round(latency.maxMs, 0)} ms over ${latency.total} deliveries; lowest rate ${round(figures.lowestRate, 0)} events/s; server CPU up to ${round(figures.serverCpuPercent, 0)}% of a core; every subscriber got every event once: ${figures.allDelivered ? 'yes' : 'NO'}`;
}

function summary(runs: readonly RunFigures[]): void {
  const all = new Map(MODES.map((mode) => [mode.key, combined(runs, mode.key)] as const));
  console.log('\nall rounds together:');
  for (const mode of MODES) {
    const figures = all.get(mode.key);
    if (figures !== undefined) console.log(`  ${describeMode(mode, figures)}`);
  }
  const reference = all.get('reference');
  const coalesced = all.get('coalesced');
  const floor = all.get('floor');
  const alone = all.get('alone');
  if (reference !== undefined && coalesced !== undefined) {
    const p99Ratio = coalesced.latency.quantileMs(0.99) / reference.latency.quantileMs(0.99);
    const rateRatio = coalesced.lowestRate / reference.lowestRate;
    console.log(
      `\n  p99 coalesced / p99 reference = ${round(p99Ratio, 2)}, at ${round(rateRatio, 2)} times the reference's event rate (the lowest of each's rounds)`,
    );
  }
  if (floor !== undefined && alone !== undefined) budget(floor, alone);
  if (coalesced !== undefined) goal(coalesced);
}

/**
 * What one JavaScript thread must do at the full rate, round by round (each round's two runs were
 * made under the same conditions): the commands alone plus the bare fan-out, as main-thread CPU.
 * The thread is also blocked, not on CPU, during each commit's fsync, which this does not count.
 */
function budget(floor: Combined, alone: Combined): void {
  const sums = floor.runs.map((run, index) => {
    const commands = alone.runs[index];
    if (commands === undefined) return undefined;
    const parts = [corePercent(commands.serverMainThreadCpu, commands.seconds), corePercent(run.serverMainThreadCpu, run.seconds)] as const;
    return { round: run.pass, commands: parts[0], fanOut: parts[1], total: parts[0] + parts[1] };
  });
  const known = sums.filter((figures) => figures !== undefined);
  const text = known.map((f) => `round ${f.round}: ${round(f.commands, 0)}% + ${round(f.fanOut, 0)}% = ${round(f.total, 0)}%`).join('; ');
  const verdict =
    known.length > 0 && known.every((f) => f.total >= 100) ? ': more than one core in every round, so no single-threaded ledger can keep this rate here' : '';
  console.log(
    `  one JavaScript thread's work at ${RATE} events/s, commands alone + bare fan-out to ${SUBSCRIBERS} (main-thread CPU, % of a core): ${text}${verdict}`,
  );
}

function goal(coalesced: Combined): void {
  const p99 = coalesced.latency.quantileMs(0.99);
  const reasons = [
    ...(p99 < GOAL_P99_MS ? [] : [`p99 is ${round(p99)} ms`]),
    ...(coalesced.lowestRate >= 0.98 * RATE ? [] : [`the ledger took only ${round(coalesced.lowestRate, 0)} appends/s`]),
    ...(coalesced.allDelivered ? [] : ['not every subscriber got every event exactly once']),
  ];
  console.log(
    `\ngoal: p99 < ${GOAL_P99_MS} ms at ${SUBSCRIBERS} subscribers and ${RATE} events/s (coalesced, ${FLUSH_MS} ms): ${reasons.length === 0 ? 'met' : `not met (${reasons.join('; ')})`}`,
  );
}

async function main(): Promise<void> {
  const runs: RunFigures[] = [];
  for (let pass = 1; pass <= ROUNDS; pass += 1) {
    for (const mode of MODES) runs.push(await run(mode, pass));
  }
  console.log(
    `\nSSE fan-out: ${SUBSCRIBERS} subscribers in ${PROCESSES} processes, ${RATE} events/s for ${SECONDS} s per run (ledger: appends by up to ${WRITERS} writers in flight, SQLite store)`,
  );
  console.log(
    'latency = the moment a subscriber parsed the message - the event\'s recordedat; CPU as % of one core over the run (producing + drain); "others": the rest of the machine, roughly (two ways of counting CPU time)\n',
  );
  console.log(`| ${COLUMNS.join(' | ')} |`);
  console.log(`|${COLUMNS.map(() => '---').join('|')}|`);
  for (const figures of runs) console.log(row(figures));
  summary(runs);
}

main().catch((error: unknown) => {
  process.stderr.write(`fan-out benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
