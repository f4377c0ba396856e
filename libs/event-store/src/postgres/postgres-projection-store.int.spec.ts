import { tmpdir } from 'node:os';
import { Client, escapeIdentifier } from 'pg';
import { aBatch } from '../contract/event-fixtures';
import { aRow, describeProjectionStoreContract } from '../contract/projection-store.contract';
import { StoreUnavailableError } from '../event-store.errors';
import { openProjectionStore } from '../open-projection-store';
import { ProjectionRow, ProjectionStore } from '../projection-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { PostgresProjectionStore } from './postgres-projection-store';
import { postgresForTests } from './testing/postgres-for-tests';
import { dropSchema, freshSchemaName, withAdminClient } from './testing/test-schemas';

const postgres = postgresForTests();
/** The server's URL, known once `beforeAll` has started it (a container) or at once (configured). */
const pgUrl = (): string => {
  if (postgres.mode === 'unavailable') throw new Error(postgres.reason);
  return postgres.url();
};
const UNREACHABLE_URL = 'postgres://postgres:not-for-your-eyes@127.0.0.1:1/test';
const EVERYTHING = { upTo: Number.MAX_SAFE_INTEGER };

if (postgres.mode !== 'unavailable') {
  beforeAll(() => postgres.start(), 180_000);
  afterAll(() => postgres.stop());
  describePostgresContract();
  describePostgresSpecifics();
} else {
  const why = postgres.reason;
  // On CI a missing database is a broken pipeline, not a reason to go green.
  if (process.env['CI']) throw new Error(`PostgresProjectionStore integration tests cannot run: ${why} (set CONCORD_TEST_PG_URL)`);
  console.warn(`PostgresProjectionStore integration tests SKIPPED: ${why}. Start PostgreSQL or set CONCORD_TEST_PG_URL.`);
  describe(`PostgresProjectionStore (SKIPPED: ${why})`, () => {
    it.skip('needs a reachable PostgreSQL (set CONCORD_TEST_PG_URL)', () => undefined);
  });
}

function describePostgresContract(): void {
  let schema: string;
  describeProjectionStoreContract('PostgresProjectionStore in a fresh schema', {
    durable: true,
    setUp: async () => {
      schema = freshSchemaName();
    },
    open: () => PostgresProjectionStore.open({ connectionString: pgUrl(), schema }),
    tearDown: () => dropSchema(pgUrl(), schema),
  });
}

function describePostgresSpecifics(): void {
  describe('PostgresProjectionStore on PostgreSQL', () => {
    let schema: string;
    let opened: { close(): Promise<void> }[];

    const open = async (): Promise<PostgresProjectionStore> => {
      const store = await PostgresProjectionStore.open({ connectionString: pgUrl(), schema });
      opened.push(store);
      return store;
    };
    const admin = <T>(work: (client: Client) => Promise<T>): Promise<T> => withAdminClient(pgUrl(), work);
    const table = (name: string): string => `${escapeIdentifier(schema)}.${name}`;

    beforeEach(() => {
      schema = freshSchemaName();
      opened = [];
    });

    afterEach(async () => {
      for (const store of opened) await store.close();
      await dropSchema(pgUrl(), schema);
    });

    it('rolls back the whole commit when the database refuses a row in a later chunk', async () => {
      const store = await open();
      await store.commit('ledger', [aRow({ id: 'before', position: 1 })], 1);
      await admin(async (client) => {
        await client.query(`CREATE FUNCTION ${table('refuse_poison')}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.id = 'poison' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$`);
        await client.query(
          `CREATE TRIGGER refuse_poison BEFORE INSERT ON ${table('projection_rows')} FOR EACH ROW EXECUTE FUNCTION ${table('refuse_poison')}()`,
        );
      });
      // Ids sort before 'poison', so whole chunks are inserted before it is refused.
      const rows: ProjectionRow[] = Array.from({ length: 12_000 }, (_, index) => aRow({ id: `a-${String(index).padStart(5, '0')}`, position: 2 }));

      await expect(store.commit('ledger', [...rows, aRow({ id: 'poison', position: 3 })], 3)).rejects.toThrow('poisoned row');

      expect((await store.rows('ledger', 'proposals', EVERYTHING)).map((row) => row.id)).toEqual(['before']);
      expect(await store.checkpoint('ledger')).toBe(1);
    });

    it('stores 100,000 rows in one commit', async () => {
      const store = await open();
      const rows = Array.from({ length: 100_000 }, (_, index) =>
        aRow({ id: `r${index}`, key: `body-${index % 10}`, position: 1 + (index % 1000), value: { index } }),
      );

      await store.commit('ledger', rows, 1000);

      expect(await store.rows('ledger', 'proposals', EVERYTHING)).toHaveLength(100_000);
      const keyed = await store.rows('ledger', 'proposals', { key: 'body-3', upTo: 4 });
      expect(keyed.map((row) => row.id).sort()).toEqual(
        rows
          .filter((row) => row.key === 'body-3' && row.position <= 4)
          .map((row) => row.id)
          .sort(),
      );
      expect(keyed).toHaveLength(100);
      expect(await store.checkpoint('ledger')).toBe(1000);
    }, 60_000);

    it('shares the schema with the event store, which appends and reads as before', async () => {
      const projections = await open();
      await projections.commit('ledger', [aRow({ id: 'p1' })], 1);
      const events = await PostgresEventStore.open({ connectionString: pgUrl(), schema });
      opened.push(events);

      const appended = await events.append('s', aBatch(2), { expectedRevision: 'no-stream' });

      expect(appended).toMatchObject({ firstPosition: 1, lastPosition: 2 });
      expect((await events.readAll()).map((event) => event.position)).toEqual([1, 2]);
      expect(await projections.checkpoint('ledger')).toBe(1);
    });

    it('creates the projection tables in migration 2, with JSON values and BIGINT positions', async () => {
      await open();

      const columns = await admin((client) =>
        client.query<{ table_name: string; column_name: string; data_type: string }>(
          "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name LIKE 'projection_%' ORDER BY table_name, ordinal_position",
          [schema],
        ),
      );
      expect(columns.rows.map((row) => `${row.table_name}.${row.column_name} ${row.data_type}`)).toEqual([
        'projection_checkpoints.projection text',
        'projection_checkpoints.position bigint',
        'projection_rows.projection text',
        'projection_rows.collection text',
        'projection_rows.id text',
        'projection_rows.key text',
        'projection_rows.position bigint',
        'projection_rows.value json',
      ]);
    });

    it('is what openProjectionStore opens for a PostgreSQL ledger', async () => {
      const store: ProjectionStore = await openProjectionStore({ kind: 'postgres', url: pgUrl(), schema }, tmpdir());
      opened.push(store);
      await store.commit('ledger', [aRow({ id: 'p1' })], 1);

      expect(store).toBeInstanceOf(PostgresProjectionStore);
      const checkpoints = await admin((client) => client.query(`SELECT projection, position FROM ${table('projection_checkpoints')}`));
      expect(checkpoints.rows).toEqual([{ projection: 'ledger', position: '1' }]);
    });

    it('fails to open with StoreUnavailableError naming the server but never the password', async () => {
      const error = await PostgresProjectionStore.open({ connectionString: UNREACHABLE_URL, schema, connectTimeoutMs: 1000 }).then(
        () => undefined,
        (failure: unknown) => failure,
      );

      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain('127.0.0.1:1/test');
      expect((error as Error).message).not.toContain('not-for-your-eyes');
    });
  });
}
