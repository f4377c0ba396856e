/// <reference types="jest" />
import { StoreUnavailableError } from '../event-store.errors';
import { ContractContext } from './contract-context';
import { aBatch } from './event-fixtures';

export function describeLifecycleContract(context: ContractContext): void {
  describe('close', () => {
    it('makes later calls fail with StoreUnavailableError, and may be called twice', async () => {
      const store = context.store();
      await store.append('a', aBatch(1), { expectedRevision: 'no-stream' });

      await store.close();
      await store.close();

      await expect(store.append('a', aBatch(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readStream('a')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.findCommand('c')).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
}
