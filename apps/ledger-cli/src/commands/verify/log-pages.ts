import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { EventStore, LogEntries, StoredEvent, StoredEventText } from '@concord/event-store';
import { firstDuplicateField, ledgerEntryOfCanonicalText } from '@concord/verifier';
import { Finding } from '../../finding';
import { firstUnexportedField } from '../exported-fields';
import { AuditedEvent, AuditPage } from './log-audit';

const PAGE = 1000;

/**
 * The store's log up to its head when asked, a page at a time, in the cheapest form the store
 * offers: entries built by the database beside their stored leaves (SQLite), stored text (then
 * each entry is assembled here without parsing), or parsed events.
 */
export async function* storePages(store: EventStore, head: number): AsyncGenerator<AuditPage> {
  for (let after = 0; after < head;) {
    const limit = Math.min(PAGE, head - after);
    const page = store.readLogEntries
      ? entryPage(await store.readLogEntries({ after, limit }))
      : { events: store.readAllText ? (await store.readAllText({ after, limit })).map(textEvent) : (await store.readAll({ after, limit })).map(parsedEvent) };
    const last = page.events.at(-1);
    if (last === undefined) return;
    yield page;
    after = last.position;
  }
}

function entryPage({ positions, entries, leaves, readable }: LogEntries): AuditPage {
  const events = positions.map((position, index) => entryEvent(position, entries[index] as string));
  return { events, storedLeaves: leaves, unreadable: positions.filter((_, index) => !readable[index]) };
}

function textEvent(event: StoredEventText): AuditedEvent {
  return entryEvent(event.position, ledgerEntryOfCanonicalText(event));
}

/** An entry holds the event's eight members: parsing it gives the event back. */
function entryEvent(position: number, entry: string): AuditedEvent {
  return { position, entry, parsed: () => JSON.parse(entry) as StoredEvent };
}

/** The eight members as JSON text (not canonical: the hashing canonicalises it). */
function parsedEvent(event: StoredEvent): AuditedEvent {
  const { position, eventId, stream, streamRevision, type, schemaVersion, data, metadata } = event;
  return { position, entry: JSON.stringify({ position, eventId, stream, streamRevision, type, schemaVersion, data, metadata }), parsed: () => event };
}

/** The events of a `concord export` file, a page at a time; a line that is not an event stops the check. */
export async function* exportPages(file: string): AsyncGenerator<AuditPage> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let page: AuditedEvent[] = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const event = exportedEvent(line, file, lineNumber);
    page.push({ ...parsedEvent(event), streamRevision: { stream: event.stream, revision: event.streamRevision } });
    if (page.length === PAGE) {
      yield { events: page };
      page = [];
    }
  }
  if (page.length > 0) yield { events: page };
}

function exportedEvent(line: string, file: string, lineNumber: number): StoredEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Finding(`${file}:${lineNumber} is not JSON: not a concord export`);
  }
  // What is verified is what JSON.parse kept, the last of two equal names; a reader keeping the first would see another event.
  const duplicate = firstDuplicateField(line);
  if (duplicate !== undefined) throw new Finding(`${file}:${lineNumber} gives the field ${duplicate} twice: not a concord export`);
  const event = value as Partial<StoredEvent> | null;
  if (
    typeof event !== 'object' ||
    event === null ||
    !Number.isSafeInteger(event.position) ||
    typeof event.eventId !== 'string' ||
    typeof event.stream !== 'string' ||
    !Number.isSafeInteger(event.streamRevision) ||
    typeof event.type !== 'string' ||
    !Number.isSafeInteger(event.schemaVersion) ||
    typeof event.data !== 'object' ||
    typeof event.metadata !== 'object'
  ) {
    throw new Finding(`${file}:${lineNumber} is not an exported event (position, eventId, stream, streamRevision, type, schemaVersion, data, metadata)`);
  }
  // A member the entry hashed leaves out is covered by no signature: a reader of the file would take it for the event's.
  const extra = firstUnexportedField(event);
  if (extra !== undefined)
    throw new Finding(`${file}:${lineNumber} gives the field ${extra}, which no exported event has and no signature covers: not a concord export`);
  return event as StoredEvent;
}
