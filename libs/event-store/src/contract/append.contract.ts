/// <reference types="jest" />
import { canonicalJson } from '@concord/verifier';
import { DuplicateEventIdError } from '../event-store.errors';
import { ContractContext, expectConcurrencyError, positionsFrom, rejectionOf } from './contract-context';
import { aBatch, anEvent } from './event-fixtures';

export function describeAppendContract(context: ContractContext): void {
  describe('append', () => {
    it('numbers a new stream from revision 0 and the log from position 1', async () => {
      const events = aBatch(3);

      const result = await context.store().append('proposal-1', events, { expectedRevision: 'no-stream' });

      expect(result).toEqual({
        stream: 'proposal-1',
        streamRevision: 2,
        firstPosition: 1,
        lastPosition: 3,
        eventIds: events.map((event) => event.eventId),
        duplicate: false,
      });
      const stored = await context.store().readStream('proposal-1');
      expect(stored.map((event) => event.streamRevision)).toEqual([0, 1, 2]);
      expect(stored.map((event) => event.position)).toEqual([1, 2, 3]);
      expect(stored.every((event) => event.stream === 'proposal-1')).toBe(true);
    });

    it('keeps positions ascending and gapless across streams, revisions per stream', async () => {
      const store = context.store();
      const first = await store.append('a', aBatch(2), { expectedRevision: 'no-stream' });
      const second = await store.append('b', aBatch(3), { expectedRevision: 'no-stream' });
      const third = await store.append('a', aBatch(1), { expectedRevision: 1 });

      expect([first.firstPosition, first.lastPosition]).toEqual([1, 2]);
      expect([second.firstPosition, second.lastPosition, second.streamRevision]).toEqual([3, 5, 2]);
      expect([third.firstPosition, third.lastPosition, third.streamRevision]).toEqual([6, 6, 2]);
      const log = await store.readAll();
      expect(log.map((event) => event.position)).toEqual(positionsFrom(1, 6));
      expect(log.map((event) => `${event.stream}@${event.streamRevision}`)).toEqual(['a@0', 'a@1', 'b@0', 'b@1', 'b@2', 'a@2']);
    });

    it('keeps data and metadata as RFC 8785 text, so a log entry can be hashed without parsing it', async () => {
      const store = context.store();
      const data = {
        z: 1,
        a: { y: [3, 2, 1], b: null },
        nul: '\u0000',
        emoji: '🗳️',
        big: 12345678901234567000,
        small: 1e-7,
        when: new Date(0),
        gone: undefined,
      };
      const event = anEvent({ data, metadata: { actor: { role: 'chair', id: 'Ω' } } });

      await store.append('s', [event], { expectedRevision: 'no-stream' });

      const normalised = JSON.parse(JSON.stringify(event.data)) as unknown;
      const [read] = await store.readAll();
      expect(read?.data).toStrictEqual(normalised);
      if (store.readAllText === undefined) return;
      const [text] = await store.readAllText();
      expect(text?.data).toBe(canonicalJson(normalised));
      expect(text?.metadata).toBe(canonicalJson(event.metadata));
      expect({ ...text, data: read?.data, metadata: read?.metadata }).toStrictEqual(read);
    });

    it('refuses data that RFC 8785 cannot write (a lone surrogate) with a TypeError and writes nothing', async () => {
      const store = context.store();

      await expect(store.append('s', [anEvent({ data: { text: 'ab\ud800' } })], { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);
      await expect(store.append('s', [anEvent({ metadata: { actor: { role: 'chair', id: '\udc00' } } })], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        TypeError,
      );
      expect(await store.headPosition()).toBe(0);
    });

    it('refuses an empty batch with a TypeError and writes nothing', async () => {
      const store = context.store();

      await expect(store.append('s', [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);

      expect(await store.headPosition()).toBe(0);
      expect(await store.readStream('s')).toEqual([]);
    });

    it('refuses a batch mixing command ids, or repeating an event id, with a TypeError', async () => {
      const store = context.store();
      const repeated = anEvent();

      await expect(store.append('s', [anEvent({ commandId: 'c-1' }), anEvent({ commandId: 'c-2' })], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        TypeError,
      );
      await expect(store.append('s', [repeated, repeated], { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);
      expect(await store.headPosition()).toBe(0);
    });

    it('refuses an expected revision that is not a revision with a TypeError', async () => {
      const store = context.store();

      await expect(store.append('s', aBatch(1), { expectedRevision: -2 })).rejects.toBeInstanceOf(TypeError);
      await expect(store.append('s', aBatch(1), { expectedRevision: 0.5 })).rejects.toBeInstanceOf(TypeError);
      expect(await store.headPosition()).toBe(0);
    });

    describe('is atomic', () => {
      it('writes nothing of a batch whose second event reuses a stored event id', async () => {
        const store = context.store();
        const existing = anEvent();
        await store.append('a', [existing], { expectedRevision: 'no-stream' });

        const error = await rejectionOf(
          store.append('b', [anEvent({ commandId: 'c-2' }), { ...existing, metadata: { ...existing.metadata, commandId: 'c-2' } }], {
            expectedRevision: 'no-stream',
          }),
        );

        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ eventId: existing.eventId });
        expect(await store.headPosition()).toBe(1);
        expect(await store.readStream('b')).toEqual([]);
        expect(await store.findCommand('c-2')).toBeUndefined();
      });

      it('leaves no gap behind a failed append, in the log or the stream', async () => {
        const store = context.store();
        const existing = anEvent();
        await store.append('a', [existing], { expectedRevision: 'no-stream' });
        await rejectionOf(
          store.append('a', [anEvent({ commandId: 'c-2' }), { ...existing, metadata: { ...existing.metadata, commandId: 'c-2' } }], { expectedRevision: 0 }),
        );

        const next = await store.append('a', aBatch(1), { expectedRevision: 0 });

        expect(next).toMatchObject({ streamRevision: 1, firstPosition: 2, lastPosition: 2 });
        expect((await store.readAll()).map((event) => event.position)).toEqual([1, 2]);
      });
    });
  });

  describe('expected revision', () => {
    it('appends when the stream is at the expected revision', async () => {
      const store = context.store();
      await store.append('s', aBatch(2), { expectedRevision: 'no-stream' });

      const result = await store.append('s', aBatch(1), { expectedRevision: 1 });

      expect(result).toMatchObject({ streamRevision: 2, firstPosition: 3, lastPosition: 3 });
    });

    it('throws ConcurrencyError with the actual revision when it is wrong, and writes nothing', async () => {
      const store = context.store();
      await store.append('s', aBatch(2), { expectedRevision: 'no-stream' });

      await expectConcurrencyError(store.append('s', aBatch(1), { expectedRevision: 0 }), { stream: 's', expectedRevision: 0, actualRevision: 1 });
      await expectConcurrencyError(store.append('s', aBatch(1), { expectedRevision: 5 }), { stream: 's', expectedRevision: 5, actualRevision: 1 });
      expect(await store.headPosition()).toBe(2);
    });

    it("throws ConcurrencyError for 'no-stream' when the stream exists", async () => {
      const store = context.store();
      await store.append('s', aBatch(3), { expectedRevision: 'no-stream' });

      await expectConcurrencyError(store.append('s', aBatch(1), { expectedRevision: 'no-stream' }), {
        stream: 's',
        expectedRevision: 'no-stream',
        actualRevision: 2,
      });
      expect(await store.headPosition()).toBe(3);
    });

    it('throws ConcurrencyError with actual revision -1 for a revision of a missing stream', async () => {
      const store = context.store();

      await expectConcurrencyError(store.append('missing', aBatch(1), { expectedRevision: 0 }), {
        stream: 'missing',
        expectedRevision: 0,
        actualRevision: -1,
      });
      expect(await store.headPosition()).toBe(0);
    });

    it("takes -1 to mean 'no-stream'", async () => {
      const store = context.store();

      await expect(store.append('s', aBatch(1), { expectedRevision: -1 })).resolves.toMatchObject({ streamRevision: 0 });
      await expectConcurrencyError(store.append('s', aBatch(1), { expectedRevision: -1 }), { stream: 's', expectedRevision: -1, actualRevision: 0 });
    });

    it("always appends with 'any', to a new or an existing stream", async () => {
      const store = context.store();

      const created = await store.append('s', aBatch(1), { expectedRevision: 'any' });
      const extended = await store.append('s', aBatch(2), { expectedRevision: 'any' });

      expect(created).toMatchObject({ streamRevision: 0, firstPosition: 1 });
      expect(extended).toMatchObject({ streamRevision: 2, firstPosition: 2, lastPosition: 3 });
    });
  });
}
