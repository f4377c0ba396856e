import type { Database } from 'better-sqlite3';
import { LOG_TREE_FROM_NODES, LOG_TREE_TABLE } from './sqlite-tree-table';

/** The log tree's first layout (migration 3), kept to bring files that have it up to date. */
const LOG_TREE_NODES_TABLE = `
  CREATE TABLE IF NOT EXISTS log_tree_nodes (
    level INTEGER NOT NULL,
    idx   INTEGER NOT NULL,
    hash  BLOB NOT NULL,
    PRIMARY KEY (level, idx)
  ) STRICT, WITHOUT ROWID;
`;

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The schema as an ordered list of migrations; add new ones at the end, never edit applied ones.
 * Each statement is idempotent (`IF NOT EXISTS`) so a file whose version table was lost, or two
 * processes opening a new file at once, still end up with one schema.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create events',
    sql: `
      CREATE TABLE IF NOT EXISTS events (
        -- The global position: assigned inside the append's write transaction, so gapless.
        position        INTEGER PRIMARY KEY,
        event_id        TEXT    NOT NULL UNIQUE,
        stream          TEXT    NOT NULL,
        stream_revision INTEGER NOT NULL,
        type            TEXT    NOT NULL,
        schema_version  INTEGER NOT NULL,
        data            TEXT    NOT NULL,
        metadata        TEXT    NOT NULL,
        command_id      TEXT    NOT NULL,
        UNIQUE (stream, stream_revision)
      ) STRICT;
      CREATE INDEX IF NOT EXISTS events_by_command_id ON events (command_id);
    `,
  },
  {
    version: 2,
    name: 'create projection rows',
    sql: `
      -- The read side's rows beside the log (see SqliteProjectionStore); value is JSON text.
      CREATE TABLE IF NOT EXISTS projection_rows (
        projection TEXT    NOT NULL,
        collection TEXT    NOT NULL,
        id         TEXT    NOT NULL,
        key        TEXT    NOT NULL,
        position   INTEGER NOT NULL,
        value      TEXT    NOT NULL,
        PRIMARY KEY (projection, collection, id)
      ) STRICT;
      -- Readers ask for one key's rows up to a position, in position order.
      CREATE INDEX IF NOT EXISTS projection_rows_by_key ON projection_rows (projection, collection, key, position);
      CREATE TABLE IF NOT EXISTS projection_checkpoints (
        projection TEXT    PRIMARY KEY NOT NULL,
        position   INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'create the log tree nodes',
    // Appends extend the transparency log's tree in their own transaction (SqliteLogTree).
    sql: LOG_TREE_NODES_TABLE,
  },
  {
    version: 4,
    name: 'store the log tree by where each node ends',
    // The earlier table is created first in case a transparency store opening this file moved it already.
    sql: `${LOG_TREE_TABLE}${LOG_TREE_NODES_TABLE}${LOG_TREE_FROM_NODES}`,
  },
];

export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the file's schema up to date inside one write transaction. */
export function migrateSqliteSchema(db: Database): void {
  const migrate = db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT    NOT NULL,
        applied_at TEXT    NOT NULL
      ) STRICT;
    `);
    const applied = new Set(db.prepare<[], number>('SELECT version FROM schema_migrations').pluck().all());
    const newest = Math.max(0, ...applied);
    if (newest > SQLITE_SCHEMA_VERSION)
      throw new Error(
        `${db.name} is at migration ${newest}, newer than this build knows (${SQLITE_SCHEMA_VERSION}); refusing to use it: run the version of the ledger that migrated it`,
      );
    const record = db.prepare<[number, string, string]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  });
  // IMMEDIATE takes the write lock up front, so two processes migrating one file take turns.
  migrate.immediate();
}
