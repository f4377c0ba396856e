import { request as httpRequest } from 'node:http';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { LedgerStorage, newStorage, removeStorage } from './ledger-storage';
import { assertEventsConform } from './event-conformance';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const TEST_KEYS = {
  secretariat: 'secretariat-key-for-tests-0001',
  auditor: 'auditor-key-for-tests-00000001',
  integrator: 'integrator-key-for-tests-00001',
  admin: 'admin-key-for-tests-0000000001',
} as const;

export const NO_REQUEST_LIMITS = {
  CONCORD_RATE_LIMIT_KEY_PER_MINUTE: '0',
  CONCORD_RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
  CONCORD_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '0',
} as const;

export type TestRole = keyof typeof TEST_KEYS;

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  // Answers are JSON of many shapes; tests read them as records.
  readonly body: Record<string, unknown> & { code?: string };
}

export interface RequestOptions {
  readonly role?: TestRole | null;
  readonly headers?: Record<string, string>;
  readonly rawBody?: string | Uint8Array;
}

export const ROOT = resolve(__dirname, '../..');
export const MAIN_JS = join(ROOT, 'dist/apps/ledger-api/src/main.js');

/**
 * A real ledger process, built by `npm run build`, on a real port, with its store (SQLite, or
 * PostgreSQL when `CONCORD_E2E_STORE=postgres`) in fresh storage of its own: the end-to-end tests
 * speak HTTP to it exactly as a client would.
 */
export class LedgerHarness {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly storage: LedgerStorage,
    private readonly output: string[],
    private readonly ownsStorage: boolean,
  ) {}

  /** Starts a ledger; given `storage` (another harness's), it runs on that ledger's data. */
  static async start(env: Record<string, string> = {}, storage?: LedgerStorage): Promise<LedgerHarness> {
    assertBuilt();
    const used = storage ?? newStorage();
    const port = await freePort();
    const apiKeys = Object.entries(TEST_KEYS)
      .map(([role, key]) => `${role}=${key}`)
      .join(',');
    const child = spawn(process.execPath, [MAIN_JS], {
      env: {
        PATH: process.env.PATH ?? '',
        CONCORD_DATA_DIR: used.dataDir,
        CONCORD_API_KEYS: apiKeys,
        PORT: String(port),
        HOST: '127.0.0.1',
        CONCORD_LOG_LEVEL: 'warn',
        // Suites send thousands of requests from one address; the limits' own suite turns them on.
        ...NO_REQUEST_LIMITS,
        ...used.env,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const harness = new LedgerHarness(child, `http://127.0.0.1:${port}`, used, output, storage === undefined);
    await harness.waitUntilHealthy();
    return harness;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get dataDir(): string {
    return this.storage.dataDir;
  }

  /** Everything the process printed, for assertions on logs and for failure messages. */
  get logs(): string {
    return this.output.join('');
  }

  /** The structured log lines the process printed so far, parsed (the JSON lines of `logs`). */
  get logEntries(): Record<string, unknown>[] {
    return this.logs
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** A child killed by a signal (Nest re-raises SIGTERM after its shutdown hooks) keeps exitCode null. */
  private get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Before the ledger stops, every event it holds is read back from the feed and checked against
   * the AsyncAPI document it publishes, so the whole suite's events are checked, not a sample.
   * `checkEvents: false` skips that, for a ledger whose limits would refuse the reads.
   */
  async stop(options: { keepData?: boolean; checkEvents?: boolean } = {}): Promise<void> {
    let nonConforming: unknown;
    if (this.running && options.checkEvents !== false)
      await assertEventsConform(this.baseUrl, Object.values(TEST_KEYS)).catch((error: unknown) => (nonConforming = error));
    await this.halt(options);
    if (nonConforming !== undefined) throw nonConforming;
  }

  private async halt(options: { keepData?: boolean }): Promise<void> {
    if (this.running) {
      // 'close', not 'exit': the process may exit before its last lines are read off its stdout.
      const exited = new Promise((done) => this.child.once('close', done));
      this.child.kill('SIGTERM');
      await exited;
    }
    if (this.ownsStorage && !options.keepData) await removeStorage(this.storage);
  }

  /** Kills the process at once (SIGKILL): nothing gets to finish or flush. The data stays. */
  async kill(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGKILL');
    await exited;
  }

  post(path: string, body: unknown, options: RequestOptions = {}): Promise<HttpAnswer> {
    return this.request('POST', path, body, options);
  }

  get(path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    return this.request('GET', path, undefined, options);
  }

  /**
   * A POST of a body the server may refuse before it has read all of it (too large): the answer
   * counts as soon as it arrives, and the server closing the connection on the rest of the body
   * (EPIPE, ECONNRESET on our side) does not hide it, as it can with `fetch`.
   */
  postAnsweredEarly(path: string, rawBody: string): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const outgoing = httpRequest(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_KEYS.secretariat}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(rawBody) },
      });
      outgoing.on('response', (incoming) => {
        answered = true;
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
          resolve({ status: incoming.statusCode ?? 0, headers, body: (text ? JSON.parse(text) : {}) as HttpAnswer['body'] });
        });
        incoming.on('error', reject);
      });
      outgoing.on('error', (error) => {
        if (!answered) reject(error);
      });
      outgoing.end(rawBody);
    });
  }

  async request(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<HttpAnswer> {
    const role = options.role === undefined ? 'secretariat' : options.role;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (role !== null) headers.authorization = `Bearer ${TEST_KEYS[role]}`;
    const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { text };
    }
    return { status: response.status, headers: response.headers, body: parsed as HttpAnswer['body'] };
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the ledger exited with ${this.child.exitCode ?? this.child.signalCode}:\n${this.logs}`);
      try {
        if ((await fetch(`${this.baseUrl}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    await this.halt({});
    throw new Error(`the ledger did not become healthy within 20 s:\n${this.logs}`);
  }
}

/**
 * Ports for the ledgers a suite starts: each Jest worker takes its own thousand below Linux's
 * ephemeral range (32768 and up). A port the system handed out for port 0 could be handed again,
 * to another worker or as the local end of a client's connection, before the ledger bound it; a
 * ledger that then failed to bind would have its harness talk to another suite's ledger.
 */
const WORKER_PORTS = 1_000;
/** Two runs on one machine at once (two checkouts, say) each need their own ports: set one's base apart. */
const portBase = Number(process.env.CONCORD_TEST_PORT_BASE ?? '20000');
if (!Number.isInteger(portBase) || portBase < 1024 || portBase + 12 * WORKER_PORTS > 32768) {
  throw new Error(`CONCORD_TEST_PORT_BASE must be a whole number from 1024 to ${32768 - 12 * WORKER_PORTS}, below the ephemeral ports`);
}
const firstWorkerPort = portBase + (Number(process.env.JEST_WORKER_ID ?? '1') % 12) * WORKER_PORTS;
let portOffset = 0;
/**
 * Ports above 1023 that fetch refuses to connect to ("bad port", the Fetch standard's list): a
 * ledger on one would never be seen healthy. A base of 5000 puts worker 1's first port on 6000.
 */
const FETCH_BLOCKED_PORTS = new Set([1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

export async function freePort(): Promise<number> {
  for (let tried = 0; tried < WORKER_PORTS; tried += 1) {
    const port = firstWorkerPort + (portOffset % WORKER_PORTS);
    portOffset += 1;
    if (!FETCH_BLOCKED_PORTS.has(port) && (await canListen(port))) return port;
  }
  throw new Error(`no free port from ${firstWorkerPort} to ${firstWorkerPort + WORKER_PORTS - 1}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** The end-to-end tests run the built app; a stale build would test yesterday's code. */
export function assertBuilt(): void {
  if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run \`npm run build\` (npm test does it first)`);
  const built = statSync(MAIN_JS).mtimeMs;
  const stale = ['apps', 'libs'].flatMap((dir) => newerSources(join(ROOT, dir), built));
  if (stale.length > 0) throw new Error(`the build is older than ${stale[0]}: run \`npm run build\` (npm test does it first)`);
}

function newerSources(dir: string, than: number): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' || entry.name === 'contract' ? [] : newerSources(path, than);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && statSync(path).mtimeMs > than ? [path] : [];
  });
}
