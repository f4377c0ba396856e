import { describeProjectionStoreContract } from '../contract/projection-store.contract';
import { InMemoryProjectionStore } from './in-memory-projection-store';

describeProjectionStoreContract('InMemoryProjectionStore', { durable: false, open: async () => new InMemoryProjectionStore() });
