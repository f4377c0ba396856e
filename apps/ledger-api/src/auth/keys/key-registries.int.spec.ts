import { SideTablePlaces, TEST_PG_URL } from '@concord/event-store/testing/side-table-places';
import { finishedWhileLocked } from '@concord/event-store/sqlite/testing/event-loop-while-locked';
import { keyRegistryContract } from './key-registry.contract';
import { InMemoryKeyRegistry } from './in-memory-key-registry';
import { PostgresKeyRegistry } from './postgres-key-registry';
import { SqliteKeyRegistry } from './sqlite-key-registry';

const places = new SideTablePlaces('keys');
afterAll(() => places.removeAll());

keyRegistryContract('in-memory', async () => new InMemoryKeyRegistry());

keyRegistryContract('SQLite', async () => SqliteKeyRegistry.open(places.sqliteFile()));

keyRegistryContract('PostgreSQL', async () => PostgresKeyRegistry.open(TEST_PG_URL, await places.postgresSchema()));

describe('SQLite key registry, while another process holds the write lock of its file', () => {
  // A key's last use is written on every request it makes: waiting for the lock must leave every other request running.
  it('writes the last use of a key once the lock is let go, with the event loop free meanwhile', async () => {
    const file = places.sqliteFile();
    const registry = SqliteKeyRegistry.open(file);
    try {
      const finished = await finishedWhileLocked(file, () => registry.markUsed('no-such-key', '2026-01-01T00:00:00.000Z'));

      expect(finished).toEqual(['timer', 'write']);
    } finally {
      await registry.close();
    }
  });
});
