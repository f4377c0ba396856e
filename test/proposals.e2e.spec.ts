import { expectExportRoundTrips } from './support/concord-cli';
import { storedEvents } from './support/event-log';
import {
  conveneMeeting,
  decide,
  KimberleyProcess,
  object,
  recordKimberleyProcess,
  support,
  tableProposal,
  WIDENED_DEFINITION,
} from './support/kimberley-process';
import { headPosition, read, readBody, readProposal, readProposalIds, record } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { expectInvalidField, expectProblem } from './support/problems';

describe('Proposals: tabling, revision, support, objections and decisions', () => {
  let ledger: LedgerHarness;
  let kp: KimberleyProcess;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    kp = await recordKimberleyProcess(ledger);
  });
  afterAll(() => ledger.stop());

  const eventTypes = async (eventIds: readonly string[]): Promise<string[]> => (await storedEvents(ledger, eventIds)).map((event) => event.type);

  describe('POST /v1/bodies/:id/proposals', () => {
    it('records a definition amendment as DefinitionAmendmentProposed on the proposal stream', async () => {
      const { proposalId, created } = await tableProposal(ledger, kp.bodyId, {
        kind: 'definition-amendment',
        text: WIDENED_DEFINITION,
        meetingId: kp.intersessional,
      });

      expect(created).toMatchObject({ stream: `proposal-${proposalId}`, streamRevision: 0 });
      expect(await eventTypes(created.eventIds)).toEqual(['DefinitionAmendmentProposed']);
      expect(await readProposal(ledger, proposalId)).toEqual({
        position: expect.any(Number),
        proposalId,
        bodyId: kp.bodyId,
        kind: 'definition-amendment',
        title: 'Discuss the war in Ukraine',
        text: WIDENED_DEFINITION,
        proposedBy: ['ua'],
        meetingId: kp.intersessional,
        deferredTo: null,
        status: 'open',
        revision: 1,
        supporters: [],
        standingObjections: [],
        blockingParticipants: [],
        consensusPossible: true,
        decision: null,
        withdrawal: null,
        streamRevision: 0,
      });
    });

    it.each(['administrative-decision', 'admission', 'agenda-item', 'other'])('records a proposal of kind %s as ProposalTabled', async (kind) => {
      const { proposalId, created } = await tableProposal(ledger, kp.bodyId, { kind });

      expect(created.stream).toBe(`proposal-${proposalId}`);
      expect(await eventTypes(created.eventIds)).toEqual(['ProposalTabled']);
      expect(await readProposal(ledger, proposalId)).toMatchObject({ kind, status: 'open', revision: 1 });
    });
  });

  describe('POST /v1/proposals/:id/revisions, /support, /objections, /objections/:participantId/withdrawal', () => {
    it('records support for the current text, and a revision lets that support lapse', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      await record(ledger, `/v1/proposals/${proposalId}/support`, { participantId: 'eu', occurredAt: '2022-06-21T12:00:00Z' });
      expect(await readProposal(ledger, proposalId)).toMatchObject({ revision: 1, supporters: ['eu'] });

      const revised = await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'The KP discusses the war in Ukraine.', occurredAt: '2022-06-22' });

      expect(await eventTypes(revised.eventIds)).toEqual(['ProposalRevised']);
      expect(await readProposal(ledger, proposalId)).toMatchObject({ revision: 2, text: 'The KP discusses the war in Ukraine.', supporters: [] });
    });

    it('records support or an objection on the revision it names, and refuses it once that text is revised, recording nothing', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      await record(ledger, `/v1/proposals/${proposalId}/support`, { participantId: 'eu', revision: 1, occurredAt: '2022-06-21T12:00:00Z' });
      await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'The KP discusses the war in Ukraine.', occurredAt: '2022-06-22' });
      const head = await headPosition(ledger);

      const support = expectProblem(
        await ledger.post(`/v1/proposals/${proposalId}/support`, { participantId: 'ua', revision: 1, occurredAt: '2022-06-23' }),
        422,
        'stale-revision',
      );
      expect(support).toMatchObject({ revision: 1, currentRevision: 2 });
      expect(support.detail).toContain('the support names revision 1, but the proposal is at revision 2');
      expectProblem(
        await ledger.post(`/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'No.', revision: 1, occurredAt: '2022-06-23' }),
        422,
        'stale-revision',
      );
      expect(await headPosition(ledger)).toBe(head);

      await record(ledger, `/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'No.', revision: 2, occurredAt: '2022-06-23' });
      expect(await readProposal(ledger, proposalId)).toMatchObject({ revision: 2, supporters: [], blockingParticipants: ['ru'] });
      for (const revision of [0, '2', null, 1.5]) {
        expectInvalidField(await ledger.post(`/v1/proposals/${proposalId}/support`, { participantId: 'ua', revision, occurredAt: '2022-06-23' }), 'revision');
      }
    });

    it('records an objection with its grounds, which blocks consensus until it is withdrawn', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);

      await record(ledger, `/v1/proposals/${proposalId}/objections`, {
        participantId: 'ru',
        grounds: 'Not a matter for the KP.',
        occurredAt: '2022-06-22T09:00:00Z',
      });
      expect(await readProposal(ledger, proposalId)).toMatchObject({
        standingObjections: [{ participantId: 'ru', grounds: 'Not a matter for the KP.', since: '2022-06-22T09:00:00.000Z' }],
        blockingParticipants: ['ru'],
        consensusPossible: false,
      });

      const withdrawn = await record(ledger, `/v1/proposals/${proposalId}/objections/ru/withdrawal`, { occurredAt: '2022-06-23' });
      expect(await eventTypes(withdrawn.eventIds)).toEqual(['ObjectionWithdrawn']);
      expect(await readProposal(ledger, proposalId)).toMatchObject({ standingObjections: [], blockingParticipants: [], consensusPossible: true });
    });

    it('refuses a late entry that a record already on the proposal contradicts, with occurred-out-of-order, and records nothing', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      expect((await object(ledger, proposalId, 'ru', 'no', '2022-06-26')).status).toBe(201);
      await record(ledger, `/v1/proposals/${proposalId}/support`, { participantId: 'eu', occurredAt: '2022-06-27' });
      const head = await headPosition(ledger);

      const withdrawal = expectProblem(
        await ledger.post(`/v1/proposals/${proposalId}/objections/ru/withdrawal`, { occurredAt: '2022-06-24' }),
        422,
        'occurred-out-of-order',
      );
      expect(withdrawal).toMatchObject({ occurredAt: '2022-06-24T00:00:00.000Z', earliest: '2022-06-26T00:00:00.000Z' });
      expectProblem(
        await ledger.post(`/v1/proposals/${proposalId}/revisions`, { text: 'Another text.', occurredAt: '2022-06-25' }),
        422,
        'occurred-out-of-order',
      );
      expectProblem(await ledger.post(`/v1/proposals/${proposalId}/withdrawal`, { reason: 'r', occurredAt: '2022-06-25' }), 422, 'occurred-out-of-order');
      expect(await headPosition(ledger)).toBe(head);
      expect(await readProposal(ledger, proposalId)).toMatchObject({ blockingParticipants: ['ru'], supporters: ['eu'] });
    });

    it("refuses a participant's support dated inside the days its own objection stood, or an objection dated before its support", async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      expect((await object(ledger, proposalId, 'ru', 'no', '2022-06-23')).status).toBe(201);
      await record(ledger, `/v1/proposals/${proposalId}/objections/ru/withdrawal`, { occurredAt: '2022-06-26' });
      await record(ledger, `/v1/proposals/${proposalId}/support`, { participantId: 'eu', occurredAt: '2022-06-25' });
      const head = await headPosition(ledger);

      const lateSupport = expectProblem(
        await ledger.post(`/v1/proposals/${proposalId}/support`, { participantId: 'ru', occurredAt: '2022-06-24' }),
        422,
        'occurred-out-of-order',
      );
      expect(lateSupport).toMatchObject({ occurredAt: '2022-06-24T00:00:00.000Z', earliest: '2022-06-26T00:00:00.000Z' });
      expect(lateSupport.detail).toContain("ru's withdrawal of its objection");
      expectProblem(
        await ledger.post(`/v1/proposals/${proposalId}/objections`, { participantId: 'eu', grounds: 'late', occurredAt: '2022-06-24' }),
        422,
        'occurred-out-of-order',
      );
      expect(await headPosition(ledger)).toBe(head);

      await record(ledger, `/v1/proposals/${proposalId}/support`, { participantId: 'ru', occurredAt: '2022-06-26T12:00:00Z' });
      expect(await readProposal(ledger, proposalId)).toMatchObject({ supporters: ['eu', 'ru'], blockingParticipants: [] });
    });

    it('keeps an objection standing across a revision (rule 2)', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      expect((await object(ledger, proposalId, 'by')).status).toBe(201);

      await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'A softer text.', occurredAt: '2022-06-23' });

      expect(await readProposal(ledger, proposalId)).toMatchObject({ revision: 2, blockingParticipants: ['by'] });
    });

    it('does not count the objection of a suspended participant as blocking (rule 3, default policy)', async () => {
      const own = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, own.bodyId);
      expect((await object(ledger, proposalId, 'zw')).status).toBe(201);

      await record(ledger, `/v1/bodies/${own.bodyId}/participants/zw/suspension`, { reason: 'self-suspension', occurredAt: '2022-06-23' });

      expect(await readProposal(ledger, proposalId)).toMatchObject({
        standingObjections: [expect.objectContaining({ participantId: 'zw' })],
        blockingParticipants: [],
        consensusPossible: true,
      });
    });
  });

  describe('POST /v1/proposals/:id/decision', () => {
    it('records consensus declared by the Chair, on the current revision, and the proposal is adopted', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { kind: 'administrative-decision' });

      const created = await record(ledger, `/v1/proposals/${proposalId}/decision`, {
        outcome: 'consensus',
        declaredBy: 'bw',
        meetingId: kp.plenary,
        revision: 1,
        occurredAt: '2022-11-10',
      });

      expect(await eventTypes(created.eventIds)).toEqual(['ConsensusDeclared']);
      expect(await readProposal(ledger, proposalId)).toMatchObject({
        status: 'adopted',
        consensusPossible: false,
        decision: { outcome: 'consensus', declaredBy: 'bw', declaredAs: 'chair', meetingId: kp.plenary, occurredAt: '2022-11-10T00:00:00.000Z' },
      });
    });

    it('records the Vice-Chair declaring as acting Chair', async () => {
      const meetingId = await conveneMeeting(ledger, kp.bodyId, { kind: 'special', location: 'Moscow', opensOn: '2021-06-01', closesOn: '2021-06-04' });
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { occurredAt: '2021-06-01' });

      await record(ledger, `/v1/proposals/${proposalId}/decision`, { outcome: 'consensus', declaredBy: 'bw', meetingId, occurredAt: '2021-06-02' });

      expect((await readProposal(ledger, proposalId)).decision).toMatchObject({ declaredBy: 'bw', declaredAs: 'acting-chair' });
    });

    it('records no consensus, naming the participants whose objections stood', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      expect((await object(ledger, proposalId, 'ru')).status).toBe(201);

      const created = await record(ledger, `/v1/proposals/${proposalId}/decision`, {
        outcome: 'no-consensus',
        declaredBy: 'bw',
        meetingId: kp.plenary,
        occurredAt: '2022-11-10',
      });

      expect(await storedEvents(ledger, created.eventIds)).toEqual([
        expect.objectContaining({ type: 'NoConsensusRecorded', data: expect.objectContaining({ blockingParticipants: ['ru'] }) }),
      ]);
      expect(await readProposal(ledger, proposalId)).toMatchObject({ status: 'not-adopted', decision: { outcome: 'no-consensus' } });
    });

    it('changes the definition in force when a definition amendment is adopted by consensus (rule 6)', async () => {
      const own = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, own.bodyId, {
        kind: 'definition-amendment',
        text: WIDENED_DEFINITION,
        meetingId: own.plenary,
        occurredAt: '2022-11-08',
      });
      expect((await support(ledger, proposalId, 'ua', '2022-11-08')).status).toBe(201);

      expect((await decide(ledger, proposalId, { outcome: 'consensus', meetingId: own.plenary, occurredAt: '2022-11-10T15:00:00Z' })).status).toBe(201);

      expect((await readBody(ledger, own.bodyId)).definition).toEqual({ text: WIDENED_DEFINITION, effectiveFrom: '2022-11-10T15:00:00.000Z', proposalId });
    });
  });

  describe('POST /v1/proposals/:id/deferral and /withdrawal', () => {
    it('defers a proposal to a named meeting; it stays open (rule 4)', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });

      const created = await record(ledger, `/v1/proposals/${proposalId}/deferral`, { toMeetingId: kp.plenary, occurredAt: '2022-06-24' });

      expect(await eventTypes(created.eventIds)).toEqual(['ProposalDeferred']);
      expect(await readProposal(ledger, proposalId)).toMatchObject({ status: 'open', deferredTo: kp.plenary, consensusPossible: true });
    });

    it('defers a proposal without naming a meeting', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      await record(ledger, `/v1/proposals/${proposalId}/deferral`, { occurredAt: '2022-06-24' });
      expect(await readProposal(ledger, proposalId)).toMatchObject({ status: 'open', deferredTo: null });
    });

    it('refuses a deferral dated before the deferral already recorded, which would leave the proposal deferred elsewhere at every later date', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
      await record(ledger, `/v1/proposals/${proposalId}/deferral`, { toMeetingId: kp.plenary, occurredAt: '2022-06-23T10:00:00Z' });
      const head = await headPosition(ledger);

      const refused = expectProblem(
        await ledger.post(`/v1/proposals/${proposalId}/deferral`, { occurredAt: '2022-06-22T12:00:00Z' }),
        422,
        'occurred-out-of-order',
      );
      expect(refused).toMatchObject({ earliest: '2022-06-23T10:00:00.000Z' });
      expect(await headPosition(ledger)).toBe(head);
      expect(await readProposal(ledger, proposalId)).toMatchObject({ deferredTo: kp.plenary });
      expect(await read(ledger, `/v1/proposals/${proposalId}?effectiveAt=2026-01-01`)).toMatchObject({ deferredTo: kp.plenary });
    });

    it('withdraws a proposal with its reason', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);

      const created = await record(ledger, `/v1/proposals/${proposalId}/withdrawal`, { reason: 'Superseded.', occurredAt: '2022-06-24' });

      expect(await eventTypes(created.eventIds)).toEqual(['ProposalWithdrawn']);
      expect(await readProposal(ledger, proposalId)).toMatchObject({
        status: 'withdrawn',
        consensusPossible: false,
        decision: null,
        withdrawal: { reason: 'Superseded.', withdrawnBy: null, occurredAt: '2022-06-24T00:00:00.000Z' },
      });
    });
  });

  describe('GET /v1/bodies/:id/proposals', () => {
    it('lists the body’s proposals, each status filter giving only its own', async () => {
      const own = await recordKimberleyProcess(ledger);
      const open = (await tableProposal(ledger, own.bodyId)).proposalId;
      const adopted = (await tableProposal(ledger, own.bodyId)).proposalId;
      const notAdopted = (await tableProposal(ledger, own.bodyId)).proposalId;
      const withdrawn = (await tableProposal(ledger, own.bodyId)).proposalId;
      expect((await decide(ledger, adopted, { outcome: 'consensus', meetingId: own.plenary })).status).toBe(201);
      expect((await decide(ledger, notAdopted, { outcome: 'no-consensus', meetingId: own.plenary })).status).toBe(201);
      await record(ledger, `/v1/proposals/${withdrawn}/withdrawal`, { reason: 'Withdrawn by Ukraine.', occurredAt: '2022-06-24' });

      expect(await readProposalIds(ledger, own.bodyId)).toEqual([open, adopted, notAdopted, withdrawn]);
      expect(await readProposalIds(ledger, own.bodyId, 'open')).toEqual([open]);
      expect(await readProposalIds(ledger, own.bodyId, 'adopted')).toEqual([adopted]);
      expect(await readProposalIds(ledger, own.bodyId, 'not-adopted')).toEqual([notAdopted]);
      expect(await readProposalIds(ledger, own.bodyId, 'withdrawn')).toEqual([withdrawn]);
    });

    it("is read a page at a time, in the order tabled, every page at the first page's point, its cursor bound to its filter", async () => {
      const own = await recordKimberleyProcess(ledger);
      const tabled: string[] = [];
      for (let index = 0; index < 7; index += 1) tabled.push((await tableProposal(ledger, own.bodyId, { title: `Item ${index}` })).proposalId);
      for (const decided of [tabled[1], tabled[2], tabled[4]])
        expect((await decide(ledger, decided as string, { outcome: 'no-consensus', meetingId: own.plenary })).status).toBe(201);
      type Page = { proposals: { proposalId: string; status: string }[]; nextCursor: string | null; position: number };
      const path = `/v1/bodies/${own.bodyId}/proposals`;

      const first = await read<Page>(ledger, `${path}?limit=3`);
      expect(first.proposals.map((p) => p.proposalId)).toEqual(tabled.slice(0, 3));
      // Recorded after the first page: the pages read on at its point, so neither appears in them.
      const later = (await tableProposal(ledger, own.bodyId)).proposalId;
      expect((await decide(ledger, tabled[0] as string, { outcome: 'no-consensus', meetingId: own.plenary })).status).toBe(201);
      const second = await read<Page>(ledger, `${path}?limit=3&cursor=${first.nextCursor}`);
      const third = await read<Page>(ledger, `${path}?limit=3&cursor=${second.nextCursor}`);
      expect([second, third].map((page) => page.position)).toEqual([first.position, first.position]);
      expect(second.proposals.map((p) => p.proposalId)).toEqual(tabled.slice(3, 6));
      expect(third.proposals.map((p) => p.proposalId)).toEqual(tabled.slice(6));
      expect(third.nextCursor).toBeNull();
      expect((await read<Page>(ledger, `${path}?limit=200`)).proposals.map((p) => p.proposalId)).toEqual([...tabled, later]);

      // A status fills its page from further on; its next page starts after the last it kept.
      const open = await read<Page>(ledger, `${path}?status=open&limit=2&atPosition=${first.position}`);
      expect(open.proposals.map((p) => p.proposalId)).toEqual([tabled[0], tabled[3]]);
      const openNext = await read<Page>(ledger, `${path}?status=open&limit=2&cursor=${open.nextCursor}`);
      expect(openNext.proposals.map((p) => p.proposalId)).toEqual([tabled[5], tabled[6]]);
      expect(openNext.nextCursor).toBeNull();
      expectInvalidField(await ledger.get(`${path}?limit=2&cursor=${open.nextCursor}`), 'cursor');
      expectInvalidField(await ledger.get(`${path}?status=adopted&limit=2&cursor=${open.nextCursor}`), 'cursor');
      expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/proposals?status=open&limit=2&cursor=${open.nextCursor}`), 'cursor');
      expectInvalidField(await ledger.get(`${path}?cursor=not-a-cursor`), 'cursor');
      // A cursor as an earlier version handed it out, an index among the proposals its filter passed over.
      const handedOut = JSON.parse(Buffer.from(open.nextCursor as string, 'base64url').toString()) as { list: string };
      const earlierForm = Buffer.from(JSON.stringify({ ...handedOut, list: `proposals of ${kp.bodyId} open` })).toString('base64url');
      expect(JSON.stringify(expectInvalidField(await ledger.get(`${path}?status=open&cursor=${earlierForm}`), 'cursor'))).toContain('another list');
      for (const limit of ['0', '201', 'x']) expectInvalidField(await ledger.get(`${path}?limit=${limit}`), 'limit');
    });

    it('refuses a status filter that is not a proposal status', async () => {
      expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/proposals?status=blocked`), 'status');
    });
  });

  it("exports a log that the import accepts whole, under the ledger's rules, and reproduces exactly", async () => {
    await expectExportRoundTrips(ledger.storage);
  });
});
