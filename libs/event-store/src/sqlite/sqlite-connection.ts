import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../event-store.errors';
import { migrateSqliteSchema } from './sqlite-schema';

export const IN_MEMORY_PATH = ':memory:';

/** The pragmas an open connection actually runs with, as SQLite reports them. */
export interface SqliteConnectionSettings {
  readonly journalMode: string;
  /** 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
  readonly synchronous: number;
  readonly busyTimeoutMs: number;
}

/** Opens the file with the pragmas the store's guarantees rest on, and migrates the schema. */
export function openSqliteConnection(filePath: string, busyTimeoutMs: number): Database.Database {
  return openSqliteDatabase(filePath, busyTimeoutMs, 'event store', migrateSqliteSchema);
}

/**
 * Opens the file, sets the pragmas every table of the ledger's file relies on (the event store's
 * and those beside it: webhooks, API keys), then lets `prepare` create what it needs. Any failure
 * (missing directory, no permission, not a database, WAL refused) becomes a
 * `StoreUnavailableError` naming `what` and the path.
 */
export function openSqliteDatabase(filePath: string, busyTimeoutMs: number, what: string, prepare: (db: Database.Database) => void): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(filePath, { timeout: busyTimeoutMs });
    // Set first so the pragmas and migration below wait for another process's lock.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // WAL lets readers (subscriptions, other processes) read while one writer appends.
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal' && filePath !== IN_MEMORY_PATH) {
      throw new Error(`the file system refused WAL journal mode (got ${String(journalMode)})`);
    }
    // An acknowledged append must survive a power loss, not only a crash of this process. In WAL
    // mode, synchronous=NORMAL fsyncs the WAL only at checkpoints, so commits made since the last
    // checkpoint are lost if the machine (not the process) goes down; FULL fsyncs the WAL at every
    // commit. Appends share that cost: the store group-commits what arrives together (see GroupCommit).
    db.pragma('synchronous = FULL');
    prepare(db);
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailableError(`cannot open SQLite ${what} at ${filePath}: ${reason}`, { cause: error });
  }
}

export function readConnectionSettings(db: Database.Database): SqliteConnectionSettings {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
  };
}
