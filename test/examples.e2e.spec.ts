import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_SCHEMA_VERSION, EventPayload, isGovernanceEventType, upcast } from '../libs/governance/src/schemas';
import { headPosition } from './support/ledger-client';
import { LedgerHarness, TEST_KEYS } from './support/ledger-harness';
import { removeStorage } from './support/ledger-storage';

const ROOT = join(__dirname, '..');
const RECORD = join(ROOT, 'examples', 'record.mjs');
const REQUESTS = join(ROOT, 'examples', 'kimberley-process.requests.json');
const SHIPPED = join(ROOT, 'examples', 'kimberley-process.jsonl');
const CONCORD = join(ROOT, 'bin', 'concord.js');
/** The key examples/README.md generates the shipped log with: the events' actor id is derived from it. */
const EXAMPLE_KEY = 'example-secretariat-key-0001';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a Node script as a child process without blocking the test's event loop. */
function runNode(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('error', fail);
    child.once('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

interface LogLine {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: EventPayload;
  readonly metadata: Record<string, unknown>;
}

/**
 * A log line without what a new recording makes anew (the event id and the ledger's clock), read at
 * the current schema version as the ledger reads it: the shipped log keeps the versions its events
 * were stored at, a new recording writes the current ones, and the two must mean the same.
 */
function deterministic(line: string): Record<string, unknown> {
  const { eventId: _eventId, metadata, type, schemaVersion, data, ...rest } = JSON.parse(line) as LogLine;
  const { recordedAt: _recordedAt, ...kept } = metadata;
  const current = upcast(type, schemaVersion, data);
  return { ...rest, type, schemaVersion: current.schemaVersion, data: current.data, metadata: kept };
}

const lines = (jsonl: string): string[] => jsonl.split('\n').filter((line) => line.length > 0);

describe('examples/: the Kimberley Process requests and the shipped log', () => {
  let ledger: LedgerHarness;
  let first: Run;
  let headAfterFirst: number;
  let second: Run;
  let headAfterSecond: number;
  let refused: Run;
  let headAfterRefused: number;
  let exported: Run;
  const requests = JSON.parse(readFileSync(REQUESTS, 'utf8')) as { method: string; path: string; body: Record<string, unknown> }[];

  beforeAll(async () => {
    ledger = await LedgerHarness.start({ CONCORD_API_KEYS: `secretariat=${EXAMPLE_KEY},auditor=${TEST_KEYS.auditor}` });
    try {
      const env = { CONCORD_URL: ledger.baseUrl, CONCORD_API_KEY: EXAMPLE_KEY };
      first = await runNode([RECORD], env);
      headAfterFirst = await headPosition(ledger);
      second = await runNode([RECORD], env);
      headAfterSecond = await headPosition(ledger);

      // A second Chair for 2025 is refused: the script must stop there, naming the request.
      const broken = join(ledger.dataDir, 'broken.requests.json');
      const secondChair = {
        method: 'POST',
        path: '/v1/bodies/kp/chair',
        body: { participantId: 'za', term: 2025, basis: 'election', occurredAt: '2025-01-01' },
      };
      writeFileSync(broken, JSON.stringify([requests[0], secondChair, requests[1]]));
      refused = await runNode([RECORD, broken], env);
      headAfterRefused = await headPosition(ledger);
    } finally {
      await ledger.stop({ keepData: true });
    }
    exported = await runNode([CONCORD, 'export'], { CONCORD_DATA_DIR: ledger.dataDir, ...ledger.storage.env });
    // Four node processes and a ledger's start and stop, one after another: on a loaded two-core
    // machine (PostgreSQL, CI) that went past the default 30 s.
  }, 120_000);
  afterAll(async () => {
    if (ledger) await removeStorage(ledger.storage);
  });

  it('records every request, in order, and summarises on stdout with progress on stderr', () => {
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ requests: requests.length, recorded: requests.length, replayed: 0 });
    const progress = lines(first.stderr).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(progress.map((line) => line.sent)).toEqual(Array.from({ length: Math.floor(requests.length / 25) }, (_, i) => (i + 1) * 25));
    expect(headAfterFirst).toBe(requests.length);
  });

  it('produces exactly the shipped examples/kimberley-process.jsonl, but for event ids, recordedAt and stored schema versions', () => {
    expect(exported.status).toBe(0);
    const shipped = lines(readFileSync(SHIPPED, 'utf8'));
    const recorded = lines(exported.stdout);
    expect(recorded.length).toBe(shipped.length);
    expect(recorded.map(deterministic)).toEqual(shipped.map(deterministic));
  });

  it('writes every newly recorded event at the current schema version of its type', () => {
    const versions = lines(exported.stdout).map((line) => JSON.parse(line) as LogLine);
    for (const { type, schemaVersion } of versions) {
      expect(isGovernanceEventType(type)).toBe(true);
      if (isGovernanceEventType(type)) expect({ type, schemaVersion }).toEqual({ type, schemaVersion: CURRENT_SCHEMA_VERSION[type] });
    }
  });

  it('compares a stored v1 event with a fresh v2 recording by what they mean, not by their version', () => {
    const envelope = { position: 9, stream: 'proposal-p', streamRevision: 3, type: 'ProposalWithdrawn', metadata: { commandId: 'c', recordedAt: 'x' } };
    const v1 = { ...envelope, eventId: 'a', schemaVersion: 1, data: { proposalId: 'p', reason: 'Superseded.', occurredAt: '2022-06-24T00:00:00.000Z' } };
    const v2 = {
      ...envelope,
      eventId: 'b',
      schemaVersion: 2,
      data: { proposalId: 'p', reason: 'Superseded.', withdrawnBy: null, occurredAt: '2022-06-24T00:00:00.000Z' },
    };
    const v2WithProposers = { ...v2, data: { ...v2.data, withdrawnBy: ['ua'] } };
    expect(deterministic(JSON.stringify(v2))).toEqual(deterministic(JSON.stringify(v1)));
    expect(deterministic(JSON.stringify(v2WithProposers))).not.toEqual(deterministic(JSON.stringify(v1)));
  });

  it('records nothing new when run a second time: every request is answered from its first result', () => {
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ requests: requests.length, recorded: 0, replayed: requests.length });
    expect(headAfterSecond).toBe(headAfterFirst);
  });

  it('stops at the first refused request with its index, path and problem, and exit code 1', () => {
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('request 1 (POST /v1/bodies/kp/chair) answered 422');
    expect(refused.stderr).toContain('"code": "chair-term-taken"');
    expect(headAfterRefused).toBe(headAfterFirst);
  });
});
