import { expectExportRoundTrips } from './support/concord-cli';
import { readEventLog } from './support/event-log';
import { conveneMeeting, object, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { Created, expectCreated, readBody, readMeeting, readProposal, record } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';

describe('POST /v1/corrections (rule 7: a mistake is corrected, never rewritten)', () => {
  let ledger: LedgerHarness;
  let bodyId: string;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    ({ bodyId } = await recordKimberleyProcess(ledger));
  });
  afterAll(() => ledger.stop());

  const correct = (event: Created, corrections: Record<string, unknown>, reason = 'transcription error'): Promise<Created> =>
    record(ledger, '/v1/corrections', { correctsEventId: event.eventIds[0], reason, corrections, occurredAt: '2022-07-01' });

  it('corrects the grounds of an objection: the proposal reads the corrected grounds', async () => {
    const { proposalId } = await tableProposal(ledger, bodyId);
    const objection = expectCreated(await object(ledger, proposalId, 'ru', 'an attempt to politicise the KP', '2022-06-22T09:30:00Z'));

    const correction = await correct(objection, { grounds: 'an attempt to "politicize" the KP' });

    expect(correction).toMatchObject({ stream: `proposal-${proposalId}`, streamRevision: objection.streamRevision + 1 });
    expect(await readProposal(ledger, proposalId)).toMatchObject({
      standingObjections: [{ participantId: 'ru', grounds: 'an attempt to "politicize" the KP', since: '2022-06-22T09:30:00.000Z' }],
      blockingParticipants: ['ru'],
      streamRevision: correction.streamRevision,
    });
  });

  it('keeps the original event in the log beside the correction that names it', async () => {
    const { proposalId } = await tableProposal(ledger, bodyId);
    const objection = expectCreated(await object(ledger, proposalId, 'by', 'first wording'));

    const correction = await correct(objection, { grounds: 'second wording' }, 'the delegate corrected the minutes');

    const stream = (await readEventLog(ledger)).filter((event) => event.stream === `proposal-${proposalId}`);
    expect(stream.map((event) => [event.type, event.eventId])).toEqual([
      ['ProposalTabled', expect.any(String)],
      ['ObjectionRaised', objection.eventIds[0]],
      ['CorrectionRecorded', correction.eventIds[0]],
    ]);
    expect(stream[1]?.data).toMatchObject({ grounds: 'first wording' });
    expect(stream[2]?.data).toEqual({
      correctsEventId: objection.eventIds[0],
      correctedType: 'ObjectionRaised',
      reason: 'the delegate corrected the minutes',
      corrections: { grounds: 'second wording' },
      occurredAt: '2022-07-01T00:00:00.000Z',
    });
  });

  it('corrects when an objection was raised: the proposal reads the corrected date as its start', async () => {
    const { proposalId } = await tableProposal(ledger, bodyId);
    const objection = expectCreated(await object(ledger, proposalId, 'ru', 'grounds', '2022-06-23'));

    await correct(objection, { occurredAt: '2022-06-22T14:00:00+02:00' });

    expect((await readProposal(ledger, proposalId)).standingObjections).toEqual([
      { participantId: 'ru', grounds: 'grounds', since: '2022-06-22T12:00:00.000Z' },
    ]);
  });

  it('corrects where a meeting took place and the summary of a statement', async () => {
    const meetingId = await conveneMeeting(ledger, bodyId, { location: 'Gaborone' });
    const convening = (await readEventLog(ledger)).find((event) => event.stream === `meeting-${meetingId}` && event.type === 'MeetingConvened');
    const statement = await record(ledger, `/v1/meetings/${meetingId}/statements`, {
      speakerId: 'ua',
      summary: 'Ukrane spoke.',
      occurredAt: '2022-06-20T10:00:00Z',
    });

    await record(ledger, '/v1/corrections', {
      correctsEventId: convening?.eventId,
      reason: 'wrong city',
      corrections: { location: 'Kasane' },
      occurredAt: '2022-07-01',
    });
    await correct(statement, { summary: 'Ukraine spoke.' });

    const meeting = await readMeeting(ledger, meetingId);
    expect(meeting.location).toBe('Kasane');
    expect(meeting.statements).toEqual([expect.objectContaining({ eventId: statement.eventIds[0], summary: 'Ukraine spoke.' })]);
  });

  it('corrects the name of a participant on the body', async () => {
    const admitted = await record(ledger, `/v1/bodies/${bodyId}/participants`, {
      participantId: 'uz',
      name: 'Uzbekstan',
      kind: 'state',
      occurredAt: '2024-11-08',
    });

    await correct(admitted, { name: 'Uzbekistan' });

    expect((await readBody(ledger, bodyId)).participants).toContainEqual({ participantId: 'uz', name: 'Uzbekistan', kind: 'state', status: 'active' });
  });

  it("exports a log that the import accepts whole, under the ledger's rules, and reproduces exactly", async () => {
    await expectExportRoundTrips(ledger.storage);
  });
});
