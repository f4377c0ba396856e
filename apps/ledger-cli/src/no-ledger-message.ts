import { join } from 'node:path';
import { describeStore, StoreSelection } from '@concord/event-store';

/**
 * What a command says where it finds no ledger: where it looked, and the settings that chose that
 * place on this kind of store, the likeliest mistake first. A schema mistyped on PostgreSQL must be
 * told to set CONCORD_STORE_SCHEMA: CONCORD_DATA_DIR, which it used to be told, plays no part there.
 * `purpose` ends the first part, as in "to back up".
 */
export function noLedgerMessage(store: StoreSelection, dataDir: string, purpose = ''): string {
  return `there is no ledger at ${describeStore(store).replace(/^sqlite /, '')}${purpose}; ${settingsToCorrect(store, dataDir)}`;
}

function settingsToCorrect(store: StoreSelection, dataDir: string): string {
  switch (store.kind) {
    case 'sqlite':
      // The file is the data directory's unless CONCORD_STORE_URL names another; an API on a server is found only with CONCORD_STORE.
      return store.file === join(dataDir, 'ledger.sqlite')
        ? "set CONCORD_DATA_DIR to the API's (or CONCORD_STORE_URL to its SQLite file, or CONCORD_STORE to the kind of store it runs on)"
        : "set CONCORD_STORE_URL to the API's SQLite file (or CONCORD_STORE to the kind of store it runs on)";
    case 'postgres':
      return "set CONCORD_STORE_SCHEMA (and CONCORD_STORE_URL) to the API's";
    case 'eventstoredb':
      return "set CONCORD_STORE_URL to the API's";
  }
}
