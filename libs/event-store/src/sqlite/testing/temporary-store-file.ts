/// <reference types="jest" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, SqliteEventStoreOptions } from '../sqlite-event-store';

export interface TemporaryStoreFile {
  /** The test's own directory, and the ledger file in it (not created until a store opens it). */
  readonly dir: string;
  readonly path: string;
  /** A store on the file; every store opened so is closed after the test. */
  open(options?: SqliteEventStoreOptions): Promise<SqliteEventStore>;
}

/** A fresh directory and ledger file for each test of the enclosing describe, removed after it. */
export function useTemporaryStoreFile(prefix: string): TemporaryStoreFile {
  let dir = '';
  let opened: SqliteEventStore[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    opened = [];
  });
  afterEach(async () => {
    for (const store of opened) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get path() {
      return join(dir, 'events.db');
    },
    async open(options = {}) {
      const store = await SqliteEventStore.open(join(dir, 'events.db'), { pollIntervalMs: 20, ...options });
      opened.push(store);
      return store;
    },
  };
}
