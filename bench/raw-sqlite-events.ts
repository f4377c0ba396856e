import Database from 'better-sqlite3';
import type { EventToAppend } from '@concord/event-store';

/**
 * A minimal SQLite event store for the peer benchmark's work, on the ledger's own driver with the
 * same durability (WAL, synchronous=FULL) and the same layout (rows in log order, an index by
 * stream and revision): an append checks its stream's last revision against the expected one and
 * inserts one row, in one transaction; a read selects the stream's rows by the index and parses
 * each event's JSON. No command ids, no event-id uniqueness, no hashes, no transparency tree, no
 * validation. It shows what the driver and the disk leave for a store's own work, measured beside
 * the stores compared; it is not a store to use.
 */
export class RawSqliteEvents {
  private readonly db: Database.Database;
  private readonly lastRevision: Database.Statement<[string], number | null>;
  private readonly insert: Database.Statement<[string, number, string, string, string]>;
  private readonly select: Database.Statement<[string], [string, string]>;
  private readonly appendInTransaction: Database.Transaction<(stream: string, expected: number, event: EventToAppend) => void>;

  constructor(fileName: string) {
    this.db = new Database(fileName);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE events (
      position INTEGER PRIMARY KEY,
      stream TEXT NOT NULL,
      revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL,
      UNIQUE (stream, revision)
    )`);
    this.lastRevision = this.db.prepare<[string], number | null>('SELECT MAX(revision) FROM events WHERE stream = ?').pluck();
    this.insert = this.db.prepare('INSERT INTO events (stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)');
    this.select = this.db.prepare<[string], [string, string]>('SELECT data, metadata FROM events WHERE stream = ? ORDER BY revision').raw();
    this.appendInTransaction = this.db.transaction((stream: string, expected: number, event: EventToAppend) => {
      const actual = this.lastRevision.get(stream) ?? -1;
      if (actual !== expected) throw new Error(`${stream} is at revision ${actual}, not ${expected}`);
      this.insert.run(stream, expected + 1, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
    });
  }

  /** `expected` is the stream's last revision, -1 for a new stream. Durable when it returns. */
  append(stream: string, expected: number, event: EventToAppend): void {
    this.appendInTransaction.immediate(stream, expected, event);
  }

  read(stream: string): unknown[] {
    return this.select.all(stream).map(([data, metadata]) => ({ data: JSON.parse(data) as unknown, metadata: JSON.parse(metadata) as unknown }));
  }

  close(): void {
    this.db.close();
  }
}
