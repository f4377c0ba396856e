import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';

/**
 * An event of the log as its row holds it, in the order the columns are read: nothing parsed, and
 * nothing assumed of a row's kinds (a row written by hand may hold a number where text belongs).
 */
export type LogPageRow = readonly [
  position: number,
  stream: unknown,
  eventId: unknown,
  type: unknown,
  schemaVersion: unknown,
  data: unknown,
  metadata: unknown,
];

/**
 * Reads the log of a SQLite file on a connection of its own that only reads: for a thread that
 * goes through the log beside the one that folds it (the read side's vetting thread).
 */
export class SqliteLogPages {
  private constructor(
    private readonly db: Database.Database,
    private readonly page: Statement<[number, number, number], LogPageRow>,
  ) {}

  static open(file: string, busyTimeoutMs = 5000): SqliteLogPages {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
    const page = db
      .prepare<[number, number, number], LogPageRow>(
        'SELECT position, stream, event_id, type, schema_version, data, metadata FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?',
      )
      .raw(true);
    return new SqliteLogPages(db, page);
  }

  /** The events after `after`, up to `upTo`, at most `limit` of them. */
  read(after: number, upTo: number, limit: number): LogPageRow[] {
    return this.page.all(after, upTo, limit);
  }

  close(): void {
    this.db.close();
  }
}
