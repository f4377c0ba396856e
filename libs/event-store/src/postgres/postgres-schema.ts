import type { ClientBase } from 'pg';
import { advisoryLockKey } from './postgres-advisory-locks';
import { quoteSchemaName } from './postgres-schema-name';

/** Named so that a unique violation says which rule was broken (see `postgres-errors.ts`). */
export const STREAM_REVISION_CONSTRAINT = 'events_stream_revision_unique';
export const EVENT_ID_CONSTRAINT = 'events_event_id_unique';

interface Migration {
  readonly version: number;
  readonly name: string;
  /** The migration's statements for the quoted schema name. */
  sql(schema: string): string;
}

/**
 * The schema as an ordered list of migrations; add new ones at the end, never edit applied ones.
 * Each runs in its own transaction with its version record (DDL is transactional in PostgreSQL),
 * so a migration is either applied and recorded or neither.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create events',
    sql: (schema) => `
      CREATE TABLE ${schema}.events (
        -- Assigned by the append while it holds the append lock: gapless and in commit order.
        position        BIGINT  PRIMARY KEY CHECK (position > 0),
        stream          TEXT    NOT NULL,
        stream_revision INTEGER NOT NULL CHECK (stream_revision >= 0),
        event_id        UUID    NOT NULL CONSTRAINT ${EVENT_ID_CONSTRAINT} UNIQUE,
        type            TEXT    NOT NULL,
        schema_version  INTEGER NOT NULL,
        -- JSON, not JSONB: JSONB refuses the escape \\u0000 (it cannot live in a text value), which
        -- JSON.stringify writes for a NUL character and the contract requires to round-trip. JSON
        -- keeps the text exactly as written (key order too) and still checks that it is JSON.
        data            JSON    NOT NULL,
        metadata        JSON    NOT NULL,
        command_id      TEXT    NOT NULL,
        CONSTRAINT ${STREAM_REVISION_CONSTRAINT} UNIQUE (stream, stream_revision)
      );
      CREATE INDEX events_by_command_id ON ${schema}.events (command_id);
    `,
  },
  {
    version: 2,
    name: 'create projection rows',
    sql: (schema) => `
      -- The read side's rows beside the log (see PostgresProjectionStore). value is JSON, not
      -- JSONB, for the reason given for events.data: the NUL escape must round-trip.
      CREATE TABLE ${schema}.projection_rows (
        projection TEXT   NOT NULL,
        collection TEXT   NOT NULL,
        id         TEXT   NOT NULL,
        key        TEXT   NOT NULL,
        position   BIGINT NOT NULL,
        value      JSON   NOT NULL,
        PRIMARY KEY (projection, collection, id)
      );
      -- Readers ask for one key's rows up to a position, in position order.
      CREATE INDEX projection_rows_by_key ON ${schema}.projection_rows (projection, collection, key, position);
      CREATE TABLE ${schema}.projection_checkpoints (
        projection TEXT   PRIMARY KEY,
        position   BIGINT NOT NULL
      );
    `,
  },
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Creates the schema if needed and applies the missing migrations. Processes starting at once
 * take turns on a session advisory lock: without it, both would see migration 1 as missing and
 * the second would fail on `CREATE TABLE` (even `CREATE SCHEMA IF NOT EXISTS` can fail with a
 * unique violation when two sessions race on it).
 */
export async function migratePostgresSchema(client: ClientBase, schema: string): Promise<void> {
  const quoted = quoteSchemaName(schema);
  const lockKey = advisoryLockKey('migrate', schema);
  await client.query('SELECT pg_advisory_lock($1::bigint)', [lockKey]);
  try {
    // One transaction: a migration that fails (a schema of another application, holding a table of
    // the same name) leaves the schema as it found it, not with a table of the ledger's added.
    await client.query('BEGIN');
    try {
      await migrateInTransaction(client, schema, quoted);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    // A lost connection releases the lock by itself; then this fails too, and the first error wins.
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey]).catch(() => undefined);
  }
}

async function migrateInTransaction(client: ClientBase, schema: string, quoted: string): Promise<void> {
  // Asked first: `CREATE SCHEMA IF NOT EXISTS` needs CREATE on the database even when the schema
  // is there, which a ledger given a schema of its own (and no more) does not have.
  const { rowCount } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (rowCount === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
  await client.query(`
    CREATE TABLE IF NOT EXISTS ${quoted}.schema_migrations (
      version    INTEGER     PRIMARY KEY,
      name       TEXT        NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )
  `);
  const applied = await appliedVersions(client, quoted);
  const newest = Math.max(0, ...applied);
  if (newest > POSTGRES_SCHEMA_VERSION) {
    throw new Error(`schema ${schema} is at migration ${newest}, newer than this build knows (${POSTGRES_SCHEMA_VERSION}); refusing to use it`);
  }
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    await client.query(migration.sql(quoted));
    await client.query(`INSERT INTO ${quoted}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
  }
}

async function appliedVersions(client: ClientBase, quoted: string): Promise<Set<number>> {
  const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${quoted}.schema_migrations`);
  return new Set(rows.map((row) => row.version));
}
