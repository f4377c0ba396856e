import type { Pool } from 'pg';
import { openSideTablePool, PostgresWaits } from '@concord/event-store';
import { IssuedKey, KEY_COLUMNS, KeyNameTakenError, KeyRegistry, KeyRow, keyValues, toIssuedKey } from './key-registry';

const POOL_SIZE = 2;
const UNIQUE_VIOLATION = '23505';

function createTable(schema: string): string {
  return `
    CREATE TABLE IF NOT EXISTS ${schema}.api_keys (
      key_id       text PRIMARY KEY,
      name         text NOT NULL,
      role         text NOT NULL,
      digest       text NOT NULL UNIQUE,
      created_at   text NOT NULL,
      created_by   text NOT NULL,
      last_used_at text,
      revoked_at   text,
      revoked_by   text
    );
    CREATE UNIQUE INDEX IF NOT EXISTS api_keys_name_in_use ON ${schema}.api_keys (name) WHERE revoked_at IS NULL;`;
}

/** Issued keys in the ledger's PostgreSQL schema: every instance on the database sees a revocation at once. */
export class PostgresKeyRegistry implements KeyRegistry {
  private readonly select: string;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {
    this.select = `SELECT ${KEY_COLUMNS.join(', ')} FROM ${table}`;
  }

  static async open(connectionString: string, quotedSchema: string, waits: PostgresWaits = {}): Promise<PostgresKeyRegistry> {
    const pool = await openSideTablePool({
      connectionString,
      quotedSchema,
      table: 'api_keys',
      createTable: createTable(quotedSchema),
      poolSize: POOL_SIZE,
      applicationName: 'concord-ledger keys',
      waits,
    });
    return new PostgresKeyRegistry(pool, `${quotedSchema}.api_keys`);
  }

  async issue(key: IssuedKey): Promise<void> {
    const placeholders = KEY_COLUMNS.map((_, index) => `$${index + 1}`).join(', ');
    try {
      await this.pool.query(`INSERT INTO ${this.table} (${KEY_COLUMNS.join(', ')}) VALUES (${placeholders})`, keyValues(key));
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === UNIQUE_VIOLATION && constraint === 'api_keys_name_in_use') throw new KeyNameTakenError(key.name);
      throw error;
    }
  }

  async list(): Promise<IssuedKey[]> {
    return (await this.pool.query<KeyRow>(`${this.select} ORDER BY created_at, key_id`)).rows.map(toIssuedKey);
  }

  async get(keyId: string): Promise<IssuedKey | undefined> {
    const row = (await this.pool.query<KeyRow>(`${this.select} WHERE key_id = $1`, [keyId])).rows[0];
    return row && toIssuedKey(row);
  }

  async findByDigest(digest: string): Promise<IssuedKey | undefined> {
    const row = (await this.pool.query<KeyRow>(`${this.select} WHERE digest = $1`, [digest])).rows[0];
    return row && toIssuedKey(row);
  }

  async revoke(keyId: string, at: string, by: string): Promise<IssuedKey | undefined> {
    await this.pool.query(`UPDATE ${this.table} SET revoked_at = $1, revoked_by = $2 WHERE key_id = $3 AND revoked_at IS NULL`, [at, by, keyId]);
    return this.get(keyId);
  }

  async markUsed(keyId: string, at: string): Promise<void> {
    await this.pool.query(`UPDATE ${this.table} SET last_used_at = $1 WHERE key_id = $2`, [at, keyId]);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
