import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * What the HTTP benchmarks share: a built ledger process on a loopback port with its SQLite store
 * in a fresh temporary directory, plain HTTP calls to it, and the CPU time a process has used.
 */

const ROOT = resolve(__dirname, '../..');
export const MAIN_JS = join(ROOT, 'dist/apps/ledger-api/src/main.js');

export const BENCH_KEYS = {
  secretariat: 'secretariat-key-for-bench-0001',
  integrator: 'integrator-key-for-bench-00001',
} as const;

/** Linux reports process CPU time in clock ticks of USER_HZ, which is 100 on every Linux ABI. */
const CLOCK_TICKS_PER_SECOND = 100;
const HEALTHY_WITHIN_MS = 60_000;
const BUILD_WAIT_MS = 180_000;

export interface LedgerProcess {
  readonly pid: number;
  readonly baseUrl: string;
  /** Stops the process (SIGTERM, then SIGKILL after a grace) and removes its data. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** The API is rebuilt now and then by whoever works on it: wait for it rather than fail at once. */
async function waitForBuild(): Promise<void> {
  const deadline = Date.now() + BUILD_WAIT_MS;
  while (!existsSync(MAIN_JS)) {
    if (Date.now() > deadline) throw new Error(`${MAIN_JS} is missing: run \`npm run build\` first`);
    process.stderr.write(`${MAIN_JS} is missing (a build in progress?); waiting\n`);
    await sleep(10_000);
  }
}

/**
 * One load generator sends every request from one address with one key: the limits stay on, so
 * their cost is measured, but high enough never to refuse.
 */
export const UNREACHABLE_REQUEST_LIMITS = {
  CONCORD_RATE_LIMIT_KEY_PER_MINUTE: '10000000',
  CONCORD_RATE_LIMIT_ADDRESS_PER_MINUTE: '10000000',
} as const;

/**
 * Starts `node main.js` with the SQLite store in a new temporary directory, on 127.0.0.1 and a free
 * port, quiet (warn) so that logging costs nothing measurable. `nodeArgs` lets a run be profiled.
 */
export async function startLedger(env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<LedgerProcess> {
  await waitForBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-ledger-'));
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, MAIN_JS], {
    env: {
      PATH: process.env.PATH ?? '',
      CONCORD_DATA_DIR: dataDir,
      CONCORD_API_KEYS: `secretariat=${BENCH_KEYS.secretariat},integrator=${BENCH_KEYS.integrator}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      CONCORD_LOG_LEVEL: 'warn',
      ...UNREACHABLE_REQUEST_LIMITS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await terminate(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(child, baseUrl, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid ?? 0, baseUrl, stop };
}

async function waitUntilHealthy(child: ChildProcess, baseUrl: string, output: string[]): Promise<void> {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the ledger exited:\n${output.join('')}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the ledger did not become healthy within ${HEALTHY_WITHIN_MS} ms:\n${output.join('')}`);
}

/** SIGTERM lets the ledger close its connections and write a CPU profile if asked; a hung one is killed. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
}

/**
 * User + system CPU seconds a process has used so far, from /proc/<pid>/stat (fields 14 and 15);
 * with `mainThreadOnly`, only its main thread's (the one running JavaScript), which is the budget a
 * Node server cannot exceed however many cores there are.
 */
export function cpuSeconds(pid: number, mainThreadOnly = false): number {
  const stat = readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return (user + system) / CLOCK_TICKS_PER_SECOND;
}

/** This process's own user + system CPU seconds. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export interface JsonAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One request over `agent` (keep-alive), with a JSON body if given, answered as status and text. */
export function sendJson(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const outgoing = request(url, {
      method,
      agent,
      headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    });
    outgoing.on('error', fail);
    outgoing.on('response', (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => (text += chunk));
      answer.on('error', fail);
      answer.on('end', () => done({ status: answer.statusCode ?? 0, text }));
    });
    outgoing.end(payload);
  });
}

/** One JSON POST over `agent` (keep-alive), answered as status and parsed body. */
export async function postJson(agent: Agent, url: string, key: string, body: unknown): Promise<JsonAnswer> {
  const answer = await sendJson(agent, url, 'POST', { authorization: `Bearer ${key}` }, body);
  return { status: answer.status, body: parseObject(answer.text) };
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return { text };
  }
}

/**
 * The i-th command of the writer named `writer` (a slug): a body is established, then `bodySize`
 * participants are admitted to it, then the next body. Each writer keeps to bodies of its own so
 * that concurrent writers never collide on one stream, and bodies stay short because every command
 * folds its body's whole stream before deciding. Every command records exactly one event.
 */
export function writerCommand(writer: string, index: number, bodySize: number): { path: string; body: Record<string, string> } {
  const occurredAt = '2003-01-01';
  const bodyNumber = Math.floor(index / (bodySize + 1));
  const bodyId = `${writer}-b${bodyNumber}`;
  const slot = index % (bodySize + 1);
  if (slot === 0) return { path: '/v1/bodies', body: { bodyId, name: `Bench body ${bodyNumber}`, definition: 'A body for benchmarks', occurredAt } };
  return { path: `/v1/bodies/${bodyId}/participants`, body: { participantId: `p${slot}`, name: `Participant ${slot}`, kind: 'state', occurredAt } };
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** The value at quantile `p` of ascending `sorted`; NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** `BENCH_*` settings: a positive number from the environment, or the default. */
export function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

export interface AppendPlan {
  /** Commands to send in all. */
  readonly total: number;
  /** Commands per second over all writers; Infinity sends each as soon as a writer is free. */
  readonly rate: number;
  readonly writers: number;
  /** Slug prefix of the writers' bodies, unique per ledger. */
  readonly prefix: string;
  readonly bodySize: number;
}

export interface AppendOutcome {
  readonly acknowledged: number;
  readonly failed: number;
  /** The highest position acknowledged: with one event per command, the ledger's head. */
  readonly lastPosition: number;
  readonly elapsedMs: number;
  /** Each acknowledged command's round trip, ascending. */
  readonly latenciesMs: number[];
  readonly firstFailure: string | undefined;
}

/**
 * Sends `plan.total` commands with `plan.writers` in flight at most, the i-th due at i / rate after
 * the start: a writer that falls behind sends at once, so the achieved rate shows what the ledger
 * sustains. Bounded: every command is sent once, and a failed one is counted, not retried.
 */
export async function appendPaced(baseUrl: string, plan: AppendPlan): Promise<AppendOutcome> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.writers });
  const started = performance.now();
  const latenciesMs: number[] = [];
  let next = 0;
  let failed = 0;
  let lastPosition = 0;
  let firstFailure: string | undefined;
  const writer = async (name: string): Promise<void> => {
    for (let own = 0; ; own += 1) {
      const index = next++;
      if (index >= plan.total) return;
      const wait = started + (index * 1000) / plan.rate - performance.now();
      if (wait > 1) await sleep(wait);
      const command = writerCommand(name, own, plan.bodySize);
      const sent = performance.now();
      const answer = await postJson(agent, `${baseUrl}${command.path}`, BENCH_KEYS.secretariat, command.body).catch((error: unknown): JsonAnswer => ({
        status: 0,
        body: { error: String(error) },
      }));
      if (answer.status === 201 && typeof answer.body.position === 'number') {
        latenciesMs.push(performance.now() - sent);
        lastPosition = Math.max(lastPosition, answer.body.position);
      } else {
        failed += 1;
        firstFailure ??= `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: plan.writers }, (_, w) => writer(`${plan.prefix}${w}`)));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  latenciesMs.sort((a, b) => a - b);
  return { acknowledged: latenciesMs.length, failed, lastPosition, elapsedMs, latenciesMs, firstFailure };
}

/**
 * CPU seconds every core of the machine has spent busy so far (all of /proc/stat's first line but
 * idle and iowait): beside the processes' own figures it shows what else ran on a shared machine.
 */
export function machineBusySeconds(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND;
}
