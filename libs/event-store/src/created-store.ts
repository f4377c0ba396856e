import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { IN_MEMORY_PATH } from './sqlite/sqlite-connection';
import { StoreSelection } from './store-selection';

/** Removes the store a start created, unless an event was recorded in it meanwhile. */
export type DiscardCreatedStore = () => Promise<void>;

/**
 * Asked before a start opens its store: when the store does not exist yet, so that opening it
 * creates it (a SQLite file, a PostgreSQL schema), a function that removes it again. A start
 * refused once the store is open (a mistyped file or schema beside a data directory that names
 * another ledger) then leaves no stray, empty ledger for the operator to find. An EventStoreDB
 * server creates nothing until something is written: nothing to remove.
 */
export async function discardIfCreated(selection: StoreSelection): Promise<DiscardCreatedStore | undefined> {
  switch (selection.kind) {
    case 'sqlite': {
      const { file } = selection;
      if (file === IN_MEMORY_PATH || existsSync(file)) return undefined;
      return async () => removeSqliteFileWithoutEvents(file);
    }
    case 'postgres': {
      const options = { connectionString: selection.url, schema: selection.schema, ...selection.waits };
      if (await PostgresEventStore.schemaExists(options)) return undefined;
      return async () => {
        await PostgresEventStore.dropIfWithoutEvents(options);
      };
    }
    case 'eventstoredb':
      return undefined;
    default: {
      const unhandled: never = selection;
      return unhandled;
    }
  }
}

function removeSqliteFileWithoutEvents(file: string): void {
  if (!existsSync(file)) return;
  const database = new Database(file, { fileMustExist: true });
  let holdsEvents: boolean;
  try {
    const table = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    holdsEvents = table !== undefined && database.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined;
  } finally {
    database.close();
  }
  if (holdsEvents) return;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}
