import Database from 'better-sqlite3';
import { neverWaitOnTheEventLoop, openSqliteDatabase, writeWhenUnlocked } from '@concord/event-store';
import { IssuedKey, KEY_COLUMNS, KeyNameTakenError, KeyRegistry, KeyRow, keyValues, toIssuedKey } from './key-registry';

const BUSY_TIMEOUT_MS = 5000;

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS api_keys (
    key_id       TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    digest       TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT,
    revoked_by   TEXT
  ) STRICT;
  CREATE UNIQUE INDEX IF NOT EXISTS api_keys_name_in_use ON api_keys (name) WHERE revoked_at IS NULL;
`;

const SELECT = `SELECT ${KEY_COLUMNS.join(', ')} FROM api_keys`;

/** Issued keys in the ledger's SQLite file, a table beside `events` on a connection of its own. */
export class SqliteKeyRegistry implements KeyRegistry {
  private constructor(
    private readonly db: Database.Database,
    private readonly statements: ReturnType<typeof prepare>,
  ) {}

  static open(filePath: string): SqliteKeyRegistry {
    const db = openSqliteDatabase(filePath, BUSY_TIMEOUT_MS, 'API keys', (opened) => opened.exec(CREATE_TABLE));
    // Its writes (a key's last use, on every request it makes) wait for another connection's write lock without blocking the event loop.
    neverWaitOnTheEventLoop(db);
    return new SqliteKeyRegistry(db, prepare(db));
  }

  async issue(key: IssuedKey): Promise<void> {
    try {
      const values = keyValues(key);
      await writeWhenUnlocked(() => this.statements.insert.run(...values), BUSY_TIMEOUT_MS);
    } catch (error) {
      // Matched by message: native errors from another realm (Jest) fail instanceof.
      if (/UNIQUE constraint failed: api_keys\.name/.test((error as Error).message)) throw new KeyNameTakenError(key.name);
      throw error;
    }
  }

  async list(): Promise<IssuedKey[]> {
    return this.statements.list.all().map(toIssuedKey);
  }

  async get(keyId: string): Promise<IssuedKey | undefined> {
    const row = this.statements.get.get(keyId);
    return row && toIssuedKey(row);
  }

  async findByDigest(digest: string): Promise<IssuedKey | undefined> {
    const row = this.statements.byDigest.get(digest);
    return row && toIssuedKey(row);
  }

  async revoke(keyId: string, at: string, by: string): Promise<IssuedKey | undefined> {
    await writeWhenUnlocked(() => this.statements.revoke.run(at, by, keyId), BUSY_TIMEOUT_MS);
    return this.get(keyId);
  }

  async markUsed(keyId: string, at: string): Promise<void> {
    await writeWhenUnlocked(() => this.statements.markUsed.run(at, keyId), BUSY_TIMEOUT_MS);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare<(string | null)[]>(`INSERT INTO api_keys (${KEY_COLUMNS.join(', ')}) VALUES (${KEY_COLUMNS.map(() => '?').join(', ')})`),
    list: db.prepare<[], KeyRow>(`${SELECT} ORDER BY created_at, key_id`),
    get: db.prepare<[string], KeyRow>(`${SELECT} WHERE key_id = ?`),
    byDigest: db.prepare<[string], KeyRow>(`${SELECT} WHERE digest = ?`),
    revoke: db.prepare<[string, string, string]>('UPDATE api_keys SET revoked_at = ?, revoked_by = ? WHERE key_id = ? AND revoked_at IS NULL'),
    markUsed: db.prepare<[string, string]>('UPDATE api_keys SET last_used_at = ? WHERE key_id = ?'),
  };
}
