import { SideTablePlaces, TEST_PG_URL } from '@concord/event-store/testing/side-table-places';
import { webhookRepositoryContract } from '../../testing/webhook-repository.contract';
import { InMemoryWebhookRepository } from './in-memory-webhook-repository';
import { PostgresWebhookRepository } from './postgres-webhook-repository';
import { SqliteWebhookRepository } from './sqlite-webhook-repository';

const places = new SideTablePlaces('webhooks');
afterAll(() => places.removeAll());

webhookRepositoryContract('in-memory', async () => new InMemoryWebhookRepository());

webhookRepositoryContract('SQLite', async () => SqliteWebhookRepository.open(places.sqliteFile()));

webhookRepositoryContract('PostgreSQL', async () => PostgresWebhookRepository.open(TEST_PG_URL, await places.postgresSchema()));
