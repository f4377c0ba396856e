import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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

/**
 * A copy of a stopped ledger's storage, to run on or tamper with while the original stays as it
 * was: its data directory (keys, and the SQLite file) and, on PostgreSQL, every table of its schema
 * with its rows, constraints (under the same names, which the store reads in errors) and indexes.
 */
export async function copyStorage(original: LedgerStorage): Promise<LedgerStorage> {
  const source = original.selection;
  if (source.kind !== 'sqlite' && source.kind !== 'postgres') throw new Error(`no copies of ${source.kind} storage`);
  const copy = newStorage(source.kind);
  cpSync(original.dataDir, copy.dataDir, { recursive: true });
  if (source.kind === 'postgres' && copy.selection.kind === 'postgres') await copySchema(source.url, source.schema, copy.selection.schema);
  return copy;
}

async function copySchema(url: string, from: string, to: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await refuseWhatACopyWouldMiss(client, from);
    await client.query(`CREATE SCHEMA "${to}"`);
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
      [from],
    );
    for (const { name } of tables.rows) {
      await client.query(`CREATE TABLE "${to}"."${name}" (LIKE "${from}"."${name}" INCLUDING DEFAULTS)`);
      await client.query(`INSERT INTO "${to}"."${name}" SELECT * FROM "${from}"."${name}"`);
      const constraints = await client.query<{ name: string; definition: string; type: string }>(
        `SELECT conname AS name, pg_get_constraintdef(oid) AS definition, contype AS type FROM pg_constraint WHERE conrelid = $1::regclass AND contype <> 'n'`,
        [`"${from}"."${name}"`],
      );
      for (const constraint of constraints.rows) {
        if (constraint.type === 'f') throw new Error(`copyStorage does not copy foreign keys (${from}.${name}.${constraint.name})`);
        await client.query(`ALTER TABLE "${to}"."${name}" ADD CONSTRAINT "${constraint.name}" ${constraint.definition}`);
      }
      const indexes = await client.query<{ definition: string }>(
        `SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
        [`"${from}"."${name}"`],
      );
      for (const { definition } of indexes.rows) {
        const onCopy = definition.replace(` ON ${from}.`, ` ON "${to}".`);
        if (onCopy === definition) throw new Error(`cannot place index on the copy: ${definition}`);
        await client.query(onCopy);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/** The copy is of plain tables with their constraints and indexes; anything else in the schema would be missed or shared with the original. */
async function refuseWhatACopyWouldMiss(client: Client, schema: string): Promise<void> {
  const { rows } = await client.query<{ what: string }>(
    `SELECT 'sequence ' || sequence_name AS what FROM information_schema.sequences WHERE sequence_schema = $1
     UNION ALL SELECT 'view ' || table_name FROM information_schema.views WHERE table_schema = $1
     UNION ALL SELECT 'trigger ' || trigger_name FROM information_schema.triggers WHERE trigger_schema = $1
     UNION ALL SELECT 'routine ' || routine_name FROM information_schema.routines WHERE routine_schema = $1
     UNION ALL SELECT 'column ' || table_name || '.' || column_name FROM information_schema.columns
       WHERE table_schema = $1 AND (is_identity = 'YES' OR is_generated = 'ALWAYS')`,
    [schema],
  );
  if (rows.length > 0) throw new Error(`copyStorage copies plain tables only; ${schema} also has ${rows.map((row) => row.what).join(', ')}`);
}
