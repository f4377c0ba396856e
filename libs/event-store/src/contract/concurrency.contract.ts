/// <reference types="jest" />
import { ConcurrencyError } from '../event-store.errors';
import { AppendResult } from '../event-store.port';
import { ContractContext, positionsFrom } from './contract-context';
import { aBatch } from './event-fixtures';

const WRITERS = 8;

export function describeConcurrencyContract(context: ContractContext): void {
  describe('concurrent appends', () => {
    it('lets exactly one of several appends with the same expected revision win', async () => {
      const store = context.store();
      await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });

      const outcomes = await Promise.allSettled(Array.from({ length: WRITERS }, () => store.append('s', aBatch(2), { expectedRevision: 0 })));

      const winners = outcomes.filter((outcome): outcome is PromiseFulfilledResult<AppendResult> => outcome.status === 'fulfilled');
      const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(WRITERS - 1);
      for (const loser of losers) {
        expect(loser.reason).toBeInstanceOf(ConcurrencyError);
        expect(loser.reason).toMatchObject({ stream: 's', expectedRevision: 0, actualRevision: 2 });
      }
      const stored = await store.readStream('s');
      expect(stored.slice(1).map((event) => event.eventId)).toEqual(winners[0]?.value.eventIds);
      expect(await store.headPosition()).toBe(3);
    });

    it("lets exactly one of several 'no-stream' appends create the stream", async () => {
      const store = context.store();

      const outcomes = await Promise.allSettled(Array.from({ length: WRITERS }, () => store.append('s', aBatch(1), { expectedRevision: 'no-stream' })));

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ConcurrencyError);
      }
      expect(await store.readStream('s')).toHaveLength(1);
    });

    it('appends concurrently to different streams with distinct, gapless positions', async () => {
      const store = context.store();

      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, index) => store.append(`stream-${index}`, aBatch(3), { expectedRevision: 'no-stream' })),
      );

      for (const result of results) {
        expect(result.lastPosition - result.firstPosition).toBe(2);
        expect(result.streamRevision).toBe(2);
      }
      const claimed = results.flatMap((result) => positionsFrom(result.firstPosition, result.lastPosition)).sort((a, b) => a - b);
      expect(claimed).toEqual(positionsFrom(1, WRITERS * 3));
      expect((await store.readAll()).map((event) => event.position)).toEqual(positionsFrom(1, WRITERS * 3));
    });

    it('refuses an append decided on another stream that has moved since it was read, and names that stream', async () => {
      const store = context.store();
      await store.append('body', aBatch(1), { expectedRevision: 'no-stream' });
      const decidedOn = [{ stream: 'body', revision: 0 }];
      await store.append('body', aBatch(1), { expectedRevision: 0 });

      const refused = store.append('proposal', aBatch(1), { expectedRevision: 'no-stream', decidedOn });
      await expect(refused).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(refused).rejects.toMatchObject({ stream: 'body', expectedRevision: 0, actualRevision: 1 });
      expect(await store.readStream('proposal')).toEqual([]);
      // Read where it stands now, and a stream read as absent that still is: recorded.
      const recorded = await store.append('proposal', aBatch(1), {
        expectedRevision: 'no-stream',
        decidedOn: [
          { stream: 'body', revision: 1 },
          { stream: 'meeting', revision: -1 },
        ],
      });
      expect(recorded.streamRevision).toBe(0);
      await expect(store.append('proposal', aBatch(1), { expectedRevision: 0, decidedOn: [{ stream: 'meeting', revision: 0 }] })).rejects.toMatchObject({
        stream: 'meeting',
        actualRevision: -1,
      });
    });

    it('of an append and a write to a stream it was decided on, sent together, lets the append land only before that write', async () => {
      for (let round = 0; round < 5; round += 1) {
        const store = context.store();
        const body = `body-${round}`;
        await store.append(body, aBatch(1), { expectedRevision: 'no-stream' });
        // The write that moves the stream is sent first: without the check, the append would land after it.
        const [moved, decided] = await Promise.allSettled([
          store.append(body, aBatch(1), { expectedRevision: 0 }),
          store.append(`proposal-${round}`, aBatch(1), { expectedRevision: 'no-stream', decidedOn: [{ stream: body, revision: 0 }] }),
        ]);
        expect(moved.status).toBe('fulfilled');
        if (decided.status === 'fulfilled' && moved.status === 'fulfilled') expect(decided.value.firstPosition).toBeLessThan(moved.value.firstPosition);
        else expect(decided.status === 'rejected' && decided.reason).toBeInstanceOf(ConcurrencyError);
      }
    });

    it('refuses a malformed stream it was decided on as it refuses a malformed expected revision', async () => {
      const store = context.store();
      for (const decidedOn of [[{ stream: '', revision: 0 }], [{ stream: 'body', revision: -2 }], [{ stream: 'body', revision: 0.5 }]])
        await expect(store.append('proposal', aBatch(1), { expectedRevision: 'any', decidedOn })).rejects.toBeInstanceOf(TypeError);
    });
  });
}
