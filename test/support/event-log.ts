import Database from 'better-sqlite3';
import { join } from 'node:path';

/** One row of the `events` table (libs/event-store/src/sqlite/sqlite-schema.ts), JSON decoded. */
export interface StoredRow {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly streamRevision: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

interface RawRow {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly streamRevision: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/**
 * Reads the ledger's SQLite file directly, read-only, to see what HTTP does not show: the event
 * types and the metadata. Safe while the app runs (the store uses WAL) and after it stopped.
 */
export function readEventLog(dataDir: string): StoredRow[] {
  const db = new Database(join(dataDir, 'ledger.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT position, event_id AS eventId, stream, stream_revision AS streamRevision, type, data, metadata
         FROM events ORDER BY position`,
      )
      .all() as RawRow[];
    return rows.map((row) => ({
      ...row,
      data: JSON.parse(row.data) as Record<string, unknown>,
      metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    }));
  } finally {
    db.close();
  }
}

/** The stored events with these ids, in log order. */
export function storedEvents(dataDir: string, eventIds: readonly string[]): StoredRow[] {
  return readEventLog(dataDir).filter((row) => eventIds.includes(row.eventId));
}
