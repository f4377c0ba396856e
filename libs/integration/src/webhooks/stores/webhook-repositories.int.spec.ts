import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { webhookRepositoryContract } from '../../testing/webhook-repository.contract';
import { InMemoryWebhookRepository } from './in-memory-webhook-repository';
import { PostgresWebhookRepository } from './postgres-webhook-repository';
import { SqliteWebhookRepository } from './sqlite-webhook-repository';

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

webhookRepositoryContract('in-memory', async () => new InMemoryWebhookRepository());

webhookRepositoryContract('SQLite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'concord-webhooks-'));
  directories.push(directory);
  return SqliteWebhookRepository.open(join(directory, 'ledger.sqlite'));
});

webhookRepositoryContract('PostgreSQL', async () => {
  const schema = `webhooks_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  return PostgresWebhookRepository.open(PG_URL, `"${schema}"`);
});
