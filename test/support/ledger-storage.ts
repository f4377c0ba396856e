import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { StoreSelection } from '../../libs/event-store/src/store-selection';

/** Which store the end-to-end suite runs the ledger on: `CONCORD_E2E_STORE=sqlite|postgres`. */
export const E2E_STORE = process.env.CONCORD_E2E_STORE === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_PG_URL = process.env.CONCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Where one ledger keeps its data: a data directory (keys, and the SQLite file) and, on
 * PostgreSQL, a schema of its own, so that tests never see each other's events.
 */
export interface LedgerStorage {
  readonly dataDir: string;
  readonly selection: StoreSelection;
  /** The settings that point a ledger process at this storage. */
  readonly env: Readonly<Record<string, string>>;
}

export function newStorage(store: 'sqlite' | 'postgres' = E2E_STORE): LedgerStorage {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-e2e-'));
  if (store === 'sqlite') return { dataDir, selection: { kind: 'sqlite', file: join(dataDir, 'ledger.sqlite') }, env: {} };
  const schema = `e2e_${randomBytes(6).toString('hex')}`;
  return {
    dataDir,
    selection: { kind: 'postgres', url: TEST_PG_URL, schema },
    env: { CONCORD_STORE: 'postgres', CONCORD_STORE_URL: TEST_PG_URL, CONCORD_STORE_SCHEMA: schema },
  };
}

export async function removeStorage(storage: LedgerStorage): Promise<void> {
  rmSync(storage.dataDir, { recursive: true, force: true });
  if (storage.selection.kind !== 'postgres') return;
  const client = new Client({ connectionString: storage.selection.url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${storage.selection.schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
