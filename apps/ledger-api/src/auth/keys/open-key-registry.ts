import { join } from 'node:path';
import { makeDirectory, StoreSelection } from '@concord/event-store';
import { KeyRegistry } from './key-registry';
import { PostgresKeyRegistry } from './postgres-key-registry';
import { SqliteKeyRegistry } from './sqlite-key-registry';

export const ESDB_KEYS_FILE = 'keys.sqlite';

/**
 * Issued keys live in the ledger's own database: the SQLite file or the PostgreSQL schema.
 * EventStoreDB has no tables, and keys are not ledger events, so there they live in a SQLite file
 * in the data directory, seen by the instances that share that directory only.
 */
export async function openKeyRegistry(selection: StoreSelection, dataDir: string): Promise<KeyRegistry> {
  switch (selection.kind) {
    case 'sqlite':
      return SqliteKeyRegistry.open(selection.file);
    case 'postgres':
      return PostgresKeyRegistry.open(selection.url, `"${selection.schema}"`, selection.waits);
    case 'eventstoredb':
      makeDirectory(dataDir);
      return SqliteKeyRegistry.open(join(dataDir, ESDB_KEYS_FILE));
    default: {
      const unhandled: never = selection;
      return unhandled;
    }
  }
}
