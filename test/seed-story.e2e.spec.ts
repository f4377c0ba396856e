import { expectExportRoundTrips } from './support/concord-cli';
import { storedEvents } from './support/event-log';
import {
  KimberleyProcess,
  object,
  recordKimberleyProcess,
  support,
  decide,
  tableProposal,
  CONFLICT_DIAMONDS,
  WIDENED_DEFINITION,
} from './support/kimberley-process';
import { headPosition, readBody, readProposal, readProposalIds, record, readMeeting } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { expectProblem } from './support/problems';

/**
 * The seed case (docs/domain.md): the 2022 attempt to widen the definition of conflict diamonds, told
 * in order, each step read back over HTTP. The steps share one proposal, so they run in sequence.
 */
describe('The 2022 proposal to widen the definition of conflict diamonds', () => {
  let ledger: LedgerHarness;
  let kp: KimberleyProcess;
  let proposalId: string;

  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    kp = await recordKimberleyProcess(ledger);
  });
  afterAll(() => ledger.stop());

  it('Ukraine tables the widened definition at the June 2022 intersessional in Kasane', async () => {
    const tabled = await tableProposal(ledger, kp.bodyId, {
      kind: 'definition-amendment',
      title: 'Cover aggression by states',
      text: WIDENED_DEFINITION,
      proposedBy: ['ua', 'eu'],
      meetingId: kp.intersessional,
      occurredAt: '2022-06-21T10:00:00Z',
    });
    proposalId = tabled.proposalId;
    expect(tabled.created).toMatchObject({ stream: `proposal-${proposalId}`, streamRevision: 0 });
    expect((await storedEvents(ledger, tabled.created.eventIds)).map((event) => event.type)).toEqual(['DefinitionAmendmentProposed']);

    expect(await readProposal(ledger, proposalId)).toMatchObject({
      bodyId: kp.bodyId,
      kind: 'definition-amendment',
      text: WIDENED_DEFINITION,
      proposedBy: ['ua', 'eu'],
      meetingId: kp.intersessional,
      status: 'open',
      revision: 1,
      standingObjections: [],
      consensusPossible: true,
    });
  });

  it('the European Union and Ukraine support it', async () => {
    for (const participantId of ['eu', 'ua']) expect((await support(ledger, proposalId, participantId, '2022-06-21T11:00:00Z')).status).toBe(201);
    expect((await readProposal(ledger, proposalId)).supporters).toEqual(['eu', 'ua']);
  });

  it('Russia, the 2021 Chair, objects that it would politicize the KP, and says so in a statement', async () => {
    expect((await object(ledger, proposalId, 'ru', 'an attempt to "politicize" the KP', '2022-06-22T09:30:00Z')).status).toBe(201);
    await record(ledger, `/v1/meetings/${kp.intersessional}/statements`, {
      speakerId: 'ru',
      proposalId,
      summary: 'Russia calls the discussion an attempt to "politicize" the Kimberley Process.',
      occurredAt: '2022-06-22T09:35:00Z',
    });

    expect(await readProposal(ledger, proposalId)).toMatchObject({
      standingObjections: [{ participantId: 'ru', grounds: 'an attempt to "politicize" the KP', since: '2022-06-22T09:30:00.000Z' }],
      blockingParticipants: ['ru'],
      consensusPossible: false,
    });
    expect((await readMeeting(ledger, kp.intersessional)).statements).toEqual([
      expect.objectContaining({ speakerId: 'ru', speakerRole: 'participant', proposalId }),
    ]);
  });

  it('the Civil Society Coalition, an observer, may not object: the objection is refused and nothing is stored', async () => {
    const head = await headPosition(ledger);

    const refused = expectProblem(await object(ledger, proposalId, 'csc', 'Russian diamonds fund the war'), 422, 'observer-cannot-object');

    expect(refused.participantId).toBe('csc');
    expect(await headPosition(ledger)).toBe(head);
    expect((await readProposal(ledger, proposalId)).standingObjections.map((o) => o.participantId)).toEqual(['ru']);
  });

  it('the Civil Society Coalition may still make a statement on the proposal', async () => {
    await record(ledger, `/v1/meetings/${kp.intersessional}/statements`, {
      speakerId: 'csc',
      proposalId,
      summary: 'The Coalition asks that the definition cover diamonds that fund aggression by states.',
      occurredAt: '2022-06-22T10:00:00Z',
    });
    expect((await readMeeting(ledger, kp.intersessional)).statements.map((s) => [s.speakerId, s.speakerRole])).toEqual([
      ['ru', 'participant'],
      ['csc', 'observer'],
    ]);
  });

  it('Botswana, chairing 2022, cannot declare consensus while Russia objects', async () => {
    const head = await headPosition(ledger);

    const refused = expectProblem(
      await decide(ledger, proposalId, { outcome: 'consensus', meetingId: kp.intersessional, occurredAt: '2022-06-24' }),
      422,
      'objections-standing',
    );

    expect(refused.blockingParticipants).toEqual(['ru']);
    expect(await headPosition(ledger)).toBe(head);
    expect((await readProposal(ledger, proposalId)).status).toBe('open');
  });

  it('the item is deferred to the November plenary and stays open', async () => {
    await record(ledger, `/v1/proposals/${proposalId}/deferral`, { toMeetingId: kp.plenary, occurredAt: '2022-06-24' });
    expect(await readProposal(ledger, proposalId)).toMatchObject({ status: 'open', deferredTo: kp.plenary });
  });

  it('Belarus objects as well', async () => {
    expect((await object(ledger, proposalId, 'by', 'outside the mandate of the KP', '2022-11-08')).status).toBe(201);
    expect((await readProposal(ledger, proposalId)).blockingParticipants).toEqual(['by', 'ru']);
  });

  it('at the Gaborone plenary in November 2022 the Chair records that there is no consensus', async () => {
    const created = await record(ledger, `/v1/proposals/${proposalId}/decision`, {
      outcome: 'no-consensus',
      declaredBy: 'bw',
      meetingId: kp.plenary,
      occurredAt: '2022-11-10T16:00:00Z',
    });
    expect(await storedEvents(ledger, created.eventIds)).toEqual([
      expect.objectContaining({ type: 'NoConsensusRecorded', data: expect.objectContaining({ blockingParticipants: ['by', 'ru'], declaredAs: 'chair' }) }),
    ]);

    expect(await readProposal(ledger, proposalId)).toMatchObject({
      status: 'not-adopted',
      decision: { outcome: 'no-consensus', declaredBy: 'bw', declaredAs: 'chair', meetingId: kp.plenary, occurredAt: '2022-11-10T16:00:00.000Z' },
      consensusPossible: false,
    });
    expect(await readProposalIds(ledger, kp.bodyId, 'not-adopted')).toEqual([proposalId]);
    expect(await readProposalIds(ledger, kp.bodyId, 'open')).toEqual([]);
    expect((await readBody(ledger, kp.bodyId)).definition).toEqual({ text: CONFLICT_DIAMONDS, effectiveFrom: '2003-01-01T00:00:00.000Z', proposalId: null });
  });

  it('the closed proposal accepts no further support, objection or decision', async () => {
    const head = await headPosition(ledger);

    expectProblem(await support(ledger, proposalId, 'ae', '2022-11-11'), 422, 'proposal-closed');
    expectProblem(await object(ledger, proposalId, 'zw', 'late', '2022-11-11'), 422, 'proposal-closed');
    expectProblem(await decide(ledger, proposalId, { outcome: 'consensus', meetingId: kp.plenary, occurredAt: '2022-11-11' }), 422, 'proposal-closed');

    expect(await headPosition(ledger)).toBe(head);
  });

  it('the plenary nevertheless adopts a communiqué and closes', async () => {
    await record(ledger, `/v1/meetings/${kp.plenary}/communique`, { adopted: true, text: 'The plenary met in Gaborone.', occurredAt: '2022-11-11T12:00:00Z' });
    await record(ledger, `/v1/meetings/${kp.plenary}/closure`, { occurredAt: '2022-11-11T18:00:00Z' });

    expect(await readMeeting(ledger, kp.plenary)).toMatchObject({
      status: 'closed',
      closedAt: '2022-11-11T18:00:00.000Z',
      communique: { adopted: true, text: 'The plenary met in Gaborone.', occurredAt: '2022-11-11T12:00:00.000Z' },
    });
  });

  it("exports a log that the import accepts whole, under the ledger's rules, and reproduces exactly", async () => {
    await expectExportRoundTrips(ledger.storage);
  });
});
