import { expectExportRoundTrips } from './support/concord-cli';
import { conveneMeeting, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { headPosition, readMeeting, record, uniqueId } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { expectInvalidField, expectProblem } from './support/problems';

describe('Meetings: convening, statements, communiqué and closure', () => {
  let ledger: LedgerHarness;
  let bodyId: string;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    ({ bodyId } = await recordKimberleyProcess(ledger));
  });
  afterAll(() => ledger.stop());

  describe('POST /v1/bodies/:id/meetings', () => {
    it('convenes a meeting on its own stream, and the meeting reads back open with no statements', async () => {
      const meetingId = uniqueId('plenary-2023');

      const created = await record(ledger, `/v1/bodies/${bodyId}/meetings`, {
        meetingId,
        kind: 'plenary',
        location: 'Victoria Falls',
        opensOn: '2023-11-06',
        closesOn: '2023-11-10',
        occurredAt: '2023-11-06T08:00:00+02:00',
      });

      expect(created).toMatchObject({ stream: `meeting-${meetingId}`, streamRevision: 0 });
      expect(await readMeeting(ledger, meetingId)).toEqual({
        position: expect.any(Number),
        meetingId,
        bodyId,
        kind: 'plenary',
        location: 'Victoria Falls',
        opensOn: '2023-11-06',
        closesOn: '2023-11-10',
        status: 'open',
        closedAt: null,
        communique: null,
        statements: [],
        statementCount: 0,
        nextStatementsCursor: null,
        proposals: [],
        streamRevision: 0,
      });
    });

    it('convenes a decision by written procedure, whose closing day is the deadline', async () => {
      const meetingId = await conveneMeeting(ledger, bodyId, {
        kind: 'written-procedure',
        location: 'written procedure',
        opensOn: '2023-03-01',
        closesOn: '2023-03-15',
      });
      expect(await readMeeting(ledger, meetingId)).toMatchObject({ kind: 'written-procedure', opensOn: '2023-03-01', closesOn: '2023-03-15' });
    });

    it('refuses a meeting that closes before it opens, naming closesOn', async () => {
      const answer = await ledger.post(`/v1/bodies/${bodyId}/meetings`, {
        meetingId: uniqueId('backwards'),
        kind: 'special',
        location: 'Brussels',
        opensOn: '2023-05-10',
        closesOn: '2023-05-09',
        occurredAt: '2023-05-01',
      });
      expectInvalidField(answer, 'closesOn');
    });
  });

  describe('POST /v1/meetings/:id/statements', () => {
    it('records statements by a participant and an observer, about a proposal or not, in order', async () => {
      const meetingId = await conveneMeeting(ledger, bodyId);
      const { proposalId } = await tableProposal(ledger, bodyId, { meetingId });

      const byUkraine = await record(ledger, `/v1/meetings/${meetingId}/statements`, {
        speakerId: 'ua',
        proposalId,
        summary: 'Ukraine asks the KP to discuss how diamonds finance the war.',
        occurredAt: '2022-06-21T10:00:00Z',
      });
      const byCoalition = await record(ledger, `/v1/meetings/${meetingId}/statements`, {
        speakerId: 'csc',
        summary: 'The Coalition supports a wider definition.',
        occurredAt: '2022-06-21T10:15:00Z',
      });

      expect(byCoalition.streamRevision).toBe(byUkraine.streamRevision + 1);
      expect((await readMeeting(ledger, meetingId)).statements).toEqual([
        {
          eventId: byUkraine.eventIds[0],
          speakerId: 'ua',
          speakerRole: 'participant',
          proposalId,
          summary: 'Ukraine asks the KP to discuss how diamonds finance the war.',
          occurredAt: '2022-06-21T10:00:00.000Z',
        },
        {
          eventId: byCoalition.eventIds[0],
          speakerId: 'csc',
          speakerRole: 'observer',
          proposalId: null,
          summary: 'The Coalition supports a wider definition.',
          occurredAt: '2022-06-21T10:15:00.000Z',
        },
      ]);
    });
  });

  describe('POST /v1/meetings/:id/communique', () => {
    it('records an adopted communiqué with its text (Gaborone, 2022)', async () => {
      const meetingId = await conveneMeeting(ledger, bodyId, { kind: 'plenary', location: 'Gaborone', opensOn: '2022-11-07', closesOn: '2022-11-11' });

      await record(ledger, `/v1/meetings/${meetingId}/communique`, {
        adopted: true,
        text: 'Final communiqué of the Gaborone plenary.',
        occurredAt: '2022-11-11',
      });

      expect((await readMeeting(ledger, meetingId)).communique).toEqual({
        adopted: true,
        text: 'Final communiqué of the Gaborone plenary.',
        occurredAt: '2022-11-11T00:00:00.000Z',
      });
    });

    it('records that no communiqué was adopted, with the reason (Victoria Falls, 2023)', async () => {
      const meetingId = await conveneMeeting(ledger, bodyId, { kind: 'plenary', location: 'Victoria Falls', opensOn: '2023-11-06', closesOn: '2023-11-10' });

      await record(ledger, `/v1/meetings/${meetingId}/communique`, { adopted: false, reason: 'No consensus on the text.', occurredAt: '2023-11-10' });

      expect((await readMeeting(ledger, meetingId)).communique).toEqual({
        adopted: false,
        reason: 'No consensus on the text.',
        occurredAt: '2023-11-10T00:00:00.000Z',
      });
    });

    it.each([
      ['an adopted communiqué that gives a reason', { adopted: true, text: 'Text.', reason: 'Why not.' }, 'reason'],
      ['an adopted communiqué without its text', { adopted: true }, 'text'],
      ['a communiqué not adopted that gives a text', { adopted: false, text: 'Text.', reason: 'Why not.' }, 'text'],
      ['a communiqué not adopted without a reason', { adopted: false }, 'reason'],
      ['a communiqué whose adoption is not a boolean', { adopted: 'yes', text: 'Text.' }, 'adopted'],
    ])('refuses %s, naming the field, and records nothing', async (_case, fields, field) => {
      const meetingId = await conveneMeeting(ledger, bodyId);
      const head = await headPosition(ledger);

      expectInvalidField(await ledger.post(`/v1/meetings/${meetingId}/communique`, { ...fields, occurredAt: '2022-06-24' }), field);

      expect(await headPosition(ledger)).toBe(head);
      expect((await readMeeting(ledger, meetingId)).communique).toBeNull();
    });
  });

  describe('POST /v1/meetings/:id/closure', () => {
    it('closes the meeting at the moment given', async () => {
      const meetingId = await conveneMeeting(ledger, bodyId);

      await record(ledger, `/v1/meetings/${meetingId}/closure`, { occurredAt: '2022-06-20T17:00:00Z' });

      expect(await readMeeting(ledger, meetingId)).toMatchObject({ status: 'closed', closedAt: '2022-06-20T17:00:00.000Z', streamRevision: 1 });
    });

    it('still takes a late entry for something said before the closure (rule 8)', async () => {
      const meetingId = await conveneMeeting(ledger, bodyId);
      await record(ledger, `/v1/meetings/${meetingId}/closure`, { occurredAt: '2022-06-20T17:00:00Z' });

      await record(ledger, `/v1/meetings/${meetingId}/statements`, { speakerId: 'wdc', summary: 'Entered late.', occurredAt: '2022-06-20T16:00:00Z' });

      expect((await readMeeting(ledger, meetingId)).statements).toEqual([expect.objectContaining({ speakerId: 'wdc', summary: 'Entered late.' })]);
    });

    it.each([
      ['a statement', 'statements', { speakerId: 'wdc', summary: 'Said after the closing day.' }],
      ['a communiqué', 'communique', { adopted: true, text: 'Adopted after the closing day.' }],
    ])('refuses a closure dated before %s the meeting holds, and records nothing', async (_case, path, fields) => {
      const meetingId = await conveneMeeting(ledger, bodyId);
      await record(ledger, `/v1/meetings/${meetingId}/${path}`, { ...fields, occurredAt: '2022-06-25T10:00:00Z' });
      const head = await headPosition(ledger);

      const refused = expectProblem(
        await ledger.post(`/v1/meetings/${meetingId}/closure`, { occurredAt: '2022-06-24T18:00:00Z' }),
        422,
        'occurred-out-of-order',
      );

      expect(refused).toMatchObject({ occurredAt: '2022-06-24T18:00:00.000Z', earliest: '2022-06-25T10:00:00.000Z' });
      expect(await headPosition(ledger)).toBe(head);
      expect(await readMeeting(ledger, meetingId)).toMatchObject({ status: 'open', closedAt: null });
      await record(ledger, `/v1/meetings/${meetingId}/closure`, { occurredAt: '2022-06-25T10:00:00Z' });
    });
  });

  it("exports a log that the import accepts whole, under the ledger's rules, and reproduces exactly", async () => {
    await expectExportRoundTrips(ledger.storage);
  });
});
