import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { keyRegistryContract } from './key-registry.contract';
import { InMemoryKeyRegistry } from './in-memory-key-registry';
import { PostgresKeyRegistry } from './postgres-key-registry';
import { SqliteKeyRegistry } from './sqlite-key-registry';

const PG_URL = process.env.CONCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const directories: string[] = [];
const schemas: string[] = [];

afterAll(async () => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  if (schemas.length === 0) return;
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

keyRegistryContract('in-memory', async () => new InMemoryKeyRegistry());

keyRegistryContract('SQLite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'concord-keys-'));
  directories.push(directory);
  return SqliteKeyRegistry.open(join(directory, 'ledger.sqlite'));
});

keyRegistryContract('PostgreSQL', async () => {
  const schema = `keys_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  return PostgresKeyRegistry.open(PG_URL, `"${schema}"`);
});
