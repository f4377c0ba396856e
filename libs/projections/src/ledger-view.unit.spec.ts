import { InMemoryEventStore } from '@concord/event-store';
import { at, ledgerFixture, LedgerFixture, metadata, recordKimberleyProcess, tableDefinition } from '../../ledger/src/testing/ledger-fixture';
import { toDomainEvent } from '../../ledger/src/support/stored-to-domain';
import { DEFAULT_CONSENSUS_POLICY } from '@concord/governance';
import { ProjectionRunner } from './projection-runner';
import { ReadModels } from './read-models';
import { LedgerView } from './ledger-view';

/** Every read model answer for the KP body, as one comparable value. */
function snapshot(view: LedgerView, now: Date): unknown {
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: view.position, effectiveAt: null, moment: now.toISOString() });
  return {
    body: models.body('kp'),
    chairs: models.chairs('kp'),
    definitions: models.definitionHistory('kp'),
    proposals: models.proposalsOfBody('kp'),
    meetings: ['is-2022', 'pl-2022'].map((id) => models.meeting(id)),
  };
}

async function recordSeedStory(ledger: LedgerFixture, afterEachCommand: () => Promise<void>): Promise<void> {
  const steps: (() => Promise<unknown>)[] = [
    () => ledger.proposals.table('kp', tableDefinition(), metadata()),
    () => ledger.proposals.handle('p-def', { type: 'RaiseObjection', data: { participantId: 'ru', grounds: 'politicisation', occurredAt: at('2022-06-21') } }, metadata()),
    () => ledger.meetings.handle('is-2022', { type: 'RecordStatement', data: { speakerId: 'csc', proposalId: 'p-def', summary: 'supports widening', occurredAt: at('2022-06-21') } }, metadata()),
    () => ledger.meetings.handle('is-2022', { type: 'CloseMeeting', data: { occurredAt: at('2022-06-24') } }, metadata()),
    () => ledger.proposals.table('kp', { ...tableDefinition('p-admin'), data: { ...tableDefinition('p-admin').data, kind: 'administrative-decision', meetingId: 'pl-2022', occurredAt: at('2022-11-08') } }, metadata()),
    () => ledger.proposals.handle('p-admin', { type: 'ExpressSupport', data: { participantId: 'ua', occurredAt: at('2022-11-08') } }, metadata()),
    () => ledger.proposals.handle('p-def', { type: 'DeclareOutcome', data: { outcome: 'no-consensus', declaredBy: 'bw', meetingId: 'pl-2022', revision: null, occurredAt: at('2022-11-11') } }, metadata()),
    () => ledger.proposals.table('kp', { ...tableDefinition('p-def-2'), data: { ...tableDefinition('p-def-2').data, text: 'an agreed wording', meetingId: 'pl-2022', occurredAt: at('2022-11-09') } }, metadata()),
    () => ledger.proposals.handle('p-def-2', { type: 'DeclareOutcome', data: { outcome: 'consensus', declaredBy: 'bw', meetingId: 'pl-2022', revision: 1, occurredAt: at('2022-11-10') } }, metadata()),
    () => ledger.bodies.handle('kp', { type: 'SuspendParticipant', data: { participantId: 'by', reason: 'illustrative', occurredAt: at('2023-01-10') } }, metadata()),
  ];
  for (const step of steps) {
    await step();
    await afterEachCommand();
  }
  const objection = (await ledger.store.readStream('proposal-p-def')).find((e) => e.type === 'ObjectionRaised');
  await ledger.corrections.handle(
    { type: 'RecordCorrection', data: { correctsEventId: objection?.eventId ?? '', reason: 'misquoted', corrections: { grounds: 'an attempt to politicise the KP' }, occurredAt: at('2022-06-25') } },
    metadata(),
  );
  await afterEachCommand();
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

      const incremental = snapshot(await live.catchUp(), now);
      const rebuilt = snapshot(await new ProjectionRunner(ledger.store, toDomainEvent).rebuild(), now);

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

    it('shows the corrected grounds of an objection in place of the original', () => {
      expect(models.proposal('p-def')?.standingObjections).toEqual([
        { participantId: 'ru', grounds: 'an attempt to politicise the KP', since: '2022-06-21T00:00:00.000Z' },
      ]);
    });

    it('counts the correction in the stream revision', () => {
      expect(models.proposal('p-def')?.streamRevision).toBe(3);
    });

    it('records the no-consensus outcome and the adopted amendment as the definition in force', () => {
      expect(models.proposal('p-def')).toMatchObject({ status: 'not-adopted', consensusPossible: false, blockingParticipants: [] });
      expect(models.definitionHistory('kp').map((v) => v.proposalId)).toEqual([null, 'p-def-2']);
      expect(models.body('kp')?.definition).toEqual({ text: 'an agreed wording', effectiveFrom: '2022-11-10T00:00:00.000Z', proposalId: 'p-def-2' });
    });

    it('lists the body\'s proposals by status', () => {
      expect(models.proposalsOfBody('kp', 'open')?.map((p) => p.proposalId)).toEqual(['p-admin']);
      expect(models.proposalsOfBody('kp', 'adopted')?.map((p) => p.proposalId)).toEqual(['p-def-2']);
      expect(models.proposalsOfBody('nobody')).toBeUndefined();
    });

    it('shows membership status and the chairs by term', () => {
      expect(models.body('kp')?.participants.find((p) => p.participantId === 'by')?.status).toBe('suspended');
      expect(models.chairs('kp')).toEqual([
        { term: 2021, chair: 'ru', viceChair: 'bw', basis: 'postponement' },
        { term: 2022, chair: 'bw', viceChair: null, basis: 'succession' },
      ]);
    });

    it('shows the meeting with its statements and closure', () => {
      expect(models.meeting('is-2022')).toMatchObject({ status: 'closed', closedAt: '2022-06-24T00:00:00.000Z', statements: [{ speakerId: 'csc', speakerRole: 'observer' }] });
    });
  });
});
