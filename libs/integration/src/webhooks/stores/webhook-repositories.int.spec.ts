import Database from 'better-sqlite3';
import { SideTablePlaces, TEST_PG_URL } from '@concord/event-store/testing/side-table-places';
import { withAdminClient } from '@concord/event-store/postgres/testing/test-schemas';
import { finishedWhileLocked } from '@concord/event-store/sqlite/testing/event-loop-while-locked';
import { webhookRepositoryContract } from '../../testing/webhook-repository.contract';
import { InMemoryWebhookRepository } from './in-memory-webhook-repository';
import { PostgresWebhookRepository } from './postgres-webhook-repository';
import { SqliteWebhookRepository } from './sqlite-webhook-repository';

const places = new SideTablePlaces('webhooks');
afterAll(() => places.removeAll());

webhookRepositoryContract('in-memory', async () => new InMemoryWebhookRepository());

webhookRepositoryContract('SQLite', async () => SqliteWebhookRepository.open(places.sqliteFile()));

webhookRepositoryContract('PostgreSQL', async () => PostgresWebhookRepository.open(TEST_PG_URL, await places.postgresSchema()));

describe('SQLite webhook repository, while another process holds the write lock of its file', () => {
  // Deliveries write their state after every event, and leases as they go: waiting for the lock must leave every other request running.
  it('writes once the lock is let go, with the event loop free meanwhile', async () => {
    const file = places.sqliteFile();
    const repository = SqliteWebhookRepository.open(file);
    try {
      const finished = await finishedWhileLocked(file, () => repository.releaseLease('no-such-webhook', 'holder'));

      expect(finished).toEqual(['timer', 'write']);
    } finally {
      await repository.close();
    }
  });
});

/** A `webhooks` table as versions before secret rotation made it, with one registration in it. */
const TABLE_BEFORE_ROTATION = `
  CREATE TABLE webhooks (
    webhook_id TEXT PRIMARY KEY, owner_key_id TEXT NOT NULL, url TEXT NOT NULL, types TEXT, body_id TEXT, description TEXT,
    secret TEXT NOT NULL, created_at TEXT NOT NULL, status TEXT NOT NULL, delivered_through INTEGER NOT NULL,
    consecutive_failures INTEGER NOT NULL, last_error TEXT, last_attempt_at TEXT, next_attempt_at TEXT, last_delivered_at TEXT,
    version INTEGER NOT NULL, lease_holder TEXT, lease_until_ms INTEGER NOT NULL DEFAULT 0);
  INSERT INTO webhooks VALUES ('00000000-0000-4000-8000-000000000abc', 'integrator-a', 'https://receiver.example.org/hook', NULL, NULL, NULL,
    'whsec_b2xk', '2025-01-01T00:00:00.000Z', 'active', 12, 0, NULL, NULL, NULL, NULL, 3, NULL, 0);`;

describe.each<[string, () => Promise<SqliteWebhookRepository | PostgresWebhookRepository>]>([
  [
    'SQLite',
    async () => {
      const file = places.sqliteFile();
      const db = new Database(file);
      db.exec(TABLE_BEFORE_ROTATION);
      db.close();
      return SqliteWebhookRepository.open(file);
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = await places.postgresSchema();
      await withAdminClient(TEST_PG_URL, (client) => client.query(`SET search_path TO ${schema}; ${TABLE_BEFORE_ROTATION}`));
      return PostgresWebhookRepository.open(TEST_PG_URL, schema);
    },
  ],
])('%s webhook repository, on a table made before secrets could be rotated', (_store, openOld) => {
  it('reads its registrations with no previous secret, and keeps one from then on', async () => {
    const repository = await openOld();
    try {
      const old = await repository.get('00000000-0000-4000-8000-000000000abc');
      expect(old).toMatchObject({ secret: 'whsec_b2xk', previousSecrets: [], deliveredThrough: 12, version: 3 });
      const previousSecrets = [{ secret: 'whsec_b2xk', expiresAt: '2025-01-02T00:00:00.000Z' }];
      const saved = await repository.saveRegistration(old!.webhookId, 3, { ...old!, secret: 'whsec_bmV3', previousSecrets }, old!);
      expect(saved).toMatchObject({ secret: 'whsec_bmV3', previousSecrets, version: 4 });
    } finally {
      await repository.close();
    }
  });
});
