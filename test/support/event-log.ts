import { openStore } from '../../libs/event-store/src/open-store';
import { LedgerStorage } from './ledger-storage';

/** One stored event, envelope and all. */
export interface StoredRow {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly streamRevision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/**
 * Reads a ledger's whole log through the store port, from whichever store it runs on, to see what
 * HTTP does not show: the event types and the metadata. Safe while the ledger runs.
 */
export async function readEventLog(ledger: { readonly storage: LedgerStorage }): Promise<StoredRow[]> {
  const store = await openStore(ledger.storage.selection);
  try {
    return (await store.readAll()).map(({ position, eventId, stream, streamRevision, type, schemaVersion, data, metadata }) => ({
      position,
      eventId,
      stream,
      streamRevision,
      type,
      schemaVersion,
      data: { ...data },
      metadata: { ...metadata },
    }));
  } finally {
    await store.close();
  }
}

/** The stored events with these ids, in log order. */
export async function storedEvents(ledger: { readonly storage: LedgerStorage }, eventIds: readonly string[]): Promise<StoredRow[]> {
  return (await readEventLog(ledger)).filter((row) => eventIds.includes(row.eventId));
}
