/// <reference types="jest" />
import { ContractContext } from './contract-context';
import { aBatch } from './event-fixtures';

export function describeIdempotencyContract(context: ContractContext): void {
  describe('idempotency by command id', () => {
    it('answers a repeated command with the first result, duplicate, and writes nothing', async () => {
      const store = context.store();
      const first = await store.append('s', aBatch(2, { commandId: 'command-1' }), { expectedRevision: 'no-stream' });

      // A retry makes new event ids, and its expected revision is now stale: neither matters.
      const again = await store.append('s', aBatch(2, { commandId: 'command-1' }), { expectedRevision: 'no-stream' });

      expect(again).toEqual({ ...first, duplicate: true });
      expect(await store.headPosition()).toBe(2);
      expect((await store.readStream('s')).map((event) => event.eventId)).toEqual(first.eventIds);
    });

    it('writes nothing for a repeated command even when its expected revision would now succeed', async () => {
      const store = context.store();
      const first = await store.append('s', aBatch(1, { commandId: 'command-1' }), { expectedRevision: 'no-stream' });

      const again = await store.append('s', aBatch(1, { commandId: 'command-1' }), { expectedRevision: 0 });
      const anyRevision = await store.append('s', aBatch(1, { commandId: 'command-1' }), { expectedRevision: 'any' });

      expect(again).toEqual({ ...first, duplicate: true });
      expect(anyRevision).toEqual({ ...first, duplicate: true });
      expect(await store.headPosition()).toBe(1);
    });

    it('answers a command id repeated on another stream with the first result, naming the first stream', async () => {
      const store = context.store();
      const first = await store.append('s', aBatch(1, { commandId: 'command-1' }), { expectedRevision: 'no-stream' });

      const again = await store.append('t', aBatch(1, { commandId: 'command-1' }), { expectedRevision: 'no-stream' });

      expect(again).toEqual({ ...first, duplicate: true });
      expect(await store.readStream('t')).toEqual([]);
    });

    it('finds the result of an appended command, as first returned, and nothing for an unknown one', async () => {
      const store = context.store();
      await store.append('other', aBatch(1), { expectedRevision: 'no-stream' });
      const first = await store.append('s', aBatch(3, { commandId: 'command-1' }), { expectedRevision: 'no-stream' });
      await store.append('s', aBatch(1, { commandId: 'command-1' }), { expectedRevision: 'any' });

      expect(await store.findCommand('command-1')).toEqual({
        stream: 's',
        streamRevision: 2,
        firstPosition: 2,
        lastPosition: 4,
        eventIds: first.eventIds,
        duplicate: false,
      });
      expect(await store.findCommand('unknown-command')).toBeUndefined();
    });

    it('writes a command once when it is appended concurrently', async () => {
      const store = context.store();

      const results = await Promise.all(Array.from({ length: 5 }, () => store.append('s', aBatch(2, { commandId: 'command-1' }), { expectedRevision: 'any' })));

      const written = results.filter((result) => !result.duplicate);
      expect(written).toHaveLength(1);
      for (const result of results) expect(result).toEqual({ ...written[0], duplicate: result.duplicate });
      expect(await store.headPosition()).toBe(2);
    });
  });
}
