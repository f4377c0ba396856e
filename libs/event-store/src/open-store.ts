import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EventStore } from './event-store.port';
import { makeDirectory } from './make-directory';
import { ConnectRetryOptions, DEFAULT_CONNECT_RETRY } from './eventstoredb/connect-retry';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { StoreSelection } from './store-selection';

export type { ConnectRetryOptions } from './eventstoredb/connect-retry';

/** What opening a store may be told beyond its selection; everything has a default. */
export interface OpenStoreOptions {
  /**
   * EventStoreDB: how long to keep trying while the server cannot be reached (default 60 s, for a
   * server started beside the ledger or a cluster still electing its leader), and `onRetry` to log
   * each retry. The store logs nothing itself.
   */
  readonly connectRetry?: ConnectRetryOptions;
  /**
   * SQLite: where appends are written (`SqliteEventStore`'s `writer`). A server keeps the default,
   * a writer thread, so its event loop goes on serving while a commit waits for the disk; a
   * command-line run that appends one command after another is faster in-process, without a hop to
   * the thread and back for every append.
   */
  readonly sqliteWriter?: 'thread' | 'in-process';
  /**
   * EventStoreDB: the data directory, where the ledger index is kept (`esdbLogIndexFile`), so
   * that an open reads only the log's events since the last one indexed. Without it the index is
   * kept in memory and built from the whole log at every open.
   */
  readonly dataDir?: string;
}

/**
 * On EventStoreDB, the file in the data directory that keeps the ledger index of the server at
 * `url` (see `SqliteLedgerIndex`). One file per connection string: a process sharing the data
 * directory but pointed at another server then keeps an index of its own, where a shared file
 * would be started again by each in turn. The string is hashed, since it may hold a password.
 */
export function esdbLogIndexFile(url: string): string {
  return `log-index-${createHash('sha256').update(url).digest('hex').slice(0, 16)}.sqlite`;
}

/** Opens the selected store: the one place that knows every adapter. */
export async function openStore(selection: StoreSelection, options: OpenStoreOptions = {}): Promise<EventStore> {
  switch (selection.kind) {
    case 'sqlite':
      makeDirectory(dirname(selection.file));
      return SqliteEventStore.open(selection.file, options.sqliteWriter === undefined ? {} : { writer: options.sqliteWriter });
    case 'postgres':
      return PostgresEventStore.open({ connectionString: selection.url, schema: selection.schema, ...selection.waits });
    case 'eventstoredb': {
      const connectRetry = { ...DEFAULT_CONNECT_RETRY, ...options.connectRetry };
      if (options.dataDir === undefined) return EventStoreDbEventStore.open({ connectionString: selection.url, connectRetry });
      makeDirectory(options.dataDir);
      return EventStoreDbEventStore.open({ connectionString: selection.url, connectRetry, indexFile: join(options.dataDir, esdbLogIndexFile(selection.url)) });
    }
    default: {
      const unhandled: never = selection;
      return unhandled;
    }
  }
}

/**
 * Whether the selected store holds a ledger, found without creating one: for the commands that
 * only read, so that a mistyped setting is an error rather than an empty ledger left behind.
 * An EventStoreDB server creates nothing until something is written, so it always "exists".
 */
export async function storeExists(selection: StoreSelection): Promise<boolean> {
  switch (selection.kind) {
    case 'sqlite':
      return existsSync(selection.file);
    case 'postgres':
      return PostgresEventStore.exists({ connectionString: selection.url, schema: selection.schema, ...selection.waits });
    case 'eventstoredb':
      return true;
    default: {
      const unhandled: never = selection;
      return unhandled;
    }
  }
}
