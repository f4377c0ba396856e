/**
 * A writer run in its own OS process by `postgres-event-store.int.spec.ts`, to show that appends
 * from several processes keep the log gapless and in commit order. It says "ready" once the store
 * is open, waits for "go" on stdin so that all writers start together, then appends to one shared
 * stream with optimistic retries and, in batches of one or two events, to a stream of its own.
 */
import { aBatch } from '../../contract/event-fixtures';
import { appendToSharedStream, SHARED_STREAM, waitForGo } from '../../testing/writer-steps';
import { PostgresEventStore } from '../postgres-event-store';

export { SHARED_STREAM };

export interface WriterReport {
  readonly writer: string;
  readonly conflicts: number;
  readonly eventsWritten: number;
}

/** Events one writer appends in `iterations`: one shared, then one or two of its own, per iteration. */
export function eventsPerWriter(iterations: number): number {
  return iterations + ownBatchSizes(iterations).reduce((sum, size) => sum + size, 0);
}

function ownBatchSizes(iterations: number): number[] {
  return Array.from({ length: iterations }, (_, index) => 1 + (index % 2));
}

async function run(connectionString: string, schema: string, writer: string, iterations: number): Promise<void> {
  const store = await PostgresEventStore.open({ connectionString, schema, poolSize: 2 });
  process.stdout.write('ready\n');
  await waitForGo();
  let conflicts = 0;
  for (const size of ownBatchSizes(iterations)) {
    conflicts += await appendToSharedStream(store);
    await store.append(`writer-${writer}`, aBatch(size), { expectedRevision: 'any' });
  }
  await store.close();
  const report: WriterReport = { writer, conflicts, eventsWritten: eventsPerWriter(iterations) };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

const connectionString = process.env['WRITER_PG_URL'];
const schema = process.env['WRITER_SCHEMA'];
const writer = process.env['WRITER_ID'];
const iterations = Number(process.env['WRITER_ITERATIONS']);
if (connectionString !== undefined && schema !== undefined && writer !== undefined) {
  run(connectionString, schema, writer, iterations).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
