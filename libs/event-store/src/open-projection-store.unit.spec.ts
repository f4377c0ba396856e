import { InMemoryProjectionStore } from './in-memory/in-memory-projection-store';
import { openProjectionStore } from './open-projection-store';

// The persisted kinds are opened by the SQLite and PostgreSQL integration specs.
describe('openProjectionStore', () => {
  it.each([
    ['a :memory: SQLite ledger, which no second connection could open', { kind: 'sqlite', file: ':memory:' } as const],
    ['EventStoreDB, which does not keep projection rows yet', { kind: 'eventstoredb', url: 'esdb://127.0.0.1:1?tls=false' } as const],
  ])('keeps the rows in memory for %s', async (_, selection) => {
    const store = await openProjectionStore(selection);
    try {
      expect(store).toBeInstanceOf(InMemoryProjectionStore);
    } finally {
      await store.close();
    }
  });
});
