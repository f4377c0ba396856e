import { expectInvalidField, expectProblem } from './support/problems';
import { conveneMeeting, decide, object, recordKimberleyProcess, support, tableProposal } from './support/kimberley-process';
import { Created, expectCreated, headPosition, read, record } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** An instant strictly between what was recorded before it and what is recorded after it. */
async function instantBetween(): Promise<string> {
  await pause(15);
  const instant = new Date().toISOString();
  await pause(15);
  return instant;
}

describe('time travel: asOf, effectiveAt and atPosition on every query', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
  });
  afterAll(() => ledger.stop());

  describe('a late entry: asOf hides it, effectiveAt shows it', () => {
    let bodyId: string;
    let proposalId: string;
    let beforeLateEntry: string;
    beforeAll(async () => {
      ({ bodyId } = await recordKimberleyProcess(ledger));
      ({ proposalId } = await tableProposal(ledger, bodyId));
      expectCreated(await object(ledger, proposalId, 'ru', 'politicisation', '2022-06-22'));
      expectCreated(await object(ledger, proposalId, 'by', 'politicisation', '2022-06-22'));
      beforeLateEntry = await instantBetween();
      // Entered afterwards, but it happened on 1 June 2022: Belarus had been suspended before it objected.
      await record(ledger, `/v1/bodies/${bodyId}/participants/by/suspension`, { reason: 'illustrative late entry', occurredAt: '2022-06-01' });
    });

    it('asOf answers what the ledger said then: Belarus active and blocking', async () => {
      const body = await read<Record<string, unknown>>(ledger, `/v1/bodies/${bodyId}?asOf=${beforeLateEntry}`);
      expect(body).toMatchObject({
        asOf: beforeLateEntry,
        participants: expect.arrayContaining([expect.objectContaining({ participantId: 'by', status: 'active' })]),
      });
      const proposal = await read<Record<string, unknown>>(ledger, `/v1/proposals/${proposalId}?asOf=${beforeLateEntry}`);
      expect(proposal).toMatchObject({ asOf: beforeLateEntry, blockingParticipants: ['by', 'ru'] });
      expect(proposal['position']).toBeLessThan(await headPosition(ledger));
    });

    it('effectiveAt answers the state of affairs on that day, late entry included', async () => {
      const proposal = await read<Record<string, unknown>>(ledger, `/v1/proposals/${proposalId}?effectiveAt=2022-06-24`);
      expect(proposal).toMatchObject({ effectiveAt: '2022-06-24T23:59:59.999Z', position: await headPosition(ledger), blockingParticipants: ['ru'] });
      const body = await read<Record<string, unknown>>(ledger, `/v1/bodies/${bodyId}?effectiveAt=2022-06-24`);
      expect(body['participants']).toContainEqual(expect.objectContaining({ participantId: 'by', status: 'suspended' }));
      const before = await read<Record<string, unknown>>(ledger, `/v1/bodies/${bodyId}?effectiveAt=2022-05-31`);
      expect(before['participants']).toContainEqual(expect.objectContaining({ participantId: 'by', status: 'active' }));
    });

    it('proposal history lists the late suspension where it was recorded, as what unblocked Belarus', async () => {
      const history = await read<{ entries: Record<string, unknown>[] }>(ledger, `/v1/proposals/${proposalId}/history`);
      expect(history.entries.map((entry) => entry['type'])).toEqual(['ProposalTabled', 'ObjectionRaised', 'ObjectionRaised', 'ParticipantSuspended']);
      expect(history.entries[3]).toMatchObject({
        stream: `body-${bodyId}`,
        occurredAt: '2022-06-01T00:00:00.000Z',
        changes: { blockingParticipants: { from: ['by', 'ru'], to: ['ru'] } },
      });
    });

    it('proposal history in world time runs in occurredAt order and ends where the proposal stands then', async () => {
      const history = await read<{ entries: { type: string; consensus: unknown }[] }>(ledger, `/v1/proposals/${proposalId}/history?effectiveAt=2022-06-30`);
      expect(history.entries.map((entry) => entry.type)).toEqual(['ProposalTabled', 'ObjectionRaised', 'ObjectionRaised']);
      const proposal = await read<Record<string, unknown>>(ledger, `/v1/proposals/${proposalId}?effectiveAt=2022-06-30`);
      expect(history.entries.at(-1)?.consensus).toMatchObject({
        blockingParticipants: proposal['blockingParticipants'],
        consensusPossible: proposal['consensusPossible'],
      });
      expect(proposal['blockingParticipants']).toEqual(['ru']);
    });

    it('effectiveAt before the proposal was tabled, or the body established, is a 404', async () => {
      expectProblem(await ledger.get(`/v1/proposals/${proposalId}?effectiveAt=2022-06-20`), 404, 'proposal-not-found');
      expectProblem(await ledger.get(`/v1/bodies/${bodyId}?effectiveAt=2002-12-31`), 404, 'body-not-found');
      expectProblem(await ledger.get(`/v1/bodies/${bodyId}/chairs?asOf=2020-01-01`), 404, 'body-not-found');
    });

    it('the current term follows the moment asked about', async () => {
      expect(await read(ledger, `/v1/bodies/${bodyId}?effectiveAt=2021-07-01`)).toMatchObject({
        currentTerm: { term: 2021, chair: 'ru', basis: 'postponement' },
      });
      expect(await read(ledger, `/v1/bodies/${bodyId}?effectiveAt=2022-07-01`)).toMatchObject({
        currentTerm: { term: 2022, chair: 'bw', basis: 'succession' },
      });
    });
  });

  describe('proposal history in world time agrees with the proposal read at the same moment', () => {
    type History = { entries: { type: string; consensus: { blockingParticipants: string[]; consensusPossible: boolean }; changes: Record<string, unknown> }[] };

    it('lists a suspension recorded before a late tabling but dated after it', async () => {
      const { bodyId } = await recordKimberleyProcess(ledger);
      await record(ledger, `/v1/bodies/${bodyId}/participants/zw/suspension`, { reason: 'dated after the objection', occurredAt: '2022-07-01' });
      const { proposalId } = await tableProposal(ledger, bodyId);
      expectCreated(await object(ledger, proposalId, 'zw', 'late objection', '2022-06-22'));
      const proposal = await read<{ blockingParticipants: string[]; consensusPossible: boolean }>(ledger, `/v1/proposals/${proposalId}?effectiveAt=2022-07-02`);
      const history = await read<History>(ledger, `/v1/proposals/${proposalId}/history?effectiveAt=2022-07-02`);
      expect(history.entries.map((entry) => entry.type)).toEqual(['ProposalTabled', 'ObjectionRaised', 'ParticipantSuspended']);
      expect(history.entries.at(-1)?.consensus).toMatchObject({
        blockingParticipants: proposal.blockingParticipants,
        consensusPossible: proposal.consensusPossible,
      });
      expect(proposal.blockingParticipants).toEqual([]);
    });

    it('includes a record dated today east of UTC (the day begun at UTC+14) at that date and in the body history, as the latest answer does', async () => {
      const { bodyId } = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, bodyId);
      // Today somewhere: tomorrow in UTC from 10:00 UTC on, today before.
      const day = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
      expectCreated(await support(ledger, proposalId, 'bw', day));
      await record(ledger, `/v1/bodies/${bodyId}/observers`, { observerId: 'dated-east', name: 'Dated east of UTC', occurredAt: day });

      const latest = await read<{ supporters: string[] }>(ledger, `/v1/proposals/${proposalId}`);
      const onThatDay = await read<{ supporters: string[]; effectiveAt: string }>(ledger, `/v1/proposals/${proposalId}?effectiveAt=${day}`);
      expect({ latest: latest.supporters, onThatDay: onThatDay.supporters }).toEqual({ latest: ['bw'], onThatDay: ['bw'] });
      expect(onThatDay.effectiveAt >= `${day}T00:00:00.000Z`).toBe(true);
      const history = await read<{ entries: { type: string }[] }>(ledger, `/v1/bodies/${bodyId}/history?limit=500`);
      expect(history.entries.at(-1)?.type).toBe('ObserverAdmitted');
    });

    it('credits records of the same day one after another, in the order they were recorded', async () => {
      const { bodyId } = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, bodyId);
      expectCreated(await object(ledger, proposalId, 'ae', 'same day', '2022-08-10'));
      await record(ledger, `/v1/bodies/${bodyId}/participants/ae/suspension`, { reason: 'the same day', occurredAt: '2022-08-10' });
      const history = await read<History>(ledger, `/v1/proposals/${proposalId}/history?effectiveAt=2022-08-10`);
      expect(history.entries.map((entry) => [entry.type, entry.changes['blockingParticipants']])).toEqual([
        ['ProposalTabled', { from: null, to: [] }],
        ['ObjectionRaised', { from: [], to: ['ae'] }],
        ['ParticipantSuspended', { from: ['ae'], to: [] }],
      ]);
    });
    it('lists an objector readmitted as what made it block again, in log order and in world time', async () => {
      const { bodyId } = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, bodyId);
      expectCreated(await object(ledger, proposalId, 'ae', 'before it left', '2022-08-10'));
      await record(ledger, `/v1/bodies/${bodyId}/members/ae/withdrawal`, { occurredAt: '2022-08-11' });
      await record(ledger, `/v1/bodies/${bodyId}/participants`, { participantId: 'ae', name: 'United Arab Emirates', kind: 'state', occurredAt: '2022-08-12' });
      const expected = [
        ['ProposalTabled', { from: null, to: [] }],
        ['ObjectionRaised', { from: [], to: ['ae'] }],
        ['MemberWithdrew', { from: ['ae'], to: [] }],
        ['ParticipantAdmitted', { from: [], to: ['ae'] }],
      ];
      for (const query of ['', '?effectiveAt=2022-08-12']) {
        const history = await read<History>(ledger, `/v1/proposals/${proposalId}/history${query}`);
        expect({ query, entries: history.entries.map((entry) => [entry.type, entry.changes['blockingParticipants']]) }).toEqual({ query, entries: expected });
      }
    });
  });

  describe('atPosition in the middle of a meeting', () => {
    let meetingId: string;
    let convened: number;
    let firstStatement: Created;
    beforeAll(async () => {
      const { bodyId } = await recordKimberleyProcess(ledger);
      meetingId = await conveneMeeting(ledger, bodyId, { kind: 'plenary', location: 'Victoria Falls', opensOn: '2023-11-06', closesOn: '2023-11-10' });
      convened = await headPosition(ledger);
      firstStatement = await record(ledger, `/v1/meetings/${meetingId}/statements`, {
        speakerId: 'csc',
        summary: 'Calls for a wider definition.',
        occurredAt: '2023-11-07',
      });
      await record(ledger, `/v1/meetings/${meetingId}/statements`, { speakerId: 'ru', summary: 'Opposes politicisation.', occurredAt: '2023-11-08' });
      await record(ledger, `/v1/meetings/${meetingId}/communique`, { adopted: false, reason: 'No consensus on the text.', occurredAt: '2023-11-10' });
      await record(ledger, `/v1/meetings/${meetingId}/closure`, { occurredAt: '2023-11-10' });
    });

    it('shows the meeting as it stood right after that event, and says which position it describes', async () => {
      const answer = await ledger.get(`/v1/meetings/${meetingId}?atPosition=${firstStatement.position}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        position: firstStatement.position,
        status: 'open',
        communique: null,
        closedAt: null,
        statements: [{ speakerId: 'csc' }],
      });
      expect(answer.body).not.toHaveProperty('asOf');
      expect(answer.headers.get('etag')).toBeNull();
      const now = await ledger.get(`/v1/meetings/${meetingId}`);
      expect(now.body).toMatchObject({ status: 'closed', communique: { adopted: false }, statements: [{ speakerId: 'csc' }, { speakerId: 'ru' }] });
      expect(now.headers.get('etag')).toBe(`"${String(now.body['streamRevision'])}"`);
    });

    it('before the meeting was convened is a 404; beyond the head is position-not-found', async () => {
      const before = await ledger.get(`/v1/meetings/${meetingId}?atPosition=${convened - 1}`);
      expectProblem(before, 404, 'meeting-not-found');
      expect(before.body['detail']).toBe(`meeting ${meetingId} had not been recorded as convened in the first ${convened - 1} events of the log`);
      // Asked as recorded by a date before the ledger held it: said on that timeline, pointing to the other.
      const recordedLater = expectProblem(await ledger.get(`/v1/meetings/${meetingId}?asOf=2001-01-01`), 404, 'meeting-not-found');
      expect(recordedLater.detail).toContain('had not been recorded as convened by 2001-01-01T23:59:59.999Z: asOf reads what the ledger had stored by then');
      const head = await headPosition(ledger);
      const beyond = await ledger.get(`/v1/meetings/${meetingId}?atPosition=${head + 1000}`);
      expectProblem(beyond, 404, 'position-not-found');
      expect(beyond.body).toMatchObject({ position: head + 1000, headPosition: expect.any(Number) });
      expectProblem(await ledger.get(`/v1/meetings/${meetingId}?atPosition=0`), 404, 'meeting-not-found');
    });
  });

  describe('a correction: the corrected value wins from the correction on, history shows both', () => {
    let proposalId: string;
    let objection: Created;
    let correction: Created;
    beforeAll(async () => {
      const kp = await recordKimberleyProcess(ledger);
      ({ proposalId } = await tableProposal(ledger, kp.bodyId));
      objection = expectCreated(await object(ledger, proposalId, 'ru', 'first wording', '2022-06-22'));
      correction = await record(ledger, '/v1/corrections', {
        correctsEventId: objection.eventIds[0],
        reason: 'the delegate corrected the minutes',
        corrections: { grounds: 'an attempt to "politicize" the KP' },
        occurredAt: '2022-07-01',
      });
      expectCreated(await decide(ledger, proposalId, { outcome: 'no-consensus', meetingId: kp.plenary }));
    });

    it('reads the original before the correction and the corrected value from it on', async () => {
      expect(await read(ledger, `/v1/proposals/${proposalId}?atPosition=${correction.position - 1}`)).toMatchObject({
        standingObjections: [{ participantId: 'ru', grounds: 'first wording' }],
      });
      expect(await read(ledger, `/v1/proposals/${proposalId}?atPosition=${correction.position}`)).toMatchObject({
        standingObjections: [{ participantId: 'ru', grounds: 'an attempt to "politicize" the KP' }],
        streamRevision: correction.streamRevision,
      });
      expect(await read(ledger, `/v1/proposals/${proposalId}?effectiveAt=2022-06-23`)).toMatchObject({
        standingObjections: [{ participantId: 'ru', grounds: 'an attempt to "politicize" the KP' }],
      });
    });

    it('history: one entry per event, both times, the actor, the consensus change, and the correction beside the original', async () => {
      const history = await read<{ proposalId: string; position: number; entries: Record<string, unknown>[] }>(ledger, `/v1/proposals/${proposalId}/history`);
      expect(history.entries.map((entry) => entry['type'])).toEqual(['ProposalTabled', 'ObjectionRaised', 'CorrectionRecorded', 'NoConsensusRecorded']);
      const [tabled, objected, corrected, decided] = history.entries;
      expect(tabled).toMatchObject({
        position: expect.any(Number),
        occurredAt: '2022-06-21T09:00:00.000Z',
        recordedAt: expect.any(String),
        actor: { role: 'secretariat' },
      });
      expect(tabled?.['changes']).toMatchObject({ status: { from: null, to: 'open' } });
      expect(objected).toMatchObject({
        eventId: objection.eventIds[0],
        data: { grounds: 'first wording' },
        correctedData: { grounds: 'an attempt to "politicize" the KP' },
        corrections: [
          { eventId: correction.eventIds[0], reason: 'the delegate corrected the minutes', corrections: { grounds: 'an attempt to "politicize" the KP' } },
        ],
        changes: { blockingParticipants: { from: [], to: ['ru'] }, consensusPossible: { from: true, to: false } },
      });
      expect(corrected).toMatchObject({ position: correction.position, data: { correctsEventId: objection.eventIds[0] } });
      expect(corrected?.['changes']).toHaveProperty('standingObjections');
      expect(decided).toMatchObject({ consensus: { status: 'not-adopted' }, changes: { status: { from: 'open', to: 'not-adopted' } } });
      expect(await read(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ decision: { outcome: 'no-consensus', blockedBy: ['ru'] } });
    });

    it('history at a position before the correction shows the original alone', async () => {
      const history = await read<{ entries: Record<string, unknown>[] }>(ledger, `/v1/proposals/${proposalId}/history?atPosition=${correction.position - 1}`);
      expect(history.entries.map((entry) => entry['type'])).toEqual(['ProposalTabled', 'ObjectionRaised']);
      expect(history.entries[1]).toMatchObject({ correctedData: null, corrections: [] });
    });
  });

  describe('the definition in force and its versions', () => {
    it('lists every version with the amendment that changed it and the dates it was in force', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, kp.bodyId, {
        kind: 'definition-amendment',
        title: 'Widen the definition',
        text: 'A wider definition.',
      });
      const beforeAdoption = await headPosition(ledger);
      const adopted = expectCreated(await decide(ledger, proposalId, { outcome: 'consensus', meetingId: kp.plenary, occurredAt: '2022-11-11' }));

      const now = await read<Record<string, unknown>>(ledger, `/v1/bodies/${kp.bodyId}/definition`);
      expect(now).toMatchObject({
        bodyId: kp.bodyId,
        inForce: { text: 'A wider definition.', effectiveFrom: '2022-11-11T00:00:00.000Z', proposalId },
        versions: [
          { version: 1, effectiveFrom: '2003-01-01T00:00:00.000Z', effectiveUntil: '2022-11-11T00:00:00.000Z', amendedBy: null },
          {
            version: 2,
            text: 'A wider definition.',
            effectiveUntil: null,
            amendedBy: { proposalId, title: 'Widen the definition', meetingId: kp.plenary, declaredBy: 'bw' },
          },
        ],
      });
      const before = await read<{ versions: unknown[] }>(ledger, `/v1/bodies/${kp.bodyId}/definition?atPosition=${beforeAdoption}`);
      expect(before.versions).toHaveLength(1);
      expect((await read<{ versions: unknown[] }>(ledger, `/v1/bodies/${kp.bodyId}/definition?effectiveAt=2022-11-10`)).versions).toHaveLength(1);
      expect((await read<{ versions: unknown[] }>(ledger, `/v1/bodies/${kp.bodyId}/definition?atPosition=${adopted.position}`)).versions).toHaveLength(2);
    });
  });

  describe('body history over a period, a page at a time', () => {
    it('pages through membership, offices and decisions in world-time order without gaps or repeats', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      await decide(ledger, proposalId, { outcome: 'no-consensus', meetingId: kp.plenary });
      const all = await read<{ entries: { type: string; eventId: string; occurredAt: string }[]; nextCursor: string | null }>(
        ledger,
        `/v1/bodies/${kp.bodyId}/history`,
      );
      expect(all.nextCursor).toBeNull();
      expect(all.entries[0]?.type).toBe('BodyEstablished');
      expect(all.entries.map((entry) => entry.type)).toEqual(
        expect.arrayContaining(['ParticipantAdmitted', 'ObserverAdmitted', 'ChairAssigned', 'ViceChairSelected', 'NoConsensusRecorded']),
      );
      expect([...all.entries].map((entry) => entry.occurredAt)).toEqual([...all.entries].map((entry) => entry.occurredAt).sort());

      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${cursor}`;
        const page: { entries: { eventId: string }[]; nextCursor: string | null } = await read(ledger, `/v1/bodies/${kp.bodyId}/history?limit=4${query}`);
        expect(page.entries.length).toBeLessThanOrEqual(4);
        paged.push(...page.entries.map((entry) => entry.eventId));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(paged).toEqual(all.entries.map((entry) => entry.eventId));

      const period = await read<{ entries: { type: string }[]; from: string; to: string }>(
        ledger,
        `/v1/bodies/${kp.bodyId}/history?from=2021-01-01&to=2021-12-31`,
      );
      expect(period).toMatchObject({ from: '2021-01-01T00:00:00.000Z', to: '2021-12-31T23:59:59.999Z' });
      expect(period.entries.map((entry) => entry.type)).toEqual(['ChairAssigned', 'ViceChairSelected']);
    });

    it('without `to`, a period read at a past point ends at that point (in recorded time, as late as a record held then may be dated), so the same ask answers the same later', async () => {
      const latestDatable = (moment: string | undefined): string => new Date(Date.parse(moment ?? '') + 14 * 3600_000).toISOString();
      const kp = await recordKimberleyProcess(ledger);
      type Period = { from: string | null; to: string; entries: unknown[] };
      const worldTime = await read<Period>(ledger, `/v1/bodies/${kp.bodyId}/history?effectiveAt=2021-06-30`);
      expect(worldTime.to).toBe('2021-06-30T23:59:59.999Z');
      await pause(5);
      expect(await read<Period>(ledger, `/v1/bodies/${kp.bodyId}/history?effectiveAt=2021-06-30`)).toEqual(worldTime);
      const recorded = await instantBetween();
      const recordedTime = await read<Period>(ledger, `/v1/bodies/${kp.bodyId}/history?asOf=${recorded}`);
      expect(recordedTime.to).toBe(latestDatable(recorded));
      const byPosition = `/v1/bodies/${kp.bodyId}/history?atPosition=${await headPosition(ledger)}`;
      const atPosition = await read<Period>(ledger, byPosition);
      const lastRecorded = (
        await read<{ events: { recordedat: string }[] }>(ledger, `/v1/events?after=${(await headPosition(ledger)) - 1}`, { role: 'integrator' })
      ).events[0]?.recordedat;
      expect(atPosition.to).toBe(latestDatable(lastRecorded));
      await pause(5);
      expect(await read<Period>(ledger, byPosition)).toEqual(atPosition);
      const fromAfterPoint = await read<Period>(ledger, `/v1/bodies/${kp.bodyId}/history?from=2022-01-01&effectiveAt=2021-06-30`);
      expect(fromAfterPoint).toMatchObject({ from: '2022-01-01T00:00:00.000Z', entries: [] });
      // Its parameters are checked before the ledger is read: a bad limit is a 400 even at a point not reached.
      expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/history?atPosition=${(await headPosition(ledger)) + 50}&limit=0`), 'limit');
      const now = await read<Period>(ledger, `/v1/bodies/${kp.bodyId}/history`);
      expect(Date.parse(now.to)).toBeGreaterThan(Date.parse('2026-01-01'));
    });

    it("reads every page at the first page's point, however the ledger changes between pages", async () => {
      const kp = await recordKimberleyProcess(ledger);
      type Page = { position: number; entries: { eventId: string; occurredAt: string; data: { participantId?: string } }[]; nextCursor: string | null };
      const first = await read<Page>(ledger, `/v1/bodies/${kp.bodyId}/history?limit=5`);
      const expected = (await read<Page>(ledger, `/v1/bodies/${kp.bodyId}/history?atPosition=${first.position}&limit=500`)).entries.map(
        (entry) => entry.eventId,
      );
      // Belarus holds no office, so its admission may move to a later date.
      const observer = first.entries.find((entry) => entry.occurredAt === '2003-01-01T00:00:00.000Z' && entry.data.participantId === 'by');
      // Between pages: a late admission dated 2005, and the date of an entry already read moved to 2021.
      await record(ledger, `/v1/bodies/${kp.bodyId}/participants`, { participantId: 'za', name: 'South Africa', kind: 'state', occurredAt: '2005-01-01' });
      await record(ledger, '/v1/corrections', {
        correctsEventId: observer?.eventId,
        reason: 'admitted later',
        corrections: { occurredAt: '2021-06-01' },
        occurredAt: '2022-07-01',
      });

      const paged = first.entries.map((entry) => entry.eventId);
      let cursor = first.nextCursor;
      while (cursor !== null) {
        const page: Page = await read(ledger, `/v1/bodies/${kp.bodyId}/history?limit=5&cursor=${cursor}`);
        expect(page.position).toBe(first.position);
        paged.push(...page.entries.map((entry) => entry.eventId));
        cursor = page.nextCursor;
      }
      expect(paged).toEqual(expected);
      const now = (await read<Page>(ledger, `/v1/bodies/${kp.bodyId}/history?limit=500`)).entries;
      expect(now.map((entry) => entry.eventId)).not.toEqual(expected);
      expect(now.find((entry) => entry.eventId === observer?.eventId)?.occurredAt).toBe('2021-06-01T00:00:00.000Z');
      expectProblem(await ledger.get(`/v1/bodies/${kp.bodyId}/history?effectiveAt=2022-01-01&cursor=${first.nextCursor}`), 400, 'validation-failed');
    });

    it("keeps the first page's period and point on every page, and refuses a cursor used for another question", async () => {
      const kp = await recordKimberleyProcess(ledger);
      const asOf = new Date().toISOString();
      type Page = { asOf?: string; from: string; to: string; entries: { occurredAt: string }[]; nextCursor: string | null };
      const first = await read<Page>(ledger, `/v1/bodies/${kp.bodyId}/history?from=2003-01-01&to=2003-01-01&limit=3&asOf=${asOf}`);
      const occurred = first.entries.map((entry) => entry.occurredAt);
      let cursor = first.nextCursor;
      while (cursor !== null) {
        const page: Page = await read(ledger, `/v1/bodies/${kp.bodyId}/history?limit=3&cursor=${cursor}`);
        expect(page).toMatchObject({ asOf: first.asOf, from: first.from, to: first.to });
        occurred.push(...page.entries.map((entry) => entry.occurredAt));
        cursor = page.nextCursor;
      }
      expect(new Set(occurred)).toEqual(new Set(['2003-01-01T00:00:00.000Z']));
      const other = await recordKimberleyProcess(ledger);
      for (const query of [
        `asOf=2020-01-01T00:00:00Z&cursor=${first.nextCursor}`,
        `to=2010-12-31&cursor=${first.nextCursor}`,
        `atPosition=1&cursor=${first.nextCursor}`,
      ]) {
        expectProblem(await ledger.get(`/v1/bodies/${kp.bodyId}/history?${query}`), 400, 'validation-failed');
      }
      expectProblem(await ledger.get(`/v1/bodies/${other.bodyId}/history?cursor=${first.nextCursor}`), 400, 'validation-failed');
      expect((await ledger.get(`/v1/bodies/${kp.bodyId}/history?asOf=${asOf}&from=2003-01-01&cursor=${first.nextCursor}`)).status).toBe(200);
    });

    it('refuses a period that ends before it starts, a bad limit and a forged cursor', async () => {
      const kp = await recordKimberleyProcess(ledger);
      expectProblem(await ledger.get(`/v1/bodies/${kp.bodyId}/history?from=2022-01-01&to=2021-01-01`), 400, 'validation-failed');
      expectProblem(await ledger.get(`/v1/bodies/${kp.bodyId}/history?limit=0`), 400, 'validation-failed');
      expectProblem(await ledger.get(`/v1/bodies/${kp.bodyId}/history?cursor=not-a-cursor`), 400, 'validation-failed');
      expectProblem(await ledger.get('/v1/bodies/no-such-body/history'), 404, 'body-not-found');
    });

    it("follows its cursor with the first page's moments to come given again (read as now): effectiveAt and to", async () => {
      const kp = await recordKimberleyProcess(ledger);
      const query = `effectiveAt=2099-01-01&to=${new Date().toISOString().slice(0, 10)}&limit=2`;
      type Page = { position: number; effectiveAt: string; to: string; entries: { eventId: string }[]; nextCursor: string | null };
      const first = await read<Page>(ledger, `/v1/bodies/${kp.bodyId}/history?${query}`);
      const all = await read<Page>(ledger, `/v1/bodies/${kp.bodyId}/history?atPosition=${first.position}&limit=500`);
      const paged = first.entries.map((entry) => entry.eventId);
      let cursor = first.nextCursor;
      while (cursor !== null) {
        const page: Page = await read(ledger, `/v1/bodies/${kp.bodyId}/history?${query}&cursor=${cursor}`);
        expect({ position: page.position, effectiveAt: page.effectiveAt, to: page.to }).toEqual({
          position: first.position,
          effectiveAt: first.effectiveAt,
          to: first.to,
        });
        paged.push(...page.entries.map((entry) => entry.eventId));
        cursor = page.nextCursor;
      }
      expect(paged).toEqual(all.entries.map((entry) => entry.eventId));
      expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/history?effectiveAt=2099-01-01&to=2098-12-31&cursor=${first.nextCursor}`), 'cursor');
    });

    it('refuses a cursor edited into one the ledger never hands out, and follows the one it handed out', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const first = await read<{ nextCursor: string }>(ledger, `/v1/bodies/${kp.bodyId}/history?limit=2&asOf=${new Date().toISOString()}`);
      const handedOut = JSON.parse(Buffer.from(first.nextCursor, 'base64url').toString()) as Record<string, Record<string, unknown>>;
      const edited = (change: (cursor: Record<string, Record<string, unknown>>) => void): string => {
        const cursor = structuredClone(handedOut);
        change(cursor);
        return Buffer.from(JSON.stringify(cursor)).toString('base64url');
      };
      for (const forged of [
        edited((cursor) => (cursor['point']!['asOf'] = 'yesterday')),
        edited((cursor) => (cursor['point']!['asOf'] = '2022-06-24')),
        edited((cursor) => (cursor['point']!['effectiveAt'] = '2022-06-24T00:00:00.000Z')),
        edited((cursor) => (cursor['point']!['position'] = -1)),
        edited((cursor) => (cursor['after']!['occurredAt'] = 'soon')),
        edited((cursor) => (cursor['after']!['position'] = -3)),
        edited((cursor) => ((cursor as Record<string, unknown>)['from'] = 'then')),
        edited((cursor) => ((cursor as Record<string, unknown>)['from'] = '2030-01-01T00:00:00.000Z')),
        edited((cursor) => (cursor['point']!['bodyId'] = 'another-body')),
      ]) {
        expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/history?cursor=${forged}`), 'cursor');
      }
      expect((await ledger.get(`/v1/bodies/${kp.bodyId}/history?cursor=${edited(() => undefined)}`)).status).toBe(200);
      // A parameter given beside the cursor that is no moment is refused, not passed over.
      expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/history?asOf=garbage&cursor=${first.nextCursor}`), 'asOf');
    });

    /** A history page's cursor as handed out, and the same cursor with its fields edited. */
    async function historyCursor(
      path: string,
    ): Promise<{ handedOut: string; edited: (change: (cursor: Record<string, Record<string, unknown>>) => void) => string }> {
      const first = await read<{ nextCursor: string | null }>(ledger, path);
      expect(first.nextCursor).not.toBeNull();
      const handedOut = JSON.parse(Buffer.from(first.nextCursor as string, 'base64url').toString()) as Record<string, Record<string, unknown>>;
      const edited = (change: (cursor: Record<string, Record<string, unknown>>) => void): string => {
        const cursor = structuredClone(handedOut);
        change(cursor);
        return Buffer.from(JSON.stringify(cursor)).toString('base64url');
      };
      return { handedOut: first.nextCursor as string, edited };
    }

    it("refuses a cursor whose entry to resume after lies outside the history's period, or beyond the point it was read at", async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { edited } = await historyCursor(`/v1/bodies/${kp.bodyId}/history?from=2000-01-01&to=2022-12-31&limit=2`);
      for (const forged of [
        edited((cursor) => (cursor['after']!['occurredAt'] = '1999-12-31T23:59:59.999Z')),
        edited((cursor) => (cursor['after']!['occurredAt'] = '2023-01-01T00:00:00.000Z')),
        edited((cursor) => (cursor['after']!['position'] = (cursor['point']!['position'] as number) + 1)),
      ]) {
        expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/history?cursor=${forged}`), 'cursor');
      }
      // The period's own ends are in it.
      for (const occurredAt of ['2000-01-01T00:00:00.000Z', '2022-12-31T23:59:59.999Z']) {
        expect((await ledger.get(`/v1/bodies/${kp.bodyId}/history?cursor=${edited((cursor) => (cursor['after']!['occurredAt'] = occurredAt))}`)).status).toBe(
          200,
        );
      }
      // Read at a moment of world time, the history ends there, whatever its period says.
      const atMoment = await historyCursor(`/v1/bodies/${kp.bodyId}/history?effectiveAt=2022-06-24&limit=2`);
      const afterTheMoment = atMoment.edited((cursor) => (cursor['after']!['occurredAt'] = '2022-06-25T00:00:00.000Z'));
      expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/history?cursor=${afterTheMoment}`), 'cursor');
      expect((await ledger.get(`/v1/bodies/${kp.bodyId}/history?cursor=${atMoment.handedOut}`)).status).toBe(200);
    });

    it('refuses a cursor whose point is a position the ledger has not reached, as atPosition beyond the head is refused', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { edited } = await historyCursor(`/v1/bodies/${kp.bodyId}/history?effectiveAt=2022-06-24&limit=2`);
      const beyond = (await headPosition(ledger)) + 1000;
      expectProblem(await ledger.get(`/v1/bodies/${kp.bodyId}/history?atPosition=${beyond}`), 404, 'position-not-found');
      for (const forged of [edited((cursor) => (cursor['point']!['position'] = beyond)), edited((cursor) => (cursor['point'] = { position: beyond }))]) {
        const refused = expectProblem(await ledger.get(`/v1/bodies/${kp.bodyId}/history?cursor=${forged}`), 404, 'position-not-found');
        expect(refused).toMatchObject({ position: beyond, headPosition: expect.any(Number) });
      }
    });

    it('reads an atPosition given beside a cursor as atPosition alone is read, and refuses one that says another position', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const first = await read<{ position: number; nextCursor: string }>(ledger, `/v1/bodies/${kp.bodyId}/history?limit=2`);
      const at = first.position;
      for (const written of [`0${at}`, `${at}.0`, `${at}e0`, `%20${at}`, `${at}%20`, `%2B${at}`, `0x${at.toString(16)}`]) {
        expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/history?atPosition=${written}&cursor=${first.nextCursor}`), 'atPosition');
      }
      expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/history?atPosition=${at + 1}&cursor=${first.nextCursor}`), 'cursor');
      expect((await ledger.get(`/v1/bodies/${kp.bodyId}/history?atPosition=${at}&cursor=${first.nextCursor}`)).status).toBe(200);
    });
  });

  describe('bad time-travel parameters', () => {
    let bodyId: string;
    beforeAll(async () => {
      ({ bodyId } = await recordKimberleyProcess(ledger));
    });

    it.each([
      ['asOf=2022-06-24&effectiveAt=2022-06-24', ['asOf', 'effectiveAt']],
      ['asOf=2022-06-24&atPosition=3', ['asOf', 'atPosition']],
      ['asOf=yesterday', ['asOf']],
      ['effectiveAt=2022-02-30', ['effectiveAt']],
      ['atPosition=-1', ['atPosition']],
      ['atPosition=007', ['atPosition']],
      ['asof=2022-06-24', ['asof']],
      ['asOf=2022-06-24&asOf=2022-06-25', ['asOf']],
    ])('?%s is a 400 naming %j', async (query, fields) => {
      for (const path of [`/v1/bodies/${bodyId}`, `/v1/bodies/${bodyId}/chairs`, `/v1/bodies/${bodyId}/definition`]) {
        const answer = await ledger.get(`${path}?${query}`);
        expectProblem(answer, 400, 'validation-failed');
        expect((answer.body['errors'] as { field: string }[]).map((error) => error.field)).toEqual(fields);
      }
    });

    it('reads a moment after now as now, and says so', async () => {
      const answer = await read<{ asOf: string; position: number }>(ledger, `/v1/bodies/${bodyId}/chairs?asOf=2999-01-01`);
      expect(Date.parse(answer.asOf)).toBeLessThanOrEqual(Date.now());
      expect(answer.position).toBe(await headPosition(ledger));
    });
  });
});
