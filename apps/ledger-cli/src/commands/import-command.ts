import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { EventStore } from '@concord/event-store';
import { Progress } from '../progress';
import { ConsensusPolicy } from '@concord/governance';
import { ImportRules } from './import-rules';
import { ImportedEvent, ImportValidator, InvalidLineError } from './import-validation';

/** The ledger already holds events: an import only ever loads into an empty one. */
export class LedgerNotEmptyError extends Error {
  override readonly name = 'LedgerNotEmptyError';
}

async function* numberedLines(file: string): AsyncGenerator<{ line: string; lineNumber: number }> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim().length > 0) yield { line, lineNumber };
  }
}

async function assertEmpty(store: EventStore): Promise<void> {
  const head = await store.headPosition();
  if (head > 0) {
    throw new LedgerNotEmptyError(
      `the ledger already holds ${head} events; import loads an export into an empty ledger only (was this file imported already?)`,
    );
  }
}

/**
 * Loads an export into an empty ledger. The whole file is checked first (shape, order, timelines,
 * and participation records by the ledger's rules), so an invalid line stops
 * the import with its number before anything is written; then the events are appended in order,
 * one append per original command, keeping their ids, metadata and so their positions.
 */
export async function importLog(store: EventStore, file: string, policy: ConsensusPolicy, progress?: (total: number) => Progress): Promise<number> {
  await assertEmpty(store);
  const validator = new ImportValidator(new Date());
  const rules = new ImportRules(policy);
  for await (const { line, lineNumber } of numberedLines(file)) {
    const refusal = await rules.check(validator.check(line, lineNumber));
    if (refusal) throw new InvalidLineError(lineNumber, refusal);
  }
  const total = validator.count;

  await assertEmpty(store);
  const bar = progress?.(total);
  const replay = new ImportValidator();
  let batch: ImportedEvent[] = [];
  const flush = async (): Promise<void> => {
    const first = batch[0];
    if (!first) return;
    const expectedRevision = first.streamRevision === 0 ? 'no-stream' : first.streamRevision - 1;
    await store.append(
      first.stream,
      batch.map((imported) => imported.event),
      { expectedRevision },
    );
    bar?.advance(batch.length);
    batch = [];
  };
  for await (const { line, lineNumber } of numberedLines(file)) {
    const imported = replay.check(line, lineNumber);
    const first = batch[0];
    if (first && (first.stream !== imported.stream || first.event.metadata.commandId !== imported.event.metadata.commandId)) await flush();
    batch.push(imported);
  }
  await flush();
  bar?.finish();
  return total;
}
