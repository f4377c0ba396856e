import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, hash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventToAppend, SqliteEventStore, StoredEvent } from '@concord/event-store';
import { Checkpointer, LogTree, signingKeyOf, SqliteTransparencyStore, TreeFollower } from '@concord/transparency';
import { canonicalJson, ledgerEntry } from '@concord/verifier';
import { round } from './bench-ledger';
import { generatedLedger, writeGeneratedLedger, writeTreeOf } from './generated-ledger';

/**
 * The transparency log's costs, each against its floor in the same run, interleaved:
 * - `concord verify` on a ledger of BENCH_VERIFY_SIZE events (default 1,000,000): events per
 *   second and peak memory, against SHA-256 of the same entry strings one after another (the hash
 *   work verify cannot avoid), and RFC 8785 canonicalisation of the same events (work it does);
 * - appending with the tree following the log, against appending without it (BENCH_APPENDS
 *   single-event appends, 64 in flight, SQLite with synchronous=FULL).
 */
const SIZE = Number(process.env.BENCH_VERIFY_SIZE ?? 1_000_000);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 50_000);
/** The append rounds are short and the machine shared: more of them than of verify. */
const APPEND_ROUNDS = Number(process.env.BENCH_APPEND_ROUNDS ?? 7);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CHUNK = 50_000;
const CONCORD = resolve(__dirname, '../../bin/concord.js');
const PEAK_RSS = resolve(__dirname, '../../bench/peak-rss.js');

/** The floor: SHA-256 of the entry string in one call, nothing around it (Node 20.12+ has crypto.hash). */
const oneShotSha256 = (text: string): Buffer => (typeof hash === 'function' ? hash('sha256', text, 'buffer') : createHash('sha256').update(text).digest());

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The events of the generated ledger and their entries, a chunk at a time (made outside the timed part). */
function* entryChunks(): Generator<{ events: StoredEvent[]; entries: string[] }> {
  let events: StoredEvent[] = [];
  for (const event of generatedLedger(SIZE)) {
    events.push(event);
    if (events.length === CHUNK) {
      yield { events, entries: events.map(ledgerEntry) };
      events = [];
    }
  }
  if (events.length > 0) yield { events, entries: events.map(ledgerEntry) };
}

function referenceRates(): { hashesPerSecond: number; canonicalPerSecond: number; entryBytes: number } {
  let hashSeconds = 0;
  let canonicalSeconds = 0;
  let bytes = 0;
  for (const { events, entries } of entryChunks()) {
    let started = performance.now();
    for (const entry of entries) oneShotSha256(entry);
    hashSeconds += (performance.now() - started) / 1000;
    started = performance.now();
    for (const event of events) canonicalJson(event);
    canonicalSeconds += (performance.now() - started) / 1000;
    for (const entry of entries) bytes += Buffer.byteLength(entry);
  }
  return { hashesPerSecond: SIZE / hashSeconds, canonicalPerSecond: SIZE / canonicalSeconds, entryBytes: bytes / SIZE };
}

function runVerify(dataDir: string, verifierKey: string): { seconds: number; peakMb: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-r', PEAK_RSS, CONCORD, 'verify', '--key', verifierKey], {
    env: { PATH: process.env.PATH ?? '', CONCORD_DATA_DIR: dataDir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`concord verify failed (${result.status}): ${result.stdout}${result.stderr}`);
  const peak = /peak-rss-kb (\d+)/.exec(result.stderr);
  return { seconds, peakMb: Number(peak?.[1] ?? 0) / 1024 };
}

async function prepareLedger(dataDir: string): Promise<string> {
  const file = join(dataDir, 'ledger.sqlite');
  let started = performance.now();
  await writeGeneratedLedger(file, SIZE);
  console.log(`wrote ${SIZE.toLocaleString('en')} events in ${round((performance.now() - started) / 1000, 1)} s`);
  started = performance.now();
  await writeTreeOf(file);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `the tree of a ledger that had none (first start after an upgrade): ${round(seconds, 1)} s, ${Math.round(SIZE / seconds).toLocaleString('en')} events/s`,
  );
  const transparency = SqliteTransparencyStore.open(file);
  const tree = await LogTree.open(transparency);
  const key = signingKeyOf('bench/concord-ledger', generateKeyPairSync('ed25519').privateKey, false);
  writeFileSync(join(dataDir, 'checkpoint-signing-key.pem'), key.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const { name, verifierKey, publicKeyPem } = key;
  await transparency.publishKey({ name, verifierKey, publicKeyPem, from: new Date().toISOString() });
  await new Checkpointer(tree, transparency, key, () => new Date()).sign();
  await transparency.close();
  return verifierKey;
}

function event(index: number): EventToAppend {
  return {
    eventId: `00000000-0000-7000-9000-${index.toString(16).padStart(12, '0')}`,
    type: 'StatementRecorded',
    schemaVersion: 1,
    data: { meetingId: 'm', speakerId: 'p1', summary: `statement ${index} `.repeat(8), occurredAt: '2026-01-01T00:00:00.000Z' },
    metadata: {
      commandId: `c${index}`,
      correlationId: `c${index}`,
      causationId: null,
      actor: { id: 'bench', role: 'secretariat' },
      recordedAt: new Date().toISOString(),
    },
  };
}

/**
 * Appends per second into a fresh file: as the ledger runs (the writer computes each group's tree
 * nodes once it is answered and stores them with the next group, and the follower signs
 * checkpoints), or the same store with no tree at all.
 */
async function appendRate(withTree: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-append-'));
  const file = join(dir, 'ledger.sqlite');
  const store = await SqliteEventStore.open(file, { extendLogTree: withTree });
  // As the API opens it on a SQLite ledger: the follower reads no event, the appends extend the tree.
  const transparency = SqliteTransparencyStore.open(file, { extendedByAppends: true });
  const tree = await LogTree.open(transparency);
  const key = signingKeyOf('bench/concord-ledger', generateKeyPairSync('ed25519').privateKey, false);
  const follower = new TreeFollower(store, tree, new Checkpointer(tree, transparency, key, () => new Date()), {
    checkpointEvery: 1000,
    checkpointIntervalMs: 60_000,
    onError: (error) => console.error(error),
  });
  if (withTree) await follower.start();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      for (let index = next++; index < APPENDS; index = next++) await store.append(`meeting-${index % 50}`, [event(index)], { expectedRevision: 'any' });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (withTree) {
    await follower.signNow(60_000);
    if (tree.size !== APPENDS) throw new Error(`the tree holds ${tree.size} leaves after ${APPENDS} appends`);
    await follower.stop();
  }
  await transparency.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return APPENDS / seconds;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-verify-'));
  try {
    if (SIZE > 0) await verifyRow(dataDir);
    await appendRow();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function verifyRow(dataDir: string): Promise<void> {
  const verifierKey = await prepareLedger(dataDir);
  const hashes: number[] = [];
  const canonical: number[] = [];
  const verifies: { seconds: number; peakMb: number }[] = [];
  let entryBytes = 0;
  for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex += 1) {
    const reference = referenceRates();
    hashes.push(reference.hashesPerSecond);
    canonical.push(reference.canonicalPerSecond);
    entryBytes = reference.entryBytes;
    verifies.push(runVerify(dataDir, verifierKey));
  }
  const verifyRate = SIZE / median(verifies.map((run) => run.seconds));
  console.log(`\n| ${SIZE.toLocaleString('en')} events (entries ${Math.round(entryBytes)} bytes on average) | per second | ratio to one-shot SHA-256 |`);
  console.log('|---|---:|---:|');
  console.log(`| one-shot SHA-256 of each entry, \`crypto.hash\` (reference) | ${Math.round(median(hashes)).toLocaleString('en')} | 1 |`);
  console.log(
    `| RFC 8785 canonicalisation of each event | ${Math.round(median(canonical)).toLocaleString('en')} | ${round(median(canonical) / median(hashes), 3)} |`,
  );
  console.log(
    `| \`concord verify\` (read, hash, compare with stored leaves and checkpoints) | ${Math.round(verifyRate).toLocaleString('en')} | **${round(verifyRate / median(hashes), 3)}** (goal ≥ 0.3); peak RSS ${Math.round(median(verifies.map((run) => run.peakMb)))} MB |`,
  );
}

async function appendRow(): Promise<void> {
  const without: number[] = [];
  const withTree: number[] = [];
  for (let roundIndex = 0; roundIndex < APPEND_ROUNDS; roundIndex += 1) {
    without.push(await appendRate(false));
    withTree.push(await appendRate(true));
  }
  const ratio = median(withTree) / median(without);
  console.log(`\n| ${APPENDS.toLocaleString('en')} single-event appends, 64 in flight | appends/s |`);
  console.log('|---|---:|');
  console.log(`| without the tree (reference) | ${Math.round(median(without)).toLocaleString('en')} |`);
  console.log(
    `| with the tree (each group's nodes computed once it is answered, stored with the next group; checkpoints signed every 1,000) | ${Math.round(median(withTree)).toLocaleString('en')} (**${round(ratio, 2)}**; goal: costs under 10%, ratio ≥ 0.9) |`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
