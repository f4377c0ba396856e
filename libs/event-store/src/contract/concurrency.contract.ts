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
  });
}
