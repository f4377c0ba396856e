import { dirname, join } from 'node:path';
import { InMemoryProjectionStore } from './in-memory/in-memory-projection-store';
import { makeDirectory } from './make-directory';
import { PostgresProjectionStore } from './postgres/postgres-projection-store';
import { ProjectionStore } from './projection-store.port';
import { IN_MEMORY_PATH } from './sqlite/sqlite-connection';
import { SqliteProjectionStore } from './sqlite/sqlite-projection-store';
import { StoreSelection } from './store-selection';

/** On EventStoreDB, the file in the data directory that keeps the projection rows. */
export const ESDB_READ_SIDE_FILE = 'read-side.sqlite';

/**
 * Opens where the selected ledger keeps its projection rows: beside the events, in the same SQLite
 * file or PostgreSQL schema. EventStoreDB has no tables, so there the rows go to a SQLite file in
 * `dataDir`, shared by the processes that share that directory; what is derived from the log can
 * always be folded again, and the read side checks at each start that its rows were folded from
 * the log it now reads. A `:memory:` SQLite ledger (a private database no second connection can
 * open) keeps them in memory, so its read side folds from position 1 on every start.
 */
export async function openProjectionStore(selection: StoreSelection, dataDir: string): Promise<ProjectionStore> {
  switch (selection.kind) {
    case 'sqlite':
      if (selection.file === IN_MEMORY_PATH) return new InMemoryProjectionStore();
      makeDirectory(dirname(selection.file));
      return SqliteProjectionStore.open(selection.file);
    case 'postgres':
      return PostgresProjectionStore.open({ connectionString: selection.url, schema: selection.schema, ...selection.waits });
    case 'eventstoredb':
      makeDirectory(dataDir);
      return SqliteProjectionStore.open(join(dataDir, ESDB_READ_SIDE_FILE), { what: 'read side' });
    default: {
      const unhandled: never = selection;
      return unhandled;
    }
  }
}
