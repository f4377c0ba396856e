import { join } from 'node:path';
import { makeDirectory, StoreSelection } from '@concord/event-store';
import { InMemoryTransparencyStore } from './in-memory-transparency-store';
import { PostgresTransparencyStore } from './postgres-transparency-store';
import { SqliteTransparencyStore } from './sqlite-transparency-store';
import { TransparencyStore } from './transparency-store.port';

export const ESDB_TRANSPARENCY_FILE = 'transparency.sqlite';

/**
 * The tree and its checkpoints live beside the log in the ledger's own database (the SQLite file,
 * the PostgreSQL schema); on EventStoreDB, which has no tables, in a SQLite file in the data
 * directory. A ledger in memory keeps them in memory too.
 */
export async function openTransparencyStore(selection: StoreSelection, dataDir: string): Promise<TransparencyStore> {
  switch (selection.kind) {
    case 'sqlite':
      return selection.file === ':memory:' ? new InMemoryTransparencyStore() : SqliteTransparencyStore.open(selection.file, { extendedByAppends: true });
    case 'postgres':
      return PostgresTransparencyStore.open(selection.url, `"${selection.schema}"`, selection.waits);
    case 'eventstoredb':
      makeDirectory(dataDir);
      return SqliteTransparencyStore.open(join(dataDir, ESDB_TRANSPARENCY_FILE));
    default: {
      const unhandled: never = selection;
      return unhandled;
    }
  }
}
