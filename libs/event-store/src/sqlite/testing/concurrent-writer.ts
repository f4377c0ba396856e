/**
 * A writer run in its own OS process by `sqlite-event-store.int.spec.ts`, to show that processes
 * sharing one file take turns. It says "ready" once the store is open, waits for "go" on stdin so
 * that all writers start together, then appends to one shared stream with optimistic retries and
 * to a stream of its own, and prints how many conflicts it met.
 */
import { anEvent } from '../../contract/event-fixtures';
import { appendToSharedStream, SHARED_STREAM, waitForGo } from '../../testing/writer-steps';
import { SqliteEventStore } from '../sqlite-event-store';

export { SHARED_STREAM };

export interface WriterReport {
  readonly writer: string;
  readonly conflicts: number;
}

async function run(filePath: string, writer: string, appends: number): Promise<void> {
  const store = await SqliteEventStore.open(filePath, { busyTimeoutMs: 10_000 });
  process.stdout.write('ready\n');
  await waitForGo();
  let conflicts = 0;
  for (let index = 0; index < appends; index += 1) {
    conflicts += await appendToSharedStream(store);
    await store.append(`writer-${writer}`, [anEvent()], { expectedRevision: 'any' });
  }
  await store.close();
  const report: WriterReport = { writer, conflicts };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

const filePath = process.env['WRITER_DB'];
const writer = process.env['WRITER_ID'];
const appends = Number(process.env['WRITER_APPENDS']);
if (filePath !== undefined && writer !== undefined) {
  run(filePath, writer, appends).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
