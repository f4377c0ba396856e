import { EventStore, InMemoryEventStore, StoreUnavailableError } from '@concord/event-store';
import { DEFAULT_CONSENSUS_POLICY } from '@concord/governance';
import { firstRuleBroken } from './rule-check';

describe('firstRuleBroken', () => {
  it('says a store that stopped answering is unavailable, not that it holds a row the rules refuse', async () => {
    const store = new InMemoryEventStore();
    const unavailable = new StoreUnavailableError('the database connection ended');
    const failing = Object.assign(Object.create(store) as EventStore, {
      readAll: async () => {
        throw unavailable;
      },
    });
    await expect(firstRuleBroken(failing, 5, DEFAULT_CONSENSUS_POLICY)).rejects.toBe(unavailable);
  });
});
