import { ErrorCode } from '../libs/ledger/src/errors/error-catalogue';
import { expectExportRoundTrips } from './support/concord-cli';
import { readEventLog } from './support/event-log';
import { conveneMeeting, decide, establishBody, object, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { Created, expectCreated, headPosition, read, readBody, readChairs, readMeeting, readProposal, record } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { expectInvalidField, expectProblem } from './support/problems';

interface BodyHistoryPage {
  entries: {
    stream: string;
    streamRevision: number;
    eventId: string;
    type: string;
    data: Record<string, unknown>;
    correctedData: Record<string, unknown> | null;
  }[];
}

describe('POST /v1/corrections (rule 7: a mistake is corrected, never rewritten)', () => {
  let ledger: LedgerHarness;
  let bodyId: string;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    ({ bodyId } = await recordKimberleyProcess(ledger));
  });
  afterAll(() => ledger.stop());

  const correct = (event: Created, corrections: Record<string, unknown>, reason = 'transcription error', occurredAt = '2022-07-01'): Promise<Created> =>
    record(ledger, '/v1/corrections', { correctsEventId: event.eventIds[0], reason, corrections, occurredAt });

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

    // Named by its id in capitals, as some tools write UUIDs: the same event.
    await record(ledger, '/v1/corrections', {
      correctsEventId: objection.eventIds[0]?.toUpperCase(),
      reason: 'the minutes give the hour',
      corrections: { occurredAt: '2022-06-22T14:00:00+02:00' },
      occurredAt: '2022-07-01',
    });

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

    await correct(admitted, { name: 'Uzbekistan' }, 'transcription error', '2024-12-01');
    // A correction is not decided before what it corrects happened.
    const early = { correctsEventId: admitted.eventIds[0], reason: 'too early', corrections: { name: 'Uzbek' }, occurredAt: '2024-11-07' };
    expectProblem(await ledger.post('/v1/corrections', early), 422, 'occurred-out-of-order');

    expect((await readBody(ledger, bodyId)).participants).toContainEqual({ participantId: 'uz', name: 'Uzbekistan', kind: 'state', status: 'active' });
  });

  describe("a member's corrected date, held to the member's records and offices dated after it", () => {
    const correction = (event: Created, occurredAt: string) => ({
      correctsEventId: event.eventIds[0],
      reason: 'keyed wrong',
      corrections: { occurredAt },
      occurredAt: '2023-02-01',
    });

    it('refuses an admission moved after the Chair the member was given, with occurred-out-of-order, and corrects one moved before it', async () => {
      const kp = await establishBody(ledger);
      const admitted = await record(ledger, `/v1/bodies/${kp}/participants`, {
        participantId: 'bw',
        name: 'Botswana',
        kind: 'state',
        occurredAt: '2020-01-01',
      });
      await record(ledger, `/v1/bodies/${kp}/chair`, { participantId: 'bw', term: 2021, basis: 'election', occurredAt: '2020-11-01' });
      const head = await headPosition(ledger);

      const moved = { correctsStream: `body-${kp}`, correctsRevision: admitted.streamRevision, reason: 'r', occurredAt: '2022-01-02' };
      const refused = expectProblem(
        await ledger.post('/v1/corrections', { ...moved, corrections: { occurredAt: '2022-01-01' } }),
        422,
        'occurred-out-of-order',
      );

      expect(refused).toMatchObject({ dependentType: 'ChairAssigned', dependentOccurredAt: '2020-11-01T00:00:00.000Z', reason: 'not-a-participant' });
      expect(await headPosition(ledger)).toBe(head);
      await record(ledger, '/v1/corrections', { ...moved, corrections: { occurredAt: '2020-06-01' } });
    });

    it('refuses a suspension moved before an office the member was given, as the suspension itself would be refused', async () => {
      const kp = await establishBody(ledger);
      await record(ledger, `/v1/bodies/${kp}/participants`, { participantId: 'bw', name: 'Botswana', kind: 'state', occurredAt: '2003-01-01' });
      await record(ledger, `/v1/bodies/${kp}/vice-chair`, { participantId: 'bw', term: 2023, occurredAt: '2022-11-12' });
      expectProblem(await ledger.post(`/v1/bodies/${kp}/participants/bw/suspension`, { reason: 'r', occurredAt: '2022-01-01' }), 422, 'occurred-out-of-order');
      const suspension = await record(ledger, `/v1/bodies/${kp}/participants/bw/suspension`, { reason: 'r', occurredAt: '2023-01-10' });

      const refused = expectProblem(await ledger.post('/v1/corrections', correction(suspension, '2022-01-01')), 422, 'occurred-out-of-order');
      expect(refused).toMatchObject({ dependentType: 'ViceChairSelected', reason: 'participant-suspended' });
      await record(ledger, '/v1/corrections', correction(suspension, '2022-11-12T12:00:00Z'));
    });
  });

  describe('who holds an office, named as the body history shows the record', () => {
    /** The 2022 Chair's record as the body's history lists it. */
    const chair2022 = async (kp: string) =>
      (await read<BodyHistoryPage>(ledger, `/v1/bodies/${kp}/history?from=2022-01-01&to=2022-01-01`)).entries.find((entry) => entry.type === 'ChairAssigned');

    it('corrects a mistyped Chair by stream and revision; the body, its terms and later decisions follow the corrected Chair', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const entry = await chair2022(kp.bodyId);
      expect(entry).toMatchObject({ stream: `body-${kp.bodyId}`, data: expect.objectContaining({ participantId: 'bw', basis: 'succession' }) });

      const correction = await record(ledger, '/v1/corrections', {
        correctsStream: entry?.stream,
        correctsRevision: entry?.streamRevision,
        reason: 'the plenary elected the UAE; Botswana was keyed by mistake',
        corrections: { participantId: 'ae', basis: 'election' },
        occurredAt: '2022-02-01',
      });

      expect(correction.stream).toBe(`body-${kp.bodyId}`);
      expect(await readChairs(ledger, kp.bodyId)).toContainEqual({ term: 2022, chair: 'ae', viceChair: null, basis: 'election' });
      expect((await chair2022(kp.bodyId))?.correctedData).toMatchObject({ participantId: 'ae', basis: 'election' });
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.plenary, occurredAt: '2022-11-07' });
      expectProblem(await decide(ledger, proposalId, { outcome: 'consensus', declaredBy: 'bw', meetingId: kp.plenary }), 422, 'not-the-chair');
      expect((await decide(ledger, proposalId, { outcome: 'consensus', declaredBy: 'ae', meetingId: kp.plenary })).status).toBe(201);
    });

    it('refuses a corrected Chair the office rules refuse, with the code the office itself would get', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const entry = await chair2022(kp.bodyId);
      const named = { correctsEventId: entry?.eventId, reason: 'mistyped', occurredAt: '2022-02-01' };
      expectProblem(await ledger.post('/v1/corrections', { ...named, corrections: { participantId: 'ae' } }), 422, 'succession-without-vice-chair');
      expectProblem(await ledger.post('/v1/corrections', { ...named, corrections: { participantId: 'csc', basis: 'election' } }), 422, 'not-a-participant');
      expect(await readChairs(ledger, kp.bodyId)).toContainEqual({ term: 2022, chair: 'bw', viceChair: null, basis: 'succession' });
    });

    it('refuses a corrected holder who would hold both offices of a term, with holds-other-office', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const history = await read<BodyHistoryPage>(ledger, `/v1/bodies/${kp.bodyId}/history?from=2021-01-01&to=2021-01-01`);
      const chair2021 = history.entries.find((entry) => entry.type === 'ChairAssigned');
      const viceChair2021 = history.entries.find((entry) => entry.type === 'ViceChairSelected');
      const corrected = (entry: typeof chair2021, participantId: string) => ({
        correctsEventId: entry?.eventId,
        reason: 'mistyped',
        corrections: { participantId },
        occurredAt: '2022-02-01',
      });
      const head = await headPosition(ledger);

      // Russia chaired 2021: the Vice-Chair recorded after it cannot become Russia.
      expectProblem(await ledger.post('/v1/corrections', corrected(viceChair2021, 'ru')), 422, 'holds-other-office');
      // Botswana was Vice-Chair of 2021, recorded after the Chair: the Chair cannot become Botswana.
      expectProblem(await ledger.post('/v1/corrections', corrected(chair2021, 'bw')), 422, 'holds-other-office');

      expect(await headPosition(ledger)).toBe(head);
      expect(await readChairs(ledger, kp.bodyId)).toContainEqual({ term: 2021, chair: 'ru', viceChair: 'bw', basis: 'postponement' });
    });

    it("refuses an office's date moved out of the years its term allows, with office-term-out-of-range", async () => {
      const kp = await recordKimberleyProcess(ledger);
      const entry = await chair2022(kp.bodyId);
      const moved = (occurredAt: string) => ({ correctsEventId: entry?.eventId, reason: 'mistyped', corrections: { occurredAt }, occurredAt: '2022-02-01' });
      const head = await headPosition(ledger);

      expectProblem(await ledger.post('/v1/corrections', moved('2019-11-12')), 422, 'office-term-out-of-range');
      expect(await headPosition(ledger)).toBe(head);
      await record(ledger, '/v1/corrections', moved('2021-11-12'));
    });

    it('corrects a mistyped Vice-Chair once no later Chair depends on it', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const history = await read<BodyHistoryPage>(ledger, `/v1/bodies/${kp.bodyId}/history?from=2021-01-01&to=2021-01-01`);
      const viceChair = history.entries.find((entry) => entry.type === 'ViceChairSelected');
      const correction = {
        correctsStream: viceChair?.stream,
        correctsRevision: viceChair?.streamRevision,
        reason: 'Zimbabwe was selected',
        corrections: { participantId: 'zw' },
        occurredAt: '2022-02-01',
      };
      // Botswana's 2022 chair is recorded as a succession from the 2021 Vice-Chair: that would no longer hold.
      expectProblem(await ledger.post('/v1/corrections', correction), 422, 'succession-without-vice-chair');
      const chair = await chair2022(kp.bodyId);
      await record(ledger, '/v1/corrections', {
        correctsEventId: chair?.eventId,
        reason: 'Botswana was elected',
        corrections: { basis: 'election' },
        occurredAt: '2022-02-01',
      });
      await record(ledger, '/v1/corrections', correction);
      expect(await readChairs(ledger, kp.bodyId)).toEqual(
        expect.arrayContaining([
          { term: 2021, chair: 'ru', viceChair: 'zw', basis: 'postponement' },
          { term: 2022, chair: 'bw', viceChair: null, basis: 'election' },
        ]),
      );
    });

    it("corrects an office's mistyped term: the term it named is free again, and a Chair moved follows the Vice-Chair before its new term", async () => {
      const kp = await recordKimberleyProcess(ledger);
      const offices = `/v1/bodies/${kp.bodyId}`;
      await record(ledger, `${offices}/vice-chair`, { participantId: 'ae', term: 2022, occurredAt: '2021-11-15' });
      // The plenary chose Ukraine to chair 2023; the year was keyed as 2024.
      const mistyped = await record(ledger, `${offices}/chair`, { participantId: 'ua', term: 2024, basis: 'election', occurredAt: '2023-01-05' });
      expectProblem(
        await ledger.post(`${offices}/chair`, { participantId: 'zw', term: 2024, basis: 'election', occurredAt: '2024-01-05' }),
        422,
        'chair-term-taken',
      );
      const named = { correctsStream: mistyped.stream, correctsRevision: mistyped.streamRevision, reason: 'the year was mistyped', occurredAt: '2023-02-01' };
      const head = await headPosition(ledger);

      expectProblem(await ledger.post('/v1/corrections', { ...named, corrections: { term: 2022 } }), 422, 'office-term-out-of-range');
      expect(expectProblem(await ledger.post('/v1/corrections', { ...named, corrections: { term: '2023' } }), 422, 'correction-not-applicable')).toMatchObject({
        field: 'term',
      });
      expect(await headPosition(ledger)).toBe(head);
      const correction = await record(ledger, '/v1/corrections', { ...named, corrections: { term: 2023 } });

      const stored = (await readEventLog(ledger)).find((event) => event.eventId === correction.eventIds[0]);
      expect(stored).toMatchObject({ type: 'CorrectionRecorded', schemaVersion: 4, data: { corrections: { term: 2023, previousViceChair: 'ae' } } });
      const chairs = await readChairs(ledger, kp.bodyId);
      expect(chairs).toContainEqual({ term: 2023, chair: 'ua', viceChair: null, basis: 'election' });
      expect(chairs.find((term) => term.term === 2024)).toBeUndefined();
      await record(ledger, `${offices}/chair`, { participantId: 'zw', term: 2024, basis: 'election', occurredAt: '2024-01-05' });
      const history = await read<BodyHistoryPage>(ledger, `${offices}/history?from=2023-01-05&to=2023-01-05`);
      expect(history.entries.find((entry) => entry.eventId === mistyped.eventIds[0])?.correctedData).toMatchObject({ term: 2023, previousViceChair: 'ae' });
    });

    it("decides a decision again on its corrected date: the objections that stood that day and its meeting's closure", async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.plenary, occurredAt: '2022-11-07' });
      expect((await object(ledger, proposalId, 'zw', 'no', '2022-11-07T10:00:00Z')).status).toBe(201);
      // Zimbabwe suspends itself on 9 November: its objection no longer blocks from then on (rule 3).
      await record(ledger, `/v1/bodies/${kp.bodyId}/participants/zw/suspension`, { reason: 'self-suspension', occurredAt: '2022-11-09' });
      const decision = expectCreated(await decide(ledger, proposalId, { outcome: 'consensus', meetingId: kp.plenary, occurredAt: '2022-11-10' }));
      await record(ledger, `/v1/meetings/${kp.plenary}/closure`, { occurredAt: '2022-11-11' });
      const moved = (occurredAt: string) => ({
        correctsEventId: decision.eventIds[0],
        reason: 'the minutes',
        corrections: { occurredAt },
        occurredAt: '2022-12-01',
      });
      const head = await headPosition(ledger);

      expect(expectProblem(await ledger.post('/v1/corrections', moved('2022-11-08')), 422, 'objections-standing')).toMatchObject({
        blockingParticipants: ['zw'],
      });
      expectProblem(await ledger.post('/v1/corrections', moved('2022-11-12')), 422, 'meeting-closed');
      expect(await headPosition(ledger)).toBe(head);
      await record(ledger, '/v1/corrections', moved('2022-11-09T12:00:00Z'));
      expect(await readProposal(ledger, proposalId)).toMatchObject({ status: 'adopted', decision: { occurredAt: '2022-11-09T12:00:00.000Z' } });
    });

    it('holds support and objections moved to another date to the body on that date and to the order of the proposal', async () => {
      const kp = await recordKimberleyProcess(ledger);
      await record(ledger, `/v1/bodies/${kp.bodyId}/participants`, { participantId: 'ao', name: 'Angola', kind: 'state', occurredAt: '2022-06-20' });
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { occurredAt: '2022-06-19' });
      const objection = expectCreated(await object(ledger, proposalId, 'ao', 'no', '2022-06-22'));
      await record(ledger, `/v1/proposals/${proposalId}/objections/ao/withdrawal`, { occurredAt: '2022-06-24' });
      const moved = (occurredAt: string) => ({
        correctsEventId: objection.eventIds[0],
        reason: 'the minutes',
        corrections: { occurredAt },
        occurredAt: '2022-07-01',
      });
      const head = await headPosition(ledger);

      // Angola was admitted on 20 June: on the 19th it could not object.
      expectProblem(await ledger.post('/v1/corrections', moved('2022-06-19T12:00:00Z')), 422, 'not-a-participant');
      // Its withdrawal is dated 24 June: the objection cannot come after it.
      expect(expectProblem(await ledger.post('/v1/corrections', moved('2022-06-25')), 422, 'occurred-out-of-order')).toMatchObject({
        dependentType: 'ObjectionWithdrawn',
      });
      expect(await headPosition(ledger)).toBe(head);
      await record(ledger, '/v1/corrections', moved('2022-06-21'));
    });

    it('holds a tabling or a deferral moved to another date to the body and the meeting it names on that date, as its command was', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId, created: tabling } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional, occurredAt: '2022-06-21' });
      await record(ledger, `/v1/meetings/${kp.intersessional}/closure`, { occurredAt: '2022-06-24T18:00:00Z' });
      const deferral = await record(ledger, `/v1/proposals/${proposalId}/deferral`, { toMeetingId: kp.plenary, occurredAt: '2022-06-25' });
      await record(ledger, `/v1/meetings/${kp.plenary}/closure`, { occurredAt: '2022-11-11T18:00:00Z' });
      const moved = (record: Created, occurredAt: string) => ({
        correctsEventId: record.eventIds[0],
        reason: 'the minutes',
        corrections: { occurredAt },
        occurredAt: '2022-12-01',
      });
      const head = await headPosition(ledger);

      // Tabled after its meeting closed, before it convened, before the body existed.
      expectProblem(await ledger.post('/v1/corrections', moved(tabling, '2022-06-24T19:00:00Z')), 422, 'meeting-closed');
      expectProblem(await ledger.post('/v1/corrections', moved(tabling, '2022-06-19')), 422, 'occurred-out-of-order');
      expectProblem(await ledger.post('/v1/corrections', moved(tabling, '2002-06-01')), 422, 'occurred-out-of-order');
      // Deferred to a meeting already closed that day.
      expectProblem(await ledger.post('/v1/corrections', moved(deferral, '2022-11-12')), 422, 'meeting-closed');
      expect(await headPosition(ledger)).toBe(head);

      await record(ledger, '/v1/corrections', moved(tabling, '2022-06-20T10:00:00Z'));
      await record(ledger, '/v1/corrections', moved(deferral, '2022-11-01'));
      // In world time the proposal is there from the corrected date on.
      expect(await read(ledger, `/v1/proposals/${proposalId}?effectiveAt=2022-06-20T11:00:00Z`)).toMatchObject({ proposalId, meetingId: kp.intersessional });
      expect(await readProposal(ledger, proposalId)).toMatchObject({ deferredTo: kp.plenary });
    });

    it('holds a statement moved to another date to its proposal, tabled by then, and to its speaker, a member then', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional, occurredAt: '2022-06-21T09:00:00Z' });
      const statement = await record(ledger, `/v1/meetings/${kp.intersessional}/statements`, {
        speakerId: 'csc',
        proposalId,
        summary: 'The Coalition supports the item.',
        occurredAt: '2022-06-22',
      });
      const moved = (occurredAt: string) => ({
        correctsEventId: statement.eventIds[0],
        reason: 'the minutes',
        corrections: { occurredAt },
        occurredAt: '2022-07-01',
      });
      const head = await headPosition(ledger);

      expect(expectProblem(await ledger.post('/v1/corrections', moved('2022-06-21T08:00:00Z')), 422, 'occurred-out-of-order').detail).toContain(
        `proposal ${proposalId} was tabled`,
      );
      expect(await headPosition(ledger)).toBe(head);
      await record(ledger, '/v1/corrections', moved('2022-06-21T10:00:00Z'));
    });

    it('refuses a record named half, both ways, or at a revision the stream does not have', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const entry = await chair2022(kp.bodyId);
      const base = { reason: 'mistyped', corrections: { basis: 'election' }, occurredAt: '2022-02-01' };
      expectInvalidField(await ledger.post('/v1/corrections', base), 'correctsEventId');
      expectInvalidField(await ledger.post('/v1/corrections', { ...base, correctsStream: entry?.stream }), 'correctsRevision');
      expectInvalidField(await ledger.post('/v1/corrections', { ...base, correctsRevision: 3 }), 'correctsStream');
      expectInvalidField(
        await ledger.post('/v1/corrections', {
          ...base,
          correctsEventId: entry?.eventId,
          correctsStream: entry?.stream,
          correctsRevision: entry?.streamRevision,
        }),
        'correctsEventId',
      );
      expectInvalidField(await ledger.post('/v1/corrections', { ...base, correctsStream: 'kp', correctsRevision: 0 }), 'correctsStream');
      expectInvalidField(await ledger.post('/v1/corrections', { ...base, correctsStream: entry?.stream, correctsRevision: -1 }), 'correctsRevision');
      expectProblem(await ledger.post('/v1/corrections', { ...base, correctsStream: entry?.stream, correctsRevision: 9999 }), 404, 'event-not-found');
      expectProblem(await ledger.post('/v1/corrections', { ...base, correctsStream: 'body-nowhere', correctsRevision: 0 }), 404, 'event-not-found');
    });
  });

  describe("a decision's outcome and who declared it, decided again by the decision's rules", () => {
    it('refuses consensus over the objection that stood, with the code the declaration would get, and corrects the declarant to the acting Vice-Chair', async () => {
      const kp = await recordKimberleyProcess(ledger);
      await record(ledger, `/v1/bodies/${kp.bodyId}/vice-chair`, { participantId: 'zw', term: 2022, occurredAt: '2022-01-02' });
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.plenary, occurredAt: '2022-11-07' });
      expectCreated(await object(ledger, proposalId, 'ru', 'an attempt to politicize the KP', '2022-11-08'));
      const decision = expectCreated(await decide(ledger, proposalId, { outcome: 'no-consensus', meetingId: kp.plenary }));

      const refusedWith = async (corrections: Record<string, unknown>, code: ErrorCode): Promise<void> => {
        const answer = await ledger.post('/v1/corrections', {
          correctsEventId: decision.eventIds[0],
          reason: 'keyed wrong',
          corrections,
          occurredAt: '2022-12-01',
        });
        expectProblem(answer, 422, code);
      };
      await refusedWith({ outcome: 'consensus' }, 'objections-standing');
      await refusedWith({ declaredBy: 'ru' }, 'not-the-chair');
      await correct(decision, { declaredBy: 'zw' }, 'the Vice-Chair acted for the Chair that day', '2022-12-01');

      expect(await readProposal(ledger, proposalId)).toMatchObject({
        status: 'not-adopted',
        decision: { outcome: 'no-consensus', declaredBy: 'zw', declaredAs: 'acting-chair', blockedBy: ['ru'] },
      });
    });

    it('corrects consensus into no consensus: the proposal reads not adopted', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.plenary, occurredAt: '2022-11-07' });
      const decision = expectCreated(await decide(ledger, proposalId, { outcome: 'consensus', meetingId: kp.plenary }));
      expect(await readProposal(ledger, proposalId)).toMatchObject({ status: 'adopted' });

      const correction = await correct(decision, { outcome: 'no-consensus' }, 'the minutes record no consensus', '2022-12-01');

      expect(await readProposal(ledger, proposalId)).toMatchObject({
        status: 'not-adopted',
        decision: { outcome: 'no-consensus', declaredBy: 'bw', blockedBy: [] },
      });
      type Entries = { entries: { type: string; correctedType: string | null; correctedData: Record<string, unknown> | null }[] };
      const history = await read<Entries>(ledger, `/v1/proposals/${proposalId}/history`);
      // The record keeps its type in the history; the type and data it now reads as are beside it.
      expect(history.entries.find((entry) => entry.type === 'ConsensusDeclared')).toMatchObject({
        correctedType: 'NoConsensusRecorded',
        correctedData: { declaredBy: 'bw', blockingParticipants: [] },
      });
      expect(history.entries.filter((entry) => entry.type !== 'ConsensusDeclared').map((entry) => entry.correctedType)).toEqual(
        history.entries.filter((entry) => entry.type !== 'ConsensusDeclared').map(() => null),
      );
      const bodyHistory = await read<Entries>(ledger, `/v1/bodies/${kp.bodyId}/history?limit=500`);
      expect(bodyHistory.entries.find((entry) => entry.type === 'ConsensusDeclared')?.correctedType).toBe('NoConsensusRecorded');
      // The correction's own entry shows its data as recorded, as the event feed does.
      const page = `/v1/events?after=${correction.position - 1}&limit=1`;
      const [recorded] = (await read<{ events: { data: unknown }[] }>(ledger, page, { role: 'integrator' })).events;
      const entry = history.entries.find((each) => each.type === 'CorrectionRecorded') as unknown as { data: Record<string, unknown> };
      expect(entry.data).toEqual(recorded?.data);
      expect(entry.data).toMatchObject({ correctedType: 'ConsensusDeclared' });
    });
  });

  // In a block of its own, so that it runs after every block above and exports what they recorded.
  describe('export', () => {
    it("exports a log that the import accepts whole, under the ledger's rules, and reproduces exactly", async () => {
      await expectExportRoundTrips(ledger.storage);
    });
  });
});
