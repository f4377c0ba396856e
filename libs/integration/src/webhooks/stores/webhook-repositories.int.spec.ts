import { SideTablePlaces, TEST_PG_URL } from '@concord/event-store/testing/side-table-places';
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
