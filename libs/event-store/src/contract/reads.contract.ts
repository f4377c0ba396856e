/// <reference types="jest" />
import { EventToAppend } from '../event-store.port';
import { ContractContext, positionsFrom } from './contract-context';
import { aBatch, anEvent } from './event-fixtures';

const STORED_EVENT_FIELDS = ['eventId', 'type', 'schemaVersion', 'data', 'metadata', 'stream', 'streamRevision', 'position'];

export function describeReadsContract(context: ContractContext): void {
  describe('readStream', () => {
    it('returns the events in revision order with the whole envelope preserved', async () => {
      const store = context.store();
      await store.append('other', aBatch(1), { expectedRevision: 'no-stream' });
      const submitted: EventToAppend = anEvent({
        commandId: 'command-1',
        type: 'ProposalSubmitted',
        data: {
          title: 'Décision sur le budget — 決定 🗳️',
          amount: 1250.75,
          nested: { options: [1, 'two', { three: true }], empty: {}, nothing: null, deep: { deeper: { deepest: ['ß', '\u0000', '"quoted"'] } } },
        },
        metadata: {
          correlationId: 'correlation-1',
          causationId: 'cause-1',
          actor: { id: 'member-Ω', role: 'chair' },
          recordedAt: '2025-03-04T05:06:07.089Z',
          commandFingerprint: 'sha256:abc',
        },
      });
      const amended: EventToAppend = { ...anEvent({ commandId: 'command-1', type: 'ProposalAmended', data: { text: '' } }), schemaVersion: 3 };
      await store.append('proposal', [submitted, amended], { expectedRevision: 'no-stream' });

      const stored = await store.readStream('proposal');

      expect(stored).toStrictEqual([
        { ...submitted, stream: 'proposal', streamRevision: 0, position: 2 },
        { ...amended, stream: 'proposal', streamRevision: 1, position: 3 },
      ]);
    });

    it('reads from a revision on: only the events at it and after', async () => {
      const store = context.store();
      await store.append('s', aBatch(3), { expectedRevision: 'no-stream' });
      await store.append('other', aBatch(1), { expectedRevision: 'no-stream' });
      await store.append('s', aBatch(2), { expectedRevision: 2 });
      const whole = await store.readStream('s');
      expect(await store.readStream('s', { fromRevision: 0 })).toStrictEqual(whole);
      expect((await store.readStream('s', { fromRevision: 3 })).map((event) => event.streamRevision)).toEqual([3, 4]);
      expect(await store.readStream('s', { fromRevision: 3 })).toStrictEqual(whole.slice(3));
      expect(await store.readStream('s', { fromRevision: 5 })).toEqual([]);
      expect(await store.readStream('s', { fromRevision: 2 ** 31 })).toEqual([]);
      expect(await store.readStream('missing', { fromRevision: 2 })).toEqual([]);
      await expect(store.readStream('s', { fromRevision: -1 })).rejects.toThrow(TypeError);
      await expect(store.readStream('s', { fromRevision: 1.5 })).rejects.toThrow(TypeError);
    });

    it('reads at most `limit` events from the revision on, and refuses a limit no count could be', async () => {
      const store = context.store();
      await store.append('s', aBatch(3), { expectedRevision: 'no-stream' });
      await store.append('other', aBatch(1), { expectedRevision: 'no-stream' });
      await store.append('s', aBatch(2), { expectedRevision: 2 });
      const whole = await store.readStream('s');
      expect(await store.readStream('s', { limit: 2 })).toStrictEqual(whole.slice(0, 2));
      expect(await store.readStream('s', { fromRevision: 2, limit: 2 })).toStrictEqual(whole.slice(2, 4));
      expect(await store.readStream('s', { fromRevision: 3, limit: 10 })).toStrictEqual(whole.slice(3));
      expect(await store.readStream('s', { limit: Number.MAX_SAFE_INTEGER })).toStrictEqual(whole);
      expect(await store.readStream('s', { fromRevision: 1, limit: Number.MAX_SAFE_INTEGER })).toStrictEqual(whole.slice(1));
      expect(await store.readStream('s', { limit: 0 })).toEqual([]);
      expect(await store.readStream('missing', { limit: 3 })).toEqual([]);
      await expect(store.readStream('s', { limit: -1 })).rejects.toThrow(TypeError);
      await expect(store.readStream('s', { limit: 1.5 })).rejects.toThrow(TypeError);
    });

    it('returns the stream across appends in revision order', async () => {
      const store = context.store();
      await store.append('s', aBatch(2), { expectedRevision: 'no-stream' });
      await store.append('t', aBatch(1), { expectedRevision: 'no-stream' });
      await store.append('s', aBatch(2), { expectedRevision: 1 });

      const stored = await store.readStream('s');

      expect(stored.map((event) => [event.streamRevision, event.position])).toEqual([
        [0, 1],
        [1, 2],
        [2, 4],
        [3, 5],
      ]);
    });

    it('reads nothing for a name no append can store (an unpaired surrogate), beside a stream named with its replacement', async () => {
      const store = context.store();
      await store.append('name-\uFFFD', aBatch(1), { expectedRevision: 'no-stream' });
      await expect(store.append('name-\uD800', aBatch(1), { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(TypeError);
      expect(await store.readStream('name-\uD800')).toEqual([]);
      expect(await store.readStream('name-\uFFFD')).toHaveLength(1);
    });

    it('returns an empty array for an unknown stream', async () => {
      await context.store().append('known', aBatch(1), { expectedRevision: 'no-stream' });

      expect(await context.store().readStream('unknown')).toEqual([]);
    });

    it('does not let callers alter history through the objects they passed or received', async () => {
      const store = context.store();
      const data = { count: 1, nested: { label: 'original' } };
      await store.append('s', [anEvent({ data })], { expectedRevision: 'no-stream' });
      data.nested.label = 'changed after append';

      const [read] = await store.readStream('s');
      const readData = read?.data as Record<string, unknown>;
      try {
        readData['count'] = 99;
      } catch {
        // A store may hand out frozen events (a cache shared between readers does): history is safe either way.
      }

      expect((await store.readStream('s'))[0]?.data).toEqual({ count: 1, nested: { label: 'original' } });
      expect((await store.readAll())[0]?.data).toEqual({ count: 1, nested: { label: 'original' } });
    });
  });

  describe('streamOf', () => {
    it('names the stream that holds each event, across streams and within a batch', async () => {
      const store = context.store();
      const first = aBatch(2);
      const second = aBatch(3);
      await store.append('body-1', first, { expectedRevision: 'no-stream' });
      await store.append('proposal-1', second, { expectedRevision: 'no-stream' });
      await store.append('body-1', aBatch(1), { expectedRevision: 1 });

      const streams = await Promise.all([...first, ...second].map((event) => store.streamOf(event.eventId)));

      expect(streams).toEqual(['body-1', 'body-1', 'proposal-1', 'proposal-1', 'proposal-1']);
    });

    it('answers undefined for an id no event has, whatever its shape, and nothing for a refused append', async () => {
      const store = context.store();
      await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });
      const refused = anEvent();
      await expect(store.append('s', [refused], { expectedRevision: 'no-stream' })).rejects.toThrow();

      for (const eventId of [refused.eventId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', '', "x' OR '1'='1"]) {
        expect(await store.streamOf(eventId)).toBeUndefined();
      }
    });
  });

  describe('readAll and headPosition', () => {
    it('has head position 0 and an empty log when empty', async () => {
      expect(await context.store().headPosition()).toBe(0);
      expect(await context.store().readAll()).toEqual([]);
    });

    it('reads the log in position order, after a position and up to a limit', async () => {
      const store = context.store();
      await store.append('a', aBatch(2), { expectedRevision: 'no-stream' });
      await store.append('b', aBatch(3), { expectedRevision: 'no-stream' });
      await store.append('a', aBatch(1), { expectedRevision: 1 });
      const positionsOf = async (options: { after?: number; limit?: number }): Promise<number[]> =>
        (await store.readAll(options)).map((event) => event.position);

      expect(await store.headPosition()).toBe(6);
      expect(await positionsOf({})).toEqual(positionsFrom(1, 6));
      expect(await positionsOf({ after: 0 })).toEqual(positionsFrom(1, 6));
      expect(await positionsOf({ after: 2 })).toEqual(positionsFrom(3, 6));
      expect(await positionsOf({ after: 2, limit: 2 })).toEqual([3, 4]);
      expect(await positionsOf({ limit: 1 })).toEqual([1]);
      expect(await positionsOf({ after: 5, limit: 10 })).toEqual([6]);
      expect(await positionsOf({ after: 6 })).toEqual([]);
      expect(await positionsOf({ after: 100 })).toEqual([]);
    });

    it('returns from readAll the same events readStream returns', async () => {
      const store = context.store();
      await store.append('a', aBatch(2), { expectedRevision: 'no-stream' });
      await store.append('b', aBatch(1), { expectedRevision: 'no-stream' });

      const all = await store.readAll();

      expect(all.filter((event) => event.stream === 'a')).toStrictEqual(await store.readStream('a'));
      expect(all.filter((event) => event.stream === 'b')).toStrictEqual(await store.readStream('b'));
      // The same fields in the same order from every read and every store, so an event serialises the same wherever it was read.
      const streamRead = [...(await store.readStream('a')), ...(await store.readStream('b'))];
      for (const event of [...all, ...streamRead]) expect(Object.keys(event)).toEqual(STORED_EVENT_FIELDS);
    });

    it('skims the log as readAllText reads it, each event with the recordedAt of its own metadata, over the same ranges', async () => {
      const store = context.store();
      // Where no store keeps the text (EventStoreDB), readers fall back to readAll: nothing to compare.
      if (store.readAllSkimmed === undefined || store.readAllText === undefined) return;
      const at = (second: number): string => `2025-03-04T05:06:${String(second).padStart(2, '0')}.000Z`;
      await store.append(
        'a',
        [anEvent({ commandId: 'c-1', metadata: { recordedAt: at(1) } }), anEvent({ commandId: 'c-1', metadata: { recordedAt: at(2) } })],
        {
          expectedRevision: 'no-stream',
        },
      );
      // A member of the same name further in, and text that looks like one: only the metadata's own member counts.
      const decoy = anEvent({
        data: { recordedAt: 'in the data' },
        metadata: { recordedAt: at(3), actor: { id: '"recordedAt":"in a string"', role: 'member', recordedAt: 'nested' } as never },
      });
      await store.append('b', [decoy], { expectedRevision: 'no-stream' });
      await store.append('a', [anEvent({ metadata: { recordedAt: at(4) } })], { expectedRevision: 1 });

      for (const range of [{}, { after: 1 }, { after: 1, limit: 2 }, { limit: 1 }, { after: 4 }, { after: 9 }]) {
        const skimmed = await store.readAllSkimmed(range);
        // Spread, since a driver's row objects need not be plain ones.
        expect(skimmed.map(({ recordedAt: _recordedAt, ...text }) => text)).toStrictEqual((await store.readAllText(range)).map((text) => ({ ...text })));
      }
      expect((await store.readAllSkimmed()).map((event) => event.recordedAt)).toEqual([at(1), at(2), at(3), at(4)]);
      await expect(store.readAllSkimmed({ after: -1 })).rejects.toBeInstanceOf(TypeError);
    });

    it('refuses a negative or fractional after or limit with a TypeError', async () => {
      const store = context.store();

      await expect(store.readAll({ after: -1 })).rejects.toBeInstanceOf(TypeError);
      await expect(store.readAll({ limit: -1 })).rejects.toBeInstanceOf(TypeError);
      await expect(store.readAll({ after: 1.5 })).rejects.toBeInstanceOf(TypeError);
    });
  });
}
