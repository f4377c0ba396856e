import { join } from 'node:path';
import { StoreSelection } from '@concord/event-store';
import { PostgresWebhookRepository } from './stores/postgres-webhook-repository';
import { SqliteWebhookRepository } from './stores/sqlite-webhook-repository';
import { WebhookRepository } from './webhook-repository';

export const ESDB_WEBHOOKS_FILE = 'webhooks.sqlite';

/**
 * Webhooks live in the ledger's own database: the SQLite file, or the PostgreSQL schema. EventStoreDB
 * has no tables and keeping them in its log would make them ledger events, so on that store they
 * live in a SQLite file in the data directory, which makes webhook delivery a single-instance
 * matter there (see the README).
 */
export async function openWebhookRepository(selection: StoreSelection, dataDir: string): Promise<WebhookRepository> {
  switch (selection.kind) {
    case 'sqlite':
      return SqliteWebhookRepository.open(selection.file);
    case 'postgres':
      return PostgresWebhookRepository.open(selection.url, `"${selection.schema}"`, selection.waits);
    case 'eventstoredb':
      return SqliteWebhookRepository.open(join(dataDir, ESDB_WEBHOOKS_FILE));
    default: {
      const unhandled: never = selection;
      return unhandled;
    }
  }
}
