import { aBatch } from '../contract/event-fixtures';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { SharedEsdbClients } from './shared-esdb-clients';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { FakeEsdbServer } from './testing/fake-esdb-server';

describe('SharedEsdbClients', () => {
  let made: Array<{ connectionString: string; client: FakeEsdbClient }>;
  let clients: SharedEsdbClients;
  const server = new FakeEsdbServer();

  beforeEach(() => {
    made = [];
    clients = new SharedEsdbClients((connectionString) => {
      const client = new FakeEsdbClient(server);
      made.push({ connectionString, client });
      return client;
    });
  });

  it('makes one client per connection string, however many acquire it', () => {
    clients.acquire('esdb://one:2113');
    clients.acquire('esdb://one:2113');
    clients.acquire('esdb://two:2113');

    expect(made.map(({ connectionString }) => connectionString)).toEqual(['esdb://one:2113', 'esdb://two:2113']);
    expect(clients.openClients).toBe(2);
  });

  it('disposes the client when its last holder releases it, not before', async () => {
    const first = clients.acquire('esdb://one:2113');
    const second = clients.acquire('esdb://one:2113');
    const shared = made[0]?.client;

    await first.dispose();
    expect(shared?.isDisposed).toBe(false);
    await expect(second.appendToStream('s', [], { expectedRevision: 'any' })).resolves.toBeDefined();

    await second.dispose();
    expect(shared?.isDisposed).toBe(true);
    expect(clients.openClients).toBe(0);
  });

  it('counts a handle released twice once, and refuses calls on a released handle', async () => {
    const first = clients.acquire('esdb://one:2113');
    clients.acquire('esdb://one:2113');

    await first.dispose();
    await first.dispose();

    expect(made[0]?.client.isDisposed).toBe(false);
    expect(() => first.readStream('s')).toThrow(/disposed/);
  });

  it('makes a fresh client for whoever acquires after the last one was disposed', async () => {
    await clients.acquire('esdb://one:2113').dispose();

    clients.acquire('esdb://one:2113');

    expect(made).toHaveLength(2);
    expect(made[1]?.client.isDisposed).toBe(false);
  });

  it('ends the subscriptions a holder opened when it releases the client, and only those', async () => {
    const first = clients.acquire('esdb://one:2113');
    const second = clients.acquire('esdb://one:2113');
    first.subscribeToStream('s');
    second.subscribeToStream('s');
    const shared = made[0]?.client;
    expect(shared?.openSubscriptions).toBe(2);

    await first.dispose();

    expect(shared?.openSubscriptions).toBe(1);
  });

  it('lets two stores on one connection string share a client: closing one leaves the other working', async () => {
    const one = await EventStoreDbEventStore.open({ connectionString: 'esdb://one:2113', clients, repairOnOpen: false });
    const two = await EventStoreDbEventStore.open({ connectionString: 'esdb://one:2113', clients, repairOnOpen: false });
    expect(made).toHaveLength(1);

    await one.close();
    const appended = await two.append('s', aBatch(1), { expectedRevision: 'any' });

    expect(appended.duplicate).toBe(false);
    expect(made[0]?.client.isDisposed).toBe(false);
    await two.close();
    expect(made[0]?.client.isDisposed).toBe(true);
  });
});
