import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { InMemoryProjectionStore } from './in-memory/in-memory-projection-store';
import { PostgresProjectionStore } from './postgres/postgres-projection-store';
import { ProjectionStore } from './projection-store.port';
import { IN_MEMORY_PATH } from './sqlite/sqlite-connection';
import { SqliteProjectionStore } from './sqlite/sqlite-projection-store';
import { StoreSelection } from './store-selection';

/**
 * Opens where the selected ledger keeps its projection rows: beside the events, in the same SQLite
 * file or PostgreSQL schema. Kept in memory instead, so that the read side folds from position 1 on
 * every start, for a `:memory:` SQLite ledger (a private database no second connection can open)
 * and for EventStoreDB, which does not keep projection rows yet.
 */
export async function openProjectionStore(selection: StoreSelection): Promise<ProjectionStore> {
  switch (selection.kind) {
    case 'sqlite':
      if (selection.file === IN_MEMORY_PATH) return new InMemoryProjectionStore();
      mkdirSync(dirname(selection.file), { recursive: true });
      return SqliteProjectionStore.open(selection.file);
    case 'postgres':
      return PostgresProjectionStore.open({ connectionString: selection.url, schema: selection.schema });
    case 'eventstoredb':
      return new InMemoryProjectionStore();
    default: {
      const unhandled: never = selection;
      return unhandled;
    }
  }
}
