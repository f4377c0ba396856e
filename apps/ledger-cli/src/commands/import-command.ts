import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { EventStore, StoredEvent } from '@concord/event-store';
import { canonicalJson } from '@concord/ledger';
import { Progress } from '../progress';
import { ConsensusPolicy } from '@concord/governance';
import { ImportRules } from './import-rules';
import { ImportedEvent, ImportValidator, InvalidLineError } from './import-validation';

/** The ledger already holds events: an import only ever loads into an empty one. */
export class LedgerNotEmptyError extends Error {
  override readonly name = 'LedgerNotEmptyError';
}

/** Another writer recorded events while the import appended: the ledger is no longer the export. */
export class ImportInterleavedError extends LedgerNotEmptyError {
  constructor(file: string, expectedPosition: number, storedAt: number) {
    super(
      `line ${expectedPosition} of ${file} was stored at position ${storedAt}: another writer (an API on this store?) recorded events during the import, ` +
        'so the ledger no longer matches the export. Stop every other writer, restore the store from before the import (or empty it), and import again',
    );
  }
}

async function* numberedLines(file: string): AsyncGenerator<{ line: string; lineNumber: number }> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim().length > 0) yield { line, lineNumber };
  }
}

/** What an import finds already in the ledger: the start of the file, from an import cut short. */
interface ImportStart {
  /** Events of the file already in the ledger, in its order: 0 for an empty ledger. */
  readonly alreadyImported: number;
}

/** The same event, stored or in the file: where it is, and every byte that is hashed of it. */
function sameEvent(stored: StoredEvent, imported: ImportedEvent): boolean {
  const { event } = imported;
  return (
    stored.position === imported.position &&
    stored.stream === imported.stream &&
    stored.streamRevision === imported.streamRevision &&
    stored.eventId === event.eventId &&
    stored.type === event.type &&
    stored.schemaVersion === event.schemaVersion &&
    canonicalJson(stored.data) === canonicalJson(event.data) &&
    canonicalJson(stored.metadata) === canonicalJson(event.metadata)
  );
}

/**
 * An import loads into an empty ledger, or resumes one cut short: a ledger whose events are, one
 * for one, the first events of the file and not all of them (an import appends a command's events
 * together, so it stops between commands). Any other ledger is refused, naming the first event
 * that differs, or saying the file was imported already.
 */
async function importStart(store: EventStore, file: string): Promise<ImportStart> {
  const head = await store.headPosition();
  if (head === 0) return { alreadyImported: 0 };
  const reading = new ImportValidator();
  let stored: StoredEvent[] = [];
  let next = 0;
  for await (const { line, lineNumber } of numberedLines(file)) {
    const imported = reading.check(line, lineNumber);
    if (imported.position > head) break;
    if (next >= stored.length) {
      stored = await store.readAll({ after: imported.position - 1, limit: 1000 });
      next = 0;
    }
    const event = stored[next];
    next += 1;
    if (event === undefined || !sameEvent(event, imported)) {
      throw new LedgerNotEmptyError(
        `the ledger already holds ${head} events, and the one at position ${imported.position} is not line ${lineNumber} of ${file}: ` +
          'import loads an export into an empty ledger, or resumes one of the same file cut short',
      );
    }
  }
  if (reading.count < head) throw new LedgerNotEmptyError(`the ledger already holds ${head} events, more than the ${reading.count} of ${file}`);
  if (reading.count === head) throw new LedgerNotEmptyError(`the ledger already holds ${head} events, all those of ${file}: it was imported already`);
  return { alreadyImported: head };
}

/**
 * Loads an export into an empty ledger. The whole file is checked first (shape, order, timelines,
 * and participation records by the ledger's rules), so an invalid line stops
 * the import with its number before anything is written; then the events are appended in order,
 * one append per original command, keeping their ids, metadata and so their positions. An import
 * cut short (a crash, an interrupt) is resumed by running it again: the events already in the
 * ledger are checked to be the file's first ones, exactly, and the rest are appended after them.
 */
export async function importLog(
  store: EventStore,
  file: string,
  policy: ConsensusPolicy,
  progress?: (total: number) => Progress,
  onResume?: (alreadyImported: number) => void,
): Promise<number> {
  await importStart(store, file);
  const validator = new ImportValidator(new Date());
  const rules = new ImportRules(policy);
  for await (const { line, lineNumber } of numberedLines(file)) {
    const refusal = await rules.check(validator.check(line, lineNumber));
    if (refusal) throw new InvalidLineError(lineNumber, refusal);
  }
  const total = validator.count;

  // Asked again: another writer may have begun meanwhile.
  const { alreadyImported } = await importStart(store, file);
  if (alreadyImported > 0) onResume?.(alreadyImported);
  const bar = progress?.(total);
  bar?.resumeFrom(alreadyImported);
  const replay = new ImportValidator();
  let batch: ImportedEvent[] = [];
  const flush = async (): Promise<void> => {
    const first = batch[0];
    if (!first) return;
    const expectedRevision = first.streamRevision === 0 ? 'no-stream' : first.streamRevision - 1;
    const appended = await store.append(
      first.stream,
      batch.map((imported) => imported.event),
      { expectedRevision },
    );
    if (appended.firstPosition !== first.position) throw new ImportInterleavedError(file, first.position, appended.firstPosition);
    bar?.advance(batch.length);
    batch = [];
  };
  for await (const { line, lineNumber } of numberedLines(file)) {
    const imported = replay.check(line, lineNumber);
    if (imported.position <= alreadyImported) continue;
    const first = batch[0];
    if (first && (first.stream !== imported.stream || first.event.metadata.commandId !== imported.event.metadata.commandId)) await flush();
    batch.push(imported);
  }
  await flush();
  bar?.finish();
  return total - alreadyImported;
}
