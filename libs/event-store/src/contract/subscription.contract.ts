/// <reference types="jest" />
import { StoredEvent } from '../event-store.port';
import { ContractContext, positionsFrom, settle } from './contract-context';
import { aBatch } from './event-fixtures';

export function describeSubscriptionContract(context: ContractContext): void {
  describe('subscribe', () => {
    it('yields the events after the given position, then live ones, in order without gaps or duplicates', async () => {
      const store = context.store();
      await store.append('a', aBatch(3), { expectedRevision: 'no-stream' });
      await store.append('b', aBatch(2), { expectedRevision: 'no-stream' });
      const probe = context.subscribe({ after: 2 });
      await probe.waitForCount(3);

      await store.append('a', aBatch(2), { expectedRevision: 2 });
      await store.append('c', aBatch(1), { expectedRevision: 'no-stream' });
      const received = await probe.waitForCount(6);
      await settle();

      expect(probe.positions).toEqual(positionsFrom(3, 8));
      expect(received).toStrictEqual(await store.readAll({ after: 2 }));
    });

    it('reads from the start when no position is given', async () => {
      const store = context.store();
      await store.append('a', aBatch(2), { expectedRevision: 'no-stream' });

      const probe = context.subscribe();
      await probe.waitForCount(2);

      expect(probe.positions).toEqual([1, 2]);
    });

    it('yields only new events when subscribed from the head', async () => {
      const store = context.store();
      await store.append('a', aBatch(3), { expectedRevision: 'no-stream' });
      const probe = context.subscribe({ after: await store.headPosition() });

      await store.append('a', aBatch(1), { expectedRevision: 2 });
      await probe.waitForCount(1);
      await settle();

      expect(probe.positions).toEqual([4]);
    });

    it('misses nothing appended concurrently while it catches up', async () => {
      const store = context.store();
      for (let index = 0; index < 5; index += 1) await store.append(`old-${index}`, aBatch(2), { expectedRevision: 'no-stream' });
      const probe = context.subscribe();

      await Promise.all(Array.from({ length: 20 }, (_, index) => store.append(`new-${index}`, aBatch(2), { expectedRevision: 'no-stream' })));
      await probe.waitForCount(50);
      await settle();

      expect(probe.positions).toEqual(positionsFrom(1, 50));
    });

    it('catches up over a log longer than one read batch', async () => {
      const store = context.store();
      for (let index = 0; index < 3; index += 1) await store.append(`s-${index}`, aBatch(400), { expectedRevision: 'no-stream' });

      const probe = context.subscribe();
      await probe.waitForCount(1200);

      expect(probe.positions).toEqual(positionsFrom(1, 1200));
    });

    it('ends the for-await loop when the signal is aborted while waiting for live events', async () => {
      const store = context.store();
      await store.append('a', aBatch(2), { expectedRevision: 'no-stream' });
      const probe = context.subscribe();
      await probe.waitForCount(2);

      await probe.stop();
      await store.append('a', aBatch(1), { expectedRevision: 1 });
      await settle();

      expect(probe.hasEnded).toBe(true);
      expect(probe.positions).toEqual([1, 2]);
    });

    it('yields nothing for a signal aborted before iterating', async () => {
      const store = context.store();
      await store.append('a', aBatch(2), { expectedRevision: 'no-stream' });
      const controller = new AbortController();
      controller.abort();

      const received: StoredEvent[] = [];
      for await (const event of store.subscribe({ signal: controller.signal })) received.push(event);

      expect(received).toEqual([]);
    });

    it('ends live subscriptions when the store closes', async () => {
      const store = context.store();
      await store.append('a', aBatch(1), { expectedRevision: 'no-stream' });
      const probe = context.subscribe();
      await probe.waitForCount(1);

      await store.close();

      await expect(probe.waitForEnd()).resolves.toBeUndefined();
    });
  });
}
