import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A schema name no other test uses, so each test starts from an empty store. */
export function freshSchemaName(): string {
  return `concord_test_${randomBytes(6).toString('hex')}`;
}

/** Runs `work` on a connection of the test's own, outside any store, and closes it. */
export async function withAdminClient<T>(connectionString: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(connectionString: string, schema: string): Promise<void> {
  // The name is one freshSchemaName made: a plain identifier, so quoting is enough.
  await withAdminClient(connectionString, (client) => client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`));
}
