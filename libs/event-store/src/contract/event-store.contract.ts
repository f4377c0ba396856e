/// <reference types="jest" />
import { EventStore } from '../event-store.port';
import { describeAppendContract } from './append.contract';
import { describeConcurrencyContract } from './concurrency.contract';
import { ContractContext } from './contract-context';
import { describeIdempotencyContract } from './idempotency.contract';
import { describeLifecycleContract } from './lifecycle.contract';
import { describeReadsContract } from './reads.contract';
import { describeSubscriptionContract } from './subscription.contract';
import { SubscriptionProbe } from './subscription-probe';

/** Opens a fresh, empty store: called once per test. */
export type OpenEventStore = () => Promise<EventStore>;
/**
 * Releases what `openStore` made (connections, files, schemas). Some tests close the store
 * themselves, so it must accept a store already closed; `close()` is idempotent on every adapter.
 */
export type CloseEventStore = (store: EventStore) => Promise<void>;

/**
 * The one behaviour every `EventStore` adapter must show. An adapter's spec file calls this once per
 * way of running it; each test gets a fresh empty store, so positions are asserted absolutely.
 */
export function describeEventStoreContract(adapterName: string, openStore: OpenEventStore, closeStore: CloseEventStore = (store) => store.close()): void {
  describe(`${adapterName} satisfies the EventStore contract`, () => {
    let current: EventStore | undefined;
    let probes: SubscriptionProbe[] = [];

    const context: ContractContext = {
      store() {
        if (current === undefined) throw new Error('the contract store is only available inside a test');
        return current;
      },
      subscribe(options = {}) {
        const store = context.store();
        const probe = new SubscriptionProbe((signal) => store.subscribe({ ...options, signal }));
        probes.push(probe);
        return probe;
      },
    };

    beforeEach(async () => {
      current = await openStore();
      const head = await current.headPosition();
      if (head !== 0) throw new Error(`openStore must give an empty store, but its head position is ${head}`);
    });

    afterEach(async () => {
      const stopping = probes.map((probe) => probe.stop().catch(() => undefined));
      probes = [];
      await Promise.all(stopping);
      if (current !== undefined) await closeStore(current);
      current = undefined;
    });

    describeAppendContract(context);
    describeReadsContract(context);
    describeIdempotencyContract(context);
    describeConcurrencyContract(context);
    describeSubscriptionContract(context);
    describeLifecycleContract(context);
  });
}
