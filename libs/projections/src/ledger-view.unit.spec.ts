import { InMemoryEventStore } from '@concord/event-store';
import { ledgerFixture, recordKimberleyProcess } from '../../ledger/src/testing/ledger-fixture';
import { recordSeedStory } from './testing/seed-story';
import { toDomainEvent } from '../../ledger/src/support/stored-to-domain';
import { DEFAULT_CONSENSUS_POLICY } from '@concord/governance';
import { ProjectionRunner } from './projection-runner';
import { everyItem, ReadModels } from './read-models';
import { LedgerView } from './ledger-view';

/** Every read model answer for the KP body, as one comparable value. */
async function snapshot(view: LedgerView, now: Date): Promise<unknown> {
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: view.position, effectiveAt: null, moment: now.toISOString() });
  return {
    body: await models.body('kp'),
    chairs: await models.chairs('kp'),
    definitions: await models.definitionHistory('kp'),
    proposals: await everyItem((page) => models.proposalsOfBody('kp', page)),
    meetings: await Promise.all(['is-2022', 'pl-2022'].map((id) => models.meeting(id, Infinity))),
  };
}

describe('LedgerView', () => {
  const now = new Date('2026-01-15T12:00:00Z');

  describe('when rebuilt from position 0', () => {
    it('equals the view that followed the log event by event', async () => {
      const ledger = ledgerFixture(new InMemoryEventStore());
      await recordKimberleyProcess(ledger);
      const live = new ProjectionRunner(ledger.store, toDomainEvent);
      await recordSeedStory(ledger, async () => {
        await live.catchUp();
      });

      const incremental = await snapshot(await live.catchUp(), now);
      const rebuilt = await snapshot(await new ProjectionRunner(ledger.store, toDomainEvent).rebuild(), now);

      expect(rebuilt).toEqual(incremental);
      expect((await live.rebuild()).position).toBe(await ledger.store.headPosition());
    });
  });

  describe('after the seed story', () => {
    let models: ReadModels;
    beforeAll(async () => {
      const ledger = ledgerFixture(new InMemoryEventStore());
      await recordKimberleyProcess(ledger);
      await recordSeedStory(ledger, async () => undefined);
      const view = await ledger.runner.catchUp();
      models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: view.position, effectiveAt: null, moment: now.toISOString() });
    });

    it('shows the corrected grounds of an objection in place of the original', async () => {
      expect((await models.proposal('p-def'))?.standingObjections).toEqual([
        { participantId: 'ru', grounds: 'an attempt to politicise the KP', since: '2022-06-21T00:00:00.000Z' },
      ]);
    });

    it('counts the correction in the stream revision', async () => {
      expect((await models.proposal('p-def'))?.streamRevision).toBe(3);
    });

    it('records the no-consensus outcome and the adopted amendment as the definition in force', async () => {
      expect(await models.proposal('p-def')).toMatchObject({ status: 'not-adopted', consensusPossible: false, blockingParticipants: [] });
      expect((await models.definitionHistory('kp')).map((v) => v.proposalId)).toEqual([null, 'p-def-2']);
      expect((await models.body('kp'))?.definition).toEqual({ text: 'an agreed wording', effectiveFrom: '2022-11-10T00:00:00.000Z', proposalId: 'p-def-2' });
    });

    it("lists the body's proposals by status", async () => {
      expect((await everyItem((page) => models.proposalsOfBody('kp', page, { status: 'open' })))?.map((p) => p.proposalId)).toEqual(['p-admin']);
      expect((await everyItem((page) => models.proposalsOfBody('kp', page, { status: 'adopted' })))?.map((p) => p.proposalId)).toEqual(['p-def-2']);
      expect(await models.proposalsOfBody('nobody', { after: 0, limit: 10 })).toBeUndefined();
    });

    it('shows membership status and the chairs by term', async () => {
      expect((await models.body('kp'))?.participants.find((p) => p.participantId === 'by')?.status).toBe('suspended');
      expect(await models.chairs('kp')).toEqual([
        { term: 2021, chair: 'ru', viceChair: 'bw', basis: 'postponement' },
        { term: 2022, chair: 'bw', viceChair: null, basis: 'succession' },
      ]);
    });

    it('shows the meeting with its statements and closure', async () => {
      expect(await models.meeting('is-2022', Infinity)).toMatchObject({
        status: 'closed',
        closedAt: '2022-06-24T00:00:00.000Z',
        statements: [{ speakerId: 'csc', speakerRole: 'observer' }],
      });
    });
  });
});
