import { randomBytes } from 'node:crypto';
import { aBatch } from '../contract/event-fixtures';
import { StoreUnavailableError } from '../event-store.errors';
import { PostgresEventStore } from './postgres-event-store';
import { postgresForTests } from './testing/postgres-for-tests';
import { dropSchema, freshSchemaName, withAdminClient } from './testing/test-schemas';

/**
 * What a database administrator may do to a running ledger's database: rename its schema, take
 * the ledger's rights on it away. Until it is put back, every call fails as the store being
 * unavailable (503 with Retry-After in the API, /health included), not as a fault of the ledger's
 * (500); once it is back, the store carries on by itself.
 */
const postgres = postgresForTests();

if (postgres.mode === 'unavailable') {
  if (process.env['CI']) throw new Error(`the administered-database tests cannot run: ${postgres.reason} (set CONCORD_TEST_PG_URL)`);
  console.warn(`PostgresEventStore administered-database tests SKIPPED: ${postgres.reason}. Start PostgreSQL or set CONCORD_TEST_PG_URL.`);
  describe(`PostgresEventStore under an administrator (SKIPPED: ${postgres.reason})`, () => {
    it.skip('needs a reachable PostgreSQL (set CONCORD_TEST_PG_URL)', () => undefined);
  });
} else {
  describe('PostgresEventStore under an administrator', () => {
    beforeAll(() => postgres.start(), 180_000);
    afterAll(() => postgres.stop());

    const admin = <T>(work: Parameters<typeof withAdminClient<T>>[1]): Promise<T> => withAdminClient(postgres.url(), work);

    it('is unavailable while its schema is renamed away, and carries on when it is back', async () => {
      const schema = freshSchemaName();
      const store = await PostgresEventStore.open({ connectionString: postgres.url(), schema });
      try {
        await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });
        await admin((client) => client.query(`ALTER SCHEMA ${client.escapeIdentifier(schema)} RENAME TO ${client.escapeIdentifier(`${schema}_away`)}`));
        await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.append('s', aBatch(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(StoreUnavailableError);
        await admin((client) => client.query(`ALTER SCHEMA ${client.escapeIdentifier(`${schema}_away`)} RENAME TO ${client.escapeIdentifier(schema)}`));
        await store.append('s', aBatch(1), { expectedRevision: 0 });
        expect(await store.headPosition()).toBe(2);
      } finally {
        await store.close();
        await dropSchema(postgres.url(), `${schema}_away`);
        await dropSchema(postgres.url(), schema);
      }
    });

    // The role owns its schema and has no CREATE on the database: all a ledger needs.
    it('opens on a schema of its own, is unavailable while its rights on it are revoked, and carries on when they are back', async () => {
      const schema = freshSchemaName();
      const role = `concord_test_role_${randomBytes(4).toString('hex')}`;
      const url = new URL(postgres.url());
      url.username = role;
      url.password = '';
      await admin(async (client) => {
        await client.query(`CREATE ROLE ${client.escapeIdentifier(role)} LOGIN`);
        await client.query(`CREATE SCHEMA ${client.escapeIdentifier(schema)} AUTHORIZATION ${client.escapeIdentifier(role)}`);
      });
      let store: PostgresEventStore | undefined;
      try {
        store = await PostgresEventStore.open({ connectionString: url.toString(), schema });
        await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });
        await admin(async (client) => {
          await client.query(`ALTER SCHEMA ${client.escapeIdentifier(schema)} OWNER TO CURRENT_USER`);
          await client.query(`REVOKE ALL ON SCHEMA ${client.escapeIdentifier(schema)} FROM ${client.escapeIdentifier(role)}`);
        });
        await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.append('s', aBatch(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(StoreUnavailableError);
        await admin((client) => client.query(`ALTER SCHEMA ${client.escapeIdentifier(schema)} OWNER TO ${client.escapeIdentifier(role)}`));
        expect(await store.headPosition()).toBe(1);
      } finally {
        await store?.close();
        await dropSchema(postgres.url(), schema);
        await admin(async (client) => {
          await client.query(`DROP OWNED BY ${client.escapeIdentifier(role)}`);
          await client.query(`DROP ROLE ${client.escapeIdentifier(role)}`);
        });
      }
    });
  });
}
