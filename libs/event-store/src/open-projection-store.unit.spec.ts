import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryProjectionStore } from './in-memory/in-memory-projection-store';
import { ESDB_READ_SIDE_FILE, openProjectionStore } from './open-projection-store';
import { SqliteProjectionStore } from './sqlite/sqlite-projection-store';

// The kinds kept beside the events are opened by the SQLite and PostgreSQL integration specs.
describe('openProjectionStore', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'concord-projection-store-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the rows in memory for a :memory: SQLite ledger, which no second connection could open', async () => {
    const store = await openProjectionStore({ kind: 'sqlite', file: ':memory:' }, dataDir);
    try {
      expect(store).toBeInstanceOf(InMemoryProjectionStore);
    } finally {
      await store.close();
    }
  });

  it('keeps the rows of an EventStoreDB ledger in a file of the data directory, from one start to the next', async () => {
    const selection = { kind: 'eventstoredb', url: 'esdb://127.0.0.1:1?tls=false' } as const;
    const first = await openProjectionStore(selection, join(dataDir, 'not-yet-made'));
    try {
      expect(first).toBeInstanceOf(SqliteProjectionStore);
      expect((first as SqliteProjectionStore).filePath).toBe(join(dataDir, 'not-yet-made', ESDB_READ_SIDE_FILE));
      await first.commit('read-side', [{ collection: 'bodies', id: 'kp', key: 'kp', position: 7, value: { name: 'Kimberley Process' } }], 7);
    } finally {
      await first.close();
    }
    const second = await openProjectionStore(selection, join(dataDir, 'not-yet-made'));
    try {
      expect(await second.checkpoint('read-side')).toBe(7);
      expect(await second.rows('read-side', 'bodies', { upTo: 7 })).toEqual([
        { collection: 'bodies', id: 'kp', key: 'kp', position: 7, value: { name: 'Kimberley Process' } },
      ]);
    } finally {
      await second.close();
    }
  });
});
