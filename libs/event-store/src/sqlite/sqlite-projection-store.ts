import type { Database, Statement, Transaction } from 'better-sqlite3';
import { StoreUnavailableError } from '../event-store.errors';
import { ProjectionRow, ProjectionRowQuery, ProjectionStore } from '../projection-store.port';
import { assertName, deserializeRow, SerializedProjectionRow, serializeCommit, upToOf } from '../shared/projection-rows';
import { openSqliteDatabase } from './sqlite-connection';
import { migrateSqliteSchema } from './sqlite-schema';
import { toStoreError } from './sqlite-errors';
import { neverWaitOnTheEventLoop, writeWhenUnlocked } from './sqlite-lock-wait';

export interface SqliteProjectionStoreOptions {
  /**
   * How long a commit waits for the file's write lock (held by the event store's writer thread or
   * another process) before failing with `StoreUnavailableError`. It waits in pauses that leave
   * the event loop free (`writeWhenUnlocked`), never in SQLite's busy handler. Default 5000 ms.
   */
  readonly busyTimeoutMs?: number;
  /** What the file is called in an error that it cannot be opened; by default the event store, whose file it shares. */
  readonly what?: string;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const ROW_COLUMNS = 'collection, id, key, position, value';

type RowValues = [projection: string, collection: string, id: string, key: string, position: number, value: string];

interface Statements {
  readonly checkpoint: Statement<[string], number>;
  readonly rowsOfKey: Statement<[string, string, string, number], SerializedProjectionRow>;
  readonly rowsOfAllKeys: Statement<[string, string, number], SerializedProjectionRow>;
  readonly storeRow: Statement<RowValues>;
  readonly advanceCheckpoint: Statement<[string, number]>;
  readonly deleteRows: Statement<[string]>;
  readonly deleteCheckpoint: Statement<[string]>;
}

/**
 * Projection rows in the ledger's SQLite file, beside the events (migration 2). It opens a
 * connection of its own, so it never shares a transaction with the event store; each commit is one
 * `BEGIN IMMEDIATE` transaction, which takes the file's write lock up front and so waits its turn
 * behind appends (up to the busy timeout) instead of failing on a lock upgrade halfway through.
 * The connection is the event loop's, so it waits without blocking it (`writeWhenUnlocked`).
 */
export class SqliteProjectionStore implements ProjectionStore {
  private readonly statements: Statements;
  private readonly commitRows: Transaction<
    (projection: string, rows: readonly SerializedProjectionRow[], checkpoint: number, ifCheckpointAtLeast: number | undefined) => boolean
  >;
  private readonly forget: Transaction<(projection: string, ifCheckpoint: number | undefined) => boolean>;
  private closed = false;

  /** Opens (creating and migrating if needed) the ledger file at `filePath`. */
  static async open(filePath: string, options: SqliteProjectionStoreOptions = {}): Promise<SqliteProjectionStore> {
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) throw new TypeError(`busyTimeoutMs must be an integer >= 0, got ${String(busyTimeoutMs)}`);
    const db = openSqliteDatabase(filePath, busyTimeoutMs, options.what ?? 'event store', migrateSqliteSchema);
    neverWaitOnTheEventLoop(db);
    return new SqliteProjectionStore(db, filePath, busyTimeoutMs);
  }

  private constructor(
    private readonly db: Database,
    readonly filePath: string,
    private readonly busyTimeoutMs: number,
  ) {
    const statements = prepareStatements(db);
    this.statements = statements;
    this.commitRows = db.transaction(
      (projection: string, rows: readonly SerializedProjectionRow[], checkpoint: number, ifCheckpointAtLeast: number | undefined) => {
        if (ifCheckpointAtLeast !== undefined && (statements.checkpoint.get(projection) ?? 0) < ifCheckpointAtLeast) return false;
        for (const row of rows) statements.storeRow.run(projection, row.collection, row.id, row.key, row.position, row.value);
        statements.advanceCheckpoint.run(projection, checkpoint);
        return true;
      },
    );
    this.forget = db.transaction((projection: string, ifCheckpoint: number | undefined) => {
      if (ifCheckpoint !== undefined && (statements.checkpoint.get(projection) ?? 0) !== ifCheckpoint) return false;
      statements.deleteRows.run(projection);
      statements.deleteCheckpoint.run(projection);
      return true;
    });
  }

  async checkpoint(projection: string): Promise<number> {
    return this.use(() => this.statements.checkpoint.get(projection) ?? 0);
  }

  async rows(projection: string, collection: string, query: ProjectionRowQuery): Promise<ProjectionRow[]> {
    const upTo = upToOf(query);
    return this.use(() => {
      const rows =
        query.key === undefined
          ? this.statements.rowsOfAllKeys.all(projection, collection, upTo)
          : this.statements.rowsOfKey.all(projection, collection, query.key, upTo);
      return rows.map(deserializeRow);
    });
  }

  async commit(projection: string, rows: readonly ProjectionRow[], checkpoint: number, ifCheckpointAtLeast?: number): Promise<boolean> {
    this.assertOpen();
    const serialized = serializeCommit(projection, rows, checkpoint);
    return this.write(() => this.commitRows.immediate(projection, serialized, checkpoint, ifCheckpointAtLeast));
  }

  async reset(projection: string, ifCheckpoint?: number): Promise<boolean> {
    assertName('projection', projection);
    return this.write(() => this.forget.immediate(projection, ifCheckpoint));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private use<T>(work: () => T): T {
    this.assertOpen();
    try {
      return work();
    } catch (error) {
      throw toStoreError(error, this.filePath);
    }
  }

  /** A write: waits for another connection's write lock without blocking the event loop, and not on a closed connection. */
  private async write<T>(work: () => T): Promise<T> {
    try {
      return await writeWhenUnlocked(() => {
        this.assertOpen();
        return work();
      }, this.busyTimeoutMs);
    } catch (error) {
      throw toStoreError(error, this.filePath);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError(`SQLite projection store at ${this.filePath} is closed`);
  }
}

function prepareStatements(db: Database): Statements {
  // ORDER BY id compares UTF-8 bytes (BINARY), i.e. code points, as the port's other adapters do.
  const rowsOf = (keyFilter: string): string =>
    `SELECT ${ROW_COLUMNS} FROM projection_rows WHERE projection = ? AND collection = ?${keyFilter} AND position <= ? ORDER BY position, id`;
  return {
    checkpoint: db.prepare<[string], number>('SELECT position FROM projection_checkpoints WHERE projection = ?').pluck(),
    rowsOfKey: db.prepare<[string, string, string, number], SerializedProjectionRow>(rowsOf(' AND key = ?')),
    rowsOfAllKeys: db.prepare<[string, string, number], SerializedProjectionRow>(rowsOf('')),
    // The WHERE: a row from further on in the log is never replaced by one from before it.
    storeRow: db.prepare<RowValues>(
      `INSERT INTO projection_rows (projection, ${ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (projection, collection, id) DO UPDATE SET key = excluded.key, position = excluded.position, value = excluded.value
       WHERE projection_rows.position <= excluded.position`,
    ),
    // MAX: a process that commits late (it folded the same events more slowly) never moves it back.
    advanceCheckpoint: db.prepare<[string, number]>(
      'INSERT INTO projection_checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = MAX(position, excluded.position)',
    ),
    deleteRows: db.prepare<[string]>('DELETE FROM projection_rows WHERE projection = ?'),
    deleteCheckpoint: db.prepare<[string]>('DELETE FROM projection_checkpoints WHERE projection = ?'),
  };
}
