import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore, SqliteProjectionStore } from '@concord/event-store';
import { toDomainEvent } from '@concord/ledger';
import { eventShapeProblem } from '@concord/governance/schemas';
import { ProjectionRunner, ThreadVetting } from '@concord/projections';
import { BENCH_KEYS, freePort, MAIN_JS, round, sleep, UNREACHABLE_REQUEST_LIMITS } from './bench-ledger';
import { writeGeneratedLedger as writeLedger, writeTreeOf } from './generated-ledger';

/**
 * What a restart costs on a long ledger, against the floor of reading it: for each size in
 * BENCH_RESTART_SIZES (default 100000; add 1000000 for the second row), a SQLite ledger
 * file is written (rows inserted directly, in one transaction, through the store's own schema,
 * then its transparency tree), then, interleaved:
 * - reference: read every row in position order and `JSON.parse` its data and metadata; and the
 *   same read without parsing, the floor of any fold that reads the log (the rebuild skims it,
 *   parsing only the events it looks at, so it can come close to that floor);
 * - rebuild: the read side folded from position 1 in this process, its rows stored in the file
 *   as the API stores them (events per second, and the ratio to the reference's rows per second),
 *   with the head of the body, whose stream (a tenth of the log) grows long during the fold;
 * - first start after the rebuild: the API started on that file, timed from spawn to its first
 *   answer about the body, which it reads from the rows and the head the rebuild stored;
 * - restart: the API started again on the same file, as after any stop;
 * - the same restart loading the program module by module (`CONCORD_BUNDLE=off`), as every start
 *   did before the build bundled it: what the bundle and its compile cache save.
 * Every start with its resident memory (VmRSS) right after.
 */
const SIZES = (process.env.BENCH_RESTART_SIZES ?? '100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Every row in position order, its data and metadata parsed (the goal's reference) or, with `parse` false, only read. */
function rawRead(file: string, parse: boolean): { seconds: number; rows: number } {
  const started = performance.now();
  const db = new Database(file, { readonly: true });
  let rows = 0;
  for (const row of db
    .prepare('SELECT position, event_id, stream, stream_revision, type, schema_version, data, metadata FROM events ORDER BY position')
    .iterate() as Iterable<{ data: string; metadata: string }>) {
    if (parse) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
    }
    rows += 1;
  }
  db.close();
  return { seconds: (performance.now() - started) / 1000, rows };
}

/**
 * The read side folded from position 1. `vetting` as the API's first fold of a ledger no checkpoint
 * covers yet (one just imported): every event checked as one the ledger would vouch for, on a
 * thread beside the fold as the API checks them. Where a signed checkpoint covers the log, the
 * API's fold vets only what it does not cover.
 */
async function rebuild(file: string, vetting = false): Promise<number> {
  const store = await SqliteEventStore.open(file);
  const projections = await SqliteProjectionStore.open(file);
  const started = performance.now();
  const vetted = vetting ? { problemOf: eventShapeProblem, vouchedThrough: async () => 0, parallelVetting: new ThreadVetting(file) } : {};
  await new ProjectionRunner(store, toDomainEvent, { projections, ...vetted }).rebuild();
  const seconds = (performance.now() - started) / 1000;
  await projections.close();
  await store.close();
  return seconds;
}

async function restart(dataDir: string, env: Record<string, string> = {}): Promise<{ seconds: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN_JS], {
    env: {
      PATH: process.env.PATH ?? '',
      CONCORD_DATA_DIR: dataDir,
      CONCORD_API_KEYS: `secretariat=${BENCH_KEYS.secretariat}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      CONCORD_LOG_LEVEL: 'warn',
      ...UNREACHABLE_REQUEST_LIMITS,
      ...env,
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('the ledger exited');
      try {
        const answer = await fetch(`http://127.0.0.1:${port}/v1/bodies/kp`, { headers: { authorization: `Bearer ${BENCH_KEYS.secretariat}` } });
        if (answer.ok) break;
      } catch {
        // not listening yet
      }
      await sleep(20);
    }
    const seconds = (performance.now() - started) / 1000;
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    return { seconds, rssMb: Number(rss) / 1024 };
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  console.log(
    '| events | raw read + parse (reference) | raw read, nothing parsed | read side rebuilt from position 1 | rebuild / reference | rebuild / read alone | rebuild vetting every event / reference | first start after the rebuild | restart: first answer | RSS then | restart module by module | goals: restart < 2 s, RSS < 300 MB, rebuild ≥ 0.6 |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const size of SIZES) {
    const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-restart-'));
    const file = join(dataDir, 'ledger.sqlite');
    try {
      process.stderr.write(`writing a ledger of ${size} events\n`);
      await writeLedger(file, size);
      process.stderr.write('computing its transparency tree\n');
      await writeTreeOf(file);
      const raw: number[] = [];
      const readOnly: number[] = [];
      const rebuilt: number[] = [];
      const vetted: number[] = [];
      const firstStarts: { seconds: number; rssMb: number }[] = [];
      const restarts: { seconds: number; rssMb: number }[] = [];
      const unbundled: { seconds: number; rssMb: number }[] = [];
      for (let pass = 0; pass < ROUNDS; pass += 1) {
        process.stderr.write(`round ${pass + 1}/${ROUNDS}\n`);
        raw.push(rawRead(file, true).seconds);
        readOnly.push(rawRead(file, false).seconds);
        rebuilt.push(await rebuild(file));
        vetted.push(await rebuild(file, true));
        firstStarts.push(await restart(dataDir));
        restarts.push(await restart(dataDir));
        unbundled.push(await restart(dataDir, { CONCORD_BUNDLE: 'off' }));
      }
      const rawRate = size / median(raw);
      const rebuildRate = size / median(rebuilt);
      const first = median(restarts.map((run) => run.seconds));
      const rss = median(restarts.map((run) => run.rssMb));
      const afterRebuild = `${round(median(firstStarts.map((run) => run.seconds)), 2)} s, ${Math.round(median(firstStarts.map((run) => run.rssMb)))} MB`;
      const moduleByModule = `${round(median(unbundled.map((run) => run.seconds)), 2)} s, ${Math.round(median(unbundled.map((run) => run.rssMb)))} MB`;
      const ratio = rebuildRate / rawRate;
      const toReadAlone = median(readOnly) / median(rebuilt);
      const goals = [`restart ${first < 2 ? 'met' : 'NOT met'}`, `RSS ${rss < 300 ? 'met' : 'NOT met'}`, `rebuild ${ratio >= 0.6 ? 'met' : 'NOT met'}`].join(
        ', ',
      );
      console.log(
        `| ${size.toLocaleString('en')} | ${round(median(raw), 2)} s (${Math.round(rawRate).toLocaleString('en')}/s) | ${round(median(readOnly), 2)} s | ${round(median(rebuilt), 2)} s (${Math.round(rebuildRate).toLocaleString('en')}/s) | **${round(ratio, 2)}** | ${round(toReadAlone, 2)} | ${round(size / median(vetted) / rawRate, 2)} | ${afterRebuild} | ${round(first, 2)} s | ${Math.round(rss)} MB | ${moduleByModule} | ${goals} |`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
