import type { Pool } from 'pg';
import { pgDriver } from './pg-driver';
import { StoreUnavailableError } from '../event-store.errors';
import { reasonOf } from './postgres-errors';
import { PostgresSettings } from './postgres-options';
import { migratePostgresSchema } from './postgres-schema';
import { poolWaits } from './postgres-waits';

const APPLICATION_NAME = 'concord-ledger event store';

/**
 * The server ends a session left idle inside a transaction this long. An append holds the append
 * lock for a few round trips; if its process freezes (or is stopped in a debugger) mid-append,
 * this is what frees the lock for every other writer of the ledger.
 */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

/** Waiting for another process's migration: generous, since a migration may rewrite a table. */
const MIGRATION_LOCK_TIMEOUT_MS = 120_000;

/**
 * The store's pool. `lock_timeout` bounds the wait for the append lock (and any other lock) so
 * that an append fails with `StoreUnavailableError` instead of hanging behind a stuck writer; the
 * query timeout does the same for a server that stops answering.
 */
export function createEventPool(settings: PostgresSettings): Pool {
  const pool = new (pgDriver().Pool)({
    connectionString: settings.connectionString,
    max: settings.poolSize,
    ...poolWaits(settings),
    lock_timeout: settings.lockTimeoutMs,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    application_name: APPLICATION_NAME,
  });
  // An idle pooled connection that the server drops (restart, pg_terminate_backend, network)
  // makes the pool emit 'error'; with no listener Node would crash the process. The pool has
  // already discarded that connection and the next query opens a new one, or fails and is
  // reported as StoreUnavailableError to its caller, so there is nothing more to do here.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Migrates on a connection of its own rather than a pooled one, so that it can wait longer for the
 * migration lock than appends wait for theirs, and so that the store opens only once the server
 * has been reached and the schema is ready.
 */
export async function migrateOnOwnConnection(settings: PostgresSettings): Promise<void> {
  const client = new (pgDriver().Client)({
    connectionString: settings.connectionString,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    lock_timeout: MIGRATION_LOCK_TIMEOUT_MS,
    // No query timeout: a migration may rewrite a table. Keepalive at least finds a vanished peer.
    keepAlive: true,
    application_name: APPLICATION_NAME,
  });
  // Same reason as the pool's listener: a dropped connection must fail the query, not the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await migratePostgresSchema(client, settings.schema);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * What a store of the schema opens on: the schema migrated first (so it opens only once the server
 * is reached and the schema is ready), then a pool. `what` names the store in the error.
 */
export async function openMigratedPool(settings: PostgresSettings, what: string): Promise<Pool> {
  try {
    await migrateOnOwnConnection(settings);
  } catch (error) {
    throw new StoreUnavailableError(`cannot open PostgreSQL ${what} at ${settings.target}: ${reasonOf(error)}`, { cause: error });
  }
  return createEventPool(settings);
}

/** Whether the schema's events table exists, read on a connection of its own that changes nothing. */
export async function ledgerTableExists(settings: PostgresSettings): Promise<boolean> {
  const client = new (pgDriver().Client)({
    connectionString: settings.connectionString,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    query_timeout: settings.queryTimeoutMs,
    application_name: APPLICATION_NAME,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [`${settings.quotedSchema}.events`]);
    return result.rows[0]?.found === true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
