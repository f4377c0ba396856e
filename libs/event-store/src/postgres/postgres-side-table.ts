import type { Pool } from 'pg';
import { pgDriver } from './pg-driver';
import { inTransaction } from './postgres-transaction';
import { poolWaits, PostgresWaits } from './postgres-waits';

export interface SideTablePool {
  readonly connectionString: string;
  /** The schema, quoted as an identifier; it must exist already (the event store creates it). */
  readonly quotedSchema: string;
  /** The table's name in that schema, unquoted: it names the lock that creating it takes. */
  readonly table: string;
  /** `CREATE TABLE IF NOT EXISTS` and its indexes. */
  readonly createTable: string;
  readonly poolSize: number;
  readonly applicationName: string;
  readonly waits?: PostgresWaits;
}

/**
 * A pool for a table kept beside the ledger's events (webhooks, API keys), opened once the table
 * exists. Instances starting together would race on `CREATE TABLE IF NOT EXISTS`, so they take
 * turns under an advisory lock named after the table.
 */
export async function openSideTablePool(settings: SideTablePool): Promise<Pool> {
  const pool = new (pgDriver().Pool)({
    connectionString: settings.connectionString,
    max: settings.poolSize,
    application_name: settings.applicationName,
    ...poolWaits(settings.waits ?? {}),
  });
  // A dropped idle connection must fail the next query, not the process.
  pool.on('error', () => undefined);
  try {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${settings.quotedSchema}.${settings.table}`]);
      await client.query(settings.createTable);
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return pool;
}
