import { conveneMeeting, decide, establishBody, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { headPosition, read, record, uniqueId } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { expectInvalidField, expectProblem } from './support/problems';

interface BodySummary {
  bodyId: string;
  name: string;
  establishedAt: string;
  participants: number;
  observers: number;
  streamRevision: number;
}

interface BodiesPage {
  position: number;
  bodies: BodySummary[];
  nextCursor: string | null;
}

interface MeetingsPage {
  bodyId: string;
  position: number;
  meetings: { meetingId: string; kind: string; status: string; communique: string | null; statements: number; streamRevision: number }[];
  nextCursor: string | null;
}

/** Every page of a list, following nextCursor from `first`. */
async function allPages<P extends { nextCursor: string | null }>(ledger: LedgerHarness, path: string, first: string): Promise<P[]> {
  const pages = [await read<P>(ledger, `${path}?${first}`)];
  for (let cursor = pages[0]?.nextCursor; cursor; cursor = pages.at(-1)?.nextCursor) {
    pages.push(await read<P>(ledger, `${path}?limit=2&cursor=${cursor}`));
  }
  return pages;
}

describe('Lists a desk starts from: bodies, their meetings, and what a meeting did with proposals', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
  });
  afterAll(() => ledger.stop());

  describe('GET /v1/bodies', () => {
    it("lists every body in the order recorded, a page at a time, each page read at the first page's point", async () => {
      const kp = await recordKimberleyProcess(ledger);
      const others = [await establishBody(ledger), await establishBody(ledger), await establishBody(ledger)];
      const everyBody = (await read<BodiesPage>(ledger, '/v1/bodies?limit=200')).bodies;
      expect(everyBody.map((body) => body.bodyId)).toEqual(expect.arrayContaining([kp.bodyId, ...others]));
      expect(everyBody.find((body) => body.bodyId === kp.bodyId)).toEqual({
        bodyId: kp.bodyId,
        name: 'Kimberley Process',
        establishedAt: '2003-01-01T00:00:00.000Z',
        participants: 7,
        observers: 2,
        streamRevision: expect.any(Number),
      });
      const order = everyBody.map((body) => body.bodyId);
      expect(others.map((id) => order.indexOf(id))).toEqual([...others.map((id) => order.indexOf(id))].sort((a, b) => a - b));

      const first = await read<BodiesPage>(ledger, '/v1/bodies?limit=2');
      expect(first.bodies).toHaveLength(2);
      const recordedSince = await establishBody(ledger);
      const pages = [first, ...(await allPages<BodiesPage>(ledger, '/v1/bodies', `limit=2&cursor=${first.nextCursor}`))];
      expect(pages.flatMap((page) => page.bodies)).toEqual(everyBody);
      expect(pages.map((page) => page.position)).toEqual(pages.map(() => first.position));
      expect(pages.at(-1)?.nextCursor).toBeNull();
      expect((await read<BodiesPage>(ledger, '/v1/bodies?limit=200')).bodies.at(-1)?.bodyId).toBe(recordedSince);
    });

    it('answers at a point in the past: a body established after it is not listed', async () => {
      const before = await headPosition(ledger);
      const later = await establishBody(ledger);
      const atBefore = await read<BodiesPage>(ledger, `/v1/bodies?limit=200&atPosition=${before}`);
      expect(atBefore.position).toBe(before);
      expect(atBefore.bodies.map((body) => body.bodyId)).not.toContain(later);
      expect((await read<BodiesPage>(ledger, '/v1/bodies?limit=200')).bodies.map((body) => body.bodyId)).toContain(later);
      // A page holding the last body there is the last page, though a later body follows in the list.
      const exactly = await read<BodiesPage>(ledger, `/v1/bodies?limit=${atBefore.bodies.length}&atPosition=${before}`);
      expect({ bodies: exactly.bodies.length, nextCursor: exactly.nextCursor }).toEqual({ bodies: atBefore.bodies.length, nextCursor: null });
    });

    it.each([
      ['a limit of 0', 'limit=0', 'limit'],
      ['a limit above the maximum', 'limit=201', 'limit'],
      ['a limit that is not a number', 'limit=ten', 'limit'],
      ['a cursor the ledger did not hand out', 'cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['an unknown parameter', 'page=2', 'page'],
    ])('refuses %s, naming the parameter', async (_case, query, field) => {
      expectInvalidField(await ledger.get(`/v1/bodies?${query}`), field);
    });

    it('refuses a cursor of another list, and a cursor followed with another point', async () => {
      const kp = await recordKimberleyProcess(ledger);
      await conveneMeeting(ledger, kp.bodyId);
      const meetings = await read<MeetingsPage>(ledger, `/v1/bodies/${kp.bodyId}/meetings?limit=1`);
      expect(meetings.nextCursor).not.toBeNull();
      expectInvalidField(await ledger.get(`/v1/bodies?cursor=${meetings.nextCursor}`), 'cursor');
      const other = await recordKimberleyProcess(ledger);
      expectInvalidField(await ledger.get(`/v1/bodies/${other.bodyId}/meetings?cursor=${meetings.nextCursor}`), 'cursor');
      const bodies = await read<BodiesPage>(ledger, '/v1/bodies?limit=1');
      expectInvalidField(await ledger.get(`/v1/bodies?cursor=${bodies.nextCursor}&atPosition=1`), 'cursor');
    });

    it.each([
      ['effectiveAt', 'a date to come', '2099-01-01'],
      ['asOf', 'a date to come', '2099-01-01'],
      ['asOf', "today's date (the end of today, still to come)", new Date().toISOString().slice(0, 10)],
    ])("follows its cursor with the first page's %s given again, %s, read as now", async (parameter, _what, moment) => {
      await recordKimberleyProcess(ledger);
      await recordKimberleyProcess(ledger);
      const first = await read<BodiesPage & Record<string, unknown>>(ledger, `/v1/bodies?limit=1&${parameter}=${moment}`);
      expect(first[parameter]).not.toBe(moment);
      await new Promise((done) => setTimeout(done, 5));
      const second = await read<BodiesPage & Record<string, unknown>>(ledger, `/v1/bodies?limit=1&${parameter}=${moment}&cursor=${first.nextCursor}`);
      expect({ position: second.position, moment: second[parameter] }).toEqual({ position: first.position, moment: first[parameter] });
      // Another moment to come is another question.
      expectInvalidField(await ledger.get(`/v1/bodies?limit=1&${parameter}=2098-01-01&cursor=${first.nextCursor}`), 'cursor');
      const third = await read<BodiesPage>(ledger, `/v1/bodies?limit=1&${parameter}=${moment}&cursor=${second.nextCursor}`);
      expect(third.position).toBe(first.position);
    });

    it('refuses a cursor edited into one the ledger never hands out', async () => {
      await recordKimberleyProcess(ledger);
      const bodies = await read<BodiesPage>(ledger, `/v1/bodies?limit=1&effectiveAt=2022-06-24`);
      const handedOut = JSON.parse(Buffer.from(bodies.nextCursor ?? '', 'base64url').toString()) as { point: Record<string, unknown> };
      const withPoint = (point: Record<string, unknown>): string => Buffer.from(JSON.stringify({ ...handedOut, point })).toString('base64url');
      for (const point of [
        { ...handedOut.point, effectiveAt: 'garbage' },
        { ...handedOut.point, effectiveAt: '2022-06-24' },
        { ...handedOut.point, asOf: '2022-06-24T00:00:00.000Z' },
        { ...handedOut.point, position: -5 },
        { ...handedOut.point, position: 1.5 },
      ]) {
        expectInvalidField(await ledger.get(`/v1/bodies?cursor=${withPoint(point)}`), 'cursor');
      }
      // The moment asked is kept only when it is after the point's (read as now); one before it is forged.
      const asked = (moment: string): string => Buffer.from(JSON.stringify({ ...handedOut, asked: moment })).toString('base64url');
      expectInvalidField(await ledger.get(`/v1/bodies?cursor=${asked('2001-01-01T00:00:00.000Z')}`), 'cursor');
      expect((await ledger.get(`/v1/bodies?cursor=${asked('2099-01-01T23:59:59.999Z')}`)).status).toBe(200);
      expect((await ledger.get(`/v1/bodies?cursor=${withPoint(handedOut.point)}`)).status).toBe(200);
    });

    it('refuses a cursor whose point is a position the ledger has not reached, as atPosition beyond the head is refused', async () => {
      await recordKimberleyProcess(ledger);
      const bodies = await read<BodiesPage>(ledger, `/v1/bodies?limit=1&effectiveAt=2022-06-24`);
      const handedOut = JSON.parse(Buffer.from(bodies.nextCursor ?? '', 'base64url').toString()) as { point: Record<string, unknown> };
      const withPoint = (point: Record<string, unknown>): string => Buffer.from(JSON.stringify({ ...handedOut, point })).toString('base64url');
      const beyond = (await headPosition(ledger)) + 1000;
      expectProblem(await ledger.get(`/v1/bodies?atPosition=${beyond}`), 404, 'position-not-found');
      for (const point of [{ position: beyond }, { ...handedOut.point, position: beyond }, { asOf: new Date().toISOString(), position: beyond }]) {
        const refused = expectProblem(await ledger.get(`/v1/bodies?cursor=${withPoint(point)}`), 404, 'position-not-found');
        expect(refused).toMatchObject({ position: beyond, headPosition: expect.any(Number) });
        expect(refused['headPosition']).toBeLessThan(beyond);
      }
    });

    it('reads an atPosition given beside a cursor as atPosition alone is read, and refuses one that says another position', async () => {
      await recordKimberleyProcess(ledger);
      const first = await read<BodiesPage>(ledger, '/v1/bodies?limit=1');
      const at = first.position;
      // Each of these is a number equal to the position, but none is a global position as atPosition alone takes it.
      for (const written of [`0${at}`, `${at}.0`, `${at}e0`, `%20${at}`, `${at}%20`, `%2B${at}`, `0x${at.toString(16)}`]) {
        expectProblem(await ledger.get(`/v1/bodies?atPosition=${written}`), 400, 'validation-failed');
        expectInvalidField(await ledger.get(`/v1/bodies?atPosition=${written}&cursor=${first.nextCursor}`), 'atPosition');
      }
      expectInvalidField(await ledger.get(`/v1/bodies?atPosition=${at - 1}&cursor=${first.nextCursor}`), 'cursor');
      expect((await ledger.get(`/v1/bodies?atPosition=${at}&cursor=${first.nextCursor}`)).status).toBe(200);
      // Beside a cursor read at a moment, atPosition names another point, its position the same or not.
      const atMoment = await read<BodiesPage>(ledger, '/v1/bodies?limit=1&effectiveAt=2022-06-24');
      expectInvalidField(await ledger.get(`/v1/bodies?atPosition=${atMoment.position}&cursor=${atMoment.nextCursor}`), 'cursor');
    });
  });

  describe('GET /v1/bodies/:id/meetings', () => {
    it("lists the body's meetings in the order convened with what a desk picks one by, a page at a time", async () => {
      const kp = await recordKimberleyProcess(ledger);
      const special = await conveneMeeting(ledger, kp.bodyId, { kind: 'special', location: 'Brussels', opensOn: '2023-03-01' });
      await record(ledger, `/v1/meetings/${kp.intersessional}/statements`, { speakerId: 'ua', summary: 'Ukraine speaks.', occurredAt: '2022-06-21' });
      await record(ledger, `/v1/meetings/${kp.intersessional}/communique`, { adopted: true, text: 'Communiqué.', occurredAt: '2022-06-24' });
      await record(ledger, `/v1/meetings/${kp.intersessional}/closure`, { occurredAt: '2022-06-24' });
      await conveneMeeting(ledger, (await recordKimberleyProcess(ledger)).bodyId);

      const all = await read<MeetingsPage>(ledger, `/v1/bodies/${kp.bodyId}/meetings`);
      expect(all.bodyId).toBe(kp.bodyId);
      expect(all.nextCursor).toBeNull();
      expect(all.meetings).toEqual([
        {
          meetingId: kp.intersessional,
          kind: 'intersessional',
          location: 'Kasane',
          opensOn: '2022-06-20',
          closesOn: '2022-06-24',
          status: 'closed',
          closedAt: '2022-06-24T00:00:00.000Z',
          communique: 'adopted',
          statements: 1,
          streamRevision: 3,
        },
        expect.objectContaining({ meetingId: kp.plenary, kind: 'plenary', status: 'open', communique: null, statements: 0, streamRevision: 0 }),
        expect.objectContaining({ meetingId: special, kind: 'special', location: 'Brussels' }),
      ]);
      const pages = await allPages<MeetingsPage>(ledger, `/v1/bodies/${kp.bodyId}/meetings`, 'limit=2');
      expect(pages.map((page) => page.meetings.length)).toEqual([2, 1]);
      expect(pages.flatMap((page) => page.meetings)).toEqual(all.meetings);

      // A meeting convened, and one closed, between two pages: the next page still reads the first page's ledger.
      const first = await read<MeetingsPage>(ledger, `/v1/bodies/${kp.bodyId}/meetings?limit=2`);
      await conveneMeeting(ledger, kp.bodyId, { kind: 'special', location: 'Dubai', opensOn: '2023-06-01' });
      await record(ledger, `/v1/meetings/${special}/closure`, { occurredAt: '2023-03-01' });
      const second = await read<MeetingsPage>(ledger, `/v1/bodies/${kp.bodyId}/meetings?cursor=${first.nextCursor}`);
      expect(second.position).toBe(first.position);
      expect(second.meetings).toEqual([expect.objectContaining({ meetingId: special, status: 'open' })]);
      expect(second.nextCursor).toBeNull();
    });

    it('answers as of a recorded time: a meeting convened later is not listed, and one closed later is open', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const before = await headPosition(ledger);
      await record(ledger, `/v1/meetings/${kp.intersessional}/closure`, { occurredAt: '2022-06-24' });
      const later = await conveneMeeting(ledger, kp.bodyId);
      const then = await read<MeetingsPage>(ledger, `/v1/bodies/${kp.bodyId}/meetings?atPosition=${before}`);
      expect(then.meetings.map((meeting) => [meeting.meetingId, meeting.status])).toEqual([
        [kp.intersessional, 'open'],
        [kp.plenary, 'open'],
      ]);
      // Two a page: the page holding both is the last, though the later meeting follows in the list.
      const twoAPage = await read<MeetingsPage>(ledger, `/v1/bodies/${kp.bodyId}/meetings?limit=2&atPosition=${before}`);
      expect({ meetings: twoAPage.meetings.length, nextCursor: twoAPage.nextCursor }).toEqual({ meetings: 2, nextCursor: null });
      const now = await read<MeetingsPage>(ledger, `/v1/bodies/${kp.bodyId}/meetings`);
      expect(now.meetings.map((meeting) => meeting.meetingId)).toEqual([kp.intersessional, kp.plenary, later]);
    });

    it('answers 404 for a body that is not established', async () => {
      expectProblem(await ledger.get(`/v1/bodies/${uniqueId('nobody')}/meetings`), 404, 'body-not-found');
    });
  });

  describe('GET /v1/meetings/:id lists the proposals tabled, deferred to or decided at it', () => {
    it('follows a proposal tabled at the intersessional, deferred to the plenary and decided there', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional, title: 'Widen the definition' });
      const elsewhere = await tableProposal(ledger, kp.bodyId, { meetingId: kp.plenary, occurredAt: '2022-11-07' });
      const tabledOnly = await headPosition(ledger);
      await record(ledger, `/v1/proposals/${proposalId}/deferral`, { toMeetingId: kp.plenary, occurredAt: '2022-06-24' });
      expect((await decide(ledger, proposalId, { outcome: 'consensus', meetingId: kp.plenary, revision: 1 })).status).toBe(201);

      const intersessional = await read<{ proposals: unknown[] }>(ledger, `/v1/meetings/${kp.intersessional}`);
      expect(intersessional.proposals).toEqual([
        { proposalId, title: 'Widen the definition', status: 'adopted', tabledHere: true, deferredHere: false, decidedHere: false },
      ]);
      const plenary = await read<{ proposals: unknown[] }>(ledger, `/v1/meetings/${kp.plenary}`);
      expect(plenary.proposals).toEqual([
        { proposalId, title: 'Widen the definition', status: 'adopted', tabledHere: false, deferredHere: true, decidedHere: true },
        expect.objectContaining({ proposalId: elsewhere.proposalId, status: 'open', tabledHere: true, deferredHere: false, decidedHere: false }),
      ]);
      const plenaryThen = await read<{ proposals: unknown[] }>(ledger, `/v1/meetings/${kp.plenary}?atPosition=${tabledOnly}`);
      expect(plenaryThen.proposals).toEqual([expect.objectContaining({ proposalId: elsewhere.proposalId, tabledHere: true })]);
    });
  });

  describe('searching: GET /v1/bodies/:id/proposals?q= and /statements?q=', () => {
    it('finds proposals by words of their title or text, in any order, ignoring case and accents, at a point too', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const widen = await tableProposal(ledger, kp.bodyId, { title: 'Widen the definition', text: 'Diamonds financing aggression, as in Côte d’Ivoire.' });
      const agenda = await tableProposal(ledger, kp.bodyId, { title: 'Discuss Ukraine', text: 'The KP discusses the war.' });
      const found = async (query: string) =>
        (await read<{ proposals: { proposalId: string }[] }>(ledger, `/v1/bodies/${kp.bodyId}/proposals?${query}`)).proposals.map((p) => p.proposalId);

      expect(await found('q=WIDEN')).toEqual([widen.proposalId]);
      expect(await found('q=aggression%20definition')).toEqual([widen.proposalId]);
      expect(await found('q=cote')).toEqual([widen.proposalId]);
      expect(await found('q=the')).toEqual([widen.proposalId, agenda.proposalId]);
      expect(await found('q=sanctions')).toEqual([]);
      // Punctuation typed or pasted with the words asks for none.
      expect(await found(`q=${encodeURIComponent('Widen, (aggression) definition?')}`)).toEqual([widen.proposalId]);
      const punctuationAlone = expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/proposals?q=${encodeURIComponent('?!')}`), 'q');
      expect(punctuationAlone.errors).toEqual([{ field: 'q', messages: ['must hold at least one word: punctuation alone is no word'] }]);
      expect(await found('q=the&status=open')).toEqual([widen.proposalId, agenda.proposalId]);
      expect(await found(`q=the&atPosition=${agenda.created.position - 1}`)).toEqual([widen.proposalId]);
    });

    it('finds a proposal by its revised text and its corrected title from then on, and by the earlier words before', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId, created } = await tableProposal(ledger, kp.bodyId, { title: 'Review the alluvial mining rules', text: 'Artisanal alluvial mining.' });
      const revised = await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'Kimberlite pipes only.', occurredAt: '2022-06-22' });
      const tabling = created.eventIds[0] as string;
      const corrected = await record(ledger, '/v1/corrections', {
        correctsEventId: tabling,
        reason: 'misheard',
        corrections: { title: 'Review the marine mining rules' },
        occurredAt: '2022-06-23',
      });
      const found = async (query: string) =>
        (await read<{ proposals: { proposalId: string }[] }>(ledger, `/v1/bodies/${kp.bodyId}/proposals?${query}`)).proposals.map((p) => p.proposalId);

      expect(await found('q=kimberlite')).toEqual([proposalId]);
      expect(await found('q=marine%20kimberlite')).toEqual([proposalId]);
      expect(await found('q=artisanal')).toEqual([]);
      expect(await found('q=alluvial')).toEqual([]);
      expect(await found(`q=artisanal%20alluvial&atPosition=${revised.position - 1}`)).toEqual([proposalId]);
      expect(await found(`q=kimberlite%20alluvial&atPosition=${corrected.position - 1}`)).toEqual([proposalId]);
      expect(await found(`q=kimberlite%20alluvial&atPosition=${corrected.position}`)).toEqual([]);
      expect(await found('q=kimberlite&effectiveAt=2022-06-21T12:00:00Z')).toEqual([]);
      expect(await found('q=artisanal&effectiveAt=2022-06-21T12:00:00Z')).toEqual([proposalId]);
    });

    it("finds statements made at any of the body's meetings, naming the meeting, a page at a time", async () => {
      const kp = await recordKimberleyProcess(ledger);
      const said = async (meetingId: string, speakerId: string, summary: string) =>
        (
          await record(ledger, `/v1/meetings/${meetingId}/statements`, {
            speakerId,
            summary,
            occurredAt: meetingId === kp.plenary ? '2022-11-08' : '2022-06-21',
          })
        ).eventIds[0];
      const first = await said(kp.intersessional, 'ua', 'Ukraine asks the KP to discuss the war.');
      await said(kp.intersessional, 'csc', 'The Coalition supports a wider definition.');
      const third = await said(kp.plenary, 'ua', 'Ukraine repeats that diamonds finance the WAR.');

      type Statements = { statements: { eventId: string; meetingId: string; speakerId: string; summary: string }[]; nextCursor: string | null };
      const every = await read<Statements>(ledger, `/v1/bodies/${kp.bodyId}/statements`);
      expect(every.statements.map((statement) => statement.meetingId)).toEqual([kp.intersessional, kp.intersessional, kp.plenary]);
      const war = await read<Statements>(ledger, `/v1/bodies/${kp.bodyId}/statements?q=war%20ukraine&limit=1`);
      expect(war.statements).toEqual([expect.objectContaining({ eventId: first, meetingId: kp.intersessional, speakerId: 'ua' })]);
      const next = await read<Statements>(ledger, `/v1/bodies/${kp.bodyId}/statements?q=war%20ukraine&limit=1&cursor=${war.nextCursor}`);
      expect(next.statements).toEqual([expect.objectContaining({ eventId: third, meetingId: kp.plenary })]);
      expect(next.nextCursor).toBeNull();
      expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/statements?q=coalition&cursor=${war.nextCursor}`), 'cursor');
    });

    it('finds a statement by its corrected summary from the correction on, and by the words it had before', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const statement = await record(ledger, `/v1/meetings/${kp.plenary}/statements`, {
        speakerId: 'bw',
        summary: 'Botswana on alluvial mining.',
        occurredAt: '2022-11-08',
      });
      const correction = await record(ledger, '/v1/corrections', {
        correctsEventId: statement.eventIds[0],
        reason: 'misheard',
        corrections: { summary: 'Botswana on kimberlite mining.' },
        occurredAt: '2022-11-09',
      });
      const found = async (query: string) =>
        (await read<{ statements: { eventId: string }[] }>(ledger, `/v1/bodies/${kp.bodyId}/statements?${query}`)).statements.map((s) => s.eventId);

      expect(await found('q=kimberlite%20botswana')).toEqual(statement.eventIds);
      expect(await found('q=alluvial')).toEqual([]);
      expect(await found(`q=alluvial&atPosition=${correction.position - 1}`)).toEqual(statement.eventIds);
      expect(await found(`q=kimberlite&atPosition=${correction.position - 1}`)).toEqual([]);
    });

    it.each([
      ['an empty search', 'q='],
      ['a search of spaces', 'q=%20%20'],
      ['a search longer than 200 characters', `q=${'a'.repeat(201)}`],
      ['a search holding a NUL', 'q=%00'],
      ['a search holding a control character beside a word', 'q=war%07'],
    ])('refuses %s, naming q', async (_case, query) => {
      const kp = await recordKimberleyProcess(ledger);
      expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/proposals?${query}`), 'q');
      expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/statements?${query}`), 'q');
    });
  });

  describe('GET /v1/bodies/:id/statements, a page at a time', () => {
    it('pages through meetings where nothing was said and meetings of many statements, and refuses a cursor of the earlier form', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const silent = await conveneMeeting(ledger, kp.bodyId, { kind: 'special', location: 'Dubai', opensOn: '2023-06-01' });
      const busy = await conveneMeeting(ledger, kp.bodyId, { kind: 'special', location: 'Antwerp', opensOn: '2023-09-01', closesOn: '2023-09-05' });
      const at = { [kp.intersessional]: '2022-06-21', [kp.plenary]: '2022-11-08', [busy]: '2023-09-02' };
      const said: string[] = [];
      for (const [meetingId, count] of [
        [kp.intersessional, 2],
        [busy, 5],
        [kp.plenary, 1],
      ] as const) {
        for (let index = 0; index < count; index += 1) {
          const summary = `${meetingId} ${index}`;
          await record(ledger, `/v1/meetings/${meetingId}/statements`, { speakerId: 'ua', summary, occurredAt: at[meetingId] });
          said.push(summary);
        }
      }
      type Statements = { statements: { meetingId: string; summary: string }[]; nextCursor: string | null };
      const pages: Statements[] = [];
      for (let cursor: string | null = ''; cursor !== null; cursor = (pages.at(-1) as Statements).nextCursor)
        pages.push(await read<Statements>(ledger, `/v1/bodies/${kp.bodyId}/statements?limit=2${cursor === '' ? '' : `&cursor=${cursor}`}`));
      // Convened in order: the intersessional, the plenary, the silent meeting, the busy one.
      const inOrder = [kp.intersessional, kp.plenary, busy].flatMap((meetingId) => said.filter((summary) => summary.startsWith(`${meetingId} `)));
      expect(pages.flatMap((page) => page.statements.map((statement) => statement.summary))).toEqual(inOrder);
      expect(pages.map((page) => page.statements.length)).toEqual([2, 2, 2, 2]);
      expect(pages.flatMap((page) => page.statements.map((statement) => statement.meetingId))).not.toContain(silent);

      // The same cursor as an earlier version handed out, whose `after` counted statements across meetings.
      const handedOut = JSON.parse(Buffer.from(pages[0]?.nextCursor as string, 'base64url').toString()) as { list: string };
      const earlierForm = Buffer.from(JSON.stringify({ ...handedOut, list: `statements of ${kp.bodyId}`, after: 2 })).toString('base64url');
      const refused = expectInvalidField(await ledger.get(`/v1/bodies/${kp.bodyId}/statements?cursor=${earlierForm}`), 'cursor');
      expect(JSON.stringify(refused)).toContain(`another list (statements of ${kp.bodyId})`);
    });
  });

  describe('GET /v1/meetings/:id/statements, a page at a time, read on from the meeting', () => {
    type Statement = { eventId: string; summary: string };
    type Meeting = { statements: Statement[]; statementCount: number; nextStatementsCursor: string | null; position: number };
    type Statements = { meetingId: string; position: number; statements: Statement[]; nextCursor: string | null };

    it('shows the first 50 with the count, reads on from the point the meeting was read at, and searches', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const convened = await headPosition(ledger);
      const busy = await conveneMeeting(ledger, kp.bodyId, { kind: 'special', location: 'Antwerp', opensOn: '2023-09-01', closesOn: '2023-09-05' });
      const said: string[] = [];
      const say = async (summary: string) => {
        await record(ledger, `/v1/meetings/${busy}/statements`, { speakerId: said.length % 2 === 0 ? 'ua' : 'csc', summary, occurredAt: '2023-09-02' });
        said.push(summary);
      };
      for (let index = 0; index < 53; index += 1) await say(`Statement number ${index} on rough diamonds`);

      const meeting = await read<Meeting>(ledger, `/v1/meetings/${busy}`);
      expect(meeting.statements.map((statement) => statement.summary)).toEqual(said.slice(0, 50));
      expect(meeting.statementCount).toBe(53);
      await say('Said after the meeting was read');
      // The cursor reads on at the point the meeting was read at: what was said since is not in it.
      const rest = await read<Statements>(ledger, `/v1/meetings/${busy}/statements?cursor=${meeting.nextStatementsCursor as string}`);
      expect({ position: rest.position, said: rest.statements.map((statement) => statement.summary), next: rest.nextCursor }).toEqual({
        position: meeting.position,
        said: said.slice(50, 53),
        next: null,
      });
      expect((await read<Meeting>(ledger, `/v1/meetings/${busy}`)).statementCount).toBe(54);

      const pages: Statements[] = [];
      for (let cursor: string | null = ''; cursor !== null; cursor = (pages.at(-1) as Statements).nextCursor)
        pages.push(await read<Statements>(ledger, `/v1/meetings/${busy}/statements?limit=20${cursor === '' ? '' : `&cursor=${cursor}`}`));
      expect(pages.map((page) => page.statements.length)).toEqual([20, 20, 14]);
      expect(pages.flatMap((page) => page.statements.map((statement) => statement.summary))).toEqual(said);

      const found = await read<Statements>(ledger, `/v1/meetings/${busy}/statements?q=NUMBER%2052`);
      expect(found.statements.map((statement) => statement.summary)).toEqual(['Statement number 52 on rough diamonds']);
      const earlier = await read<Statements>(ledger, `/v1/meetings/${busy}/statements?q=after&atPosition=${meeting.position}`);
      expect(earlier.statements).toEqual([]);
      expect((await read<Statements>(ledger, `/v1/meetings/${busy}/statements?q=after`)).statements).toHaveLength(1);

      // A meeting that heard nothing: nothing to read on.
      expect(await read<Meeting>(ledger, `/v1/meetings/${kp.plenary}`)).toMatchObject({ statements: [], statementCount: 0, nextStatementsCursor: null });
      expect(await read<Statements>(ledger, `/v1/meetings/${kp.plenary}/statements`)).toMatchObject({
        meetingId: kp.plenary,
        statements: [],
        nextCursor: null,
      });
      expectProblem(await ledger.get(`/v1/meetings/${busy}/statements?atPosition=${convened}`), 404, 'meeting-not-found');
      expectProblem(await ledger.get('/v1/meetings/never-held/statements'), 404, 'meeting-not-found');
    });

    it('reads on in world time from the first page, a statement recorded since and dated earlier neither shown nor making one repeat', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const said: string[] = [];
      for (let index = 0; index < 52; index += 1) {
        const summary = `Said on the ${10 + (index % 10)}th, number ${index}`;
        await record(ledger, `/v1/meetings/${kp.plenary}/statements`, { speakerId: 'ua', summary, occurredAt: `2022-11-${10 + (index % 10)}` });
        said.push(summary);
      }
      const meeting = await read<Meeting>(ledger, `/v1/meetings/${kp.plenary}?effectiveAt=2022-11-30`);
      await record(ledger, `/v1/meetings/${kp.plenary}/statements`, { speakerId: 'ua', summary: 'Entered late', occurredAt: '2022-11-09' });
      const rest = await read<Statements>(ledger, `/v1/meetings/${kp.plenary}/statements?cursor=${meeting.nextStatementsCursor as string}`);
      const inWorldOrder = said.map((summary, index) => ({ summary, index })).sort((a, b) => (a.index % 10) - (b.index % 10) || a.index - b.index);
      expect([...meeting.statements, ...rest.statements].map((statement) => statement.summary)).toEqual(inWorldOrder.map(({ summary }) => summary));
      const anew = await read<Meeting>(ledger, `/v1/meetings/${kp.plenary}?effectiveAt=2022-11-30`);
      expect(anew.statements[0]?.summary).toBe('Entered late');
    });

    it('reads on in world time as the ledger stood at the first page: a correction recorded since neither repeats, skips nor changes a statement', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const said: { summary: string; eventId: string; day: number; index: number }[] = [];
      for (let index = 0; index < 52; index += 1) {
        const day = 10 + (index % 10);
        const summary = `Said on the ${day}th, number ${index}`;
        const answer = await record(ledger, `/v1/meetings/${kp.plenary}/statements`, { speakerId: 'ua', summary, occurredAt: `2022-11-${day}` });
        said.push({ summary, eventId: answer.eventIds[0] as string, day, index });
      }
      const inWorldOrder = [...said].sort((a, b) => a.day - b.day || a.index - b.index);
      const meeting = await read<Meeting>(ledger, `/v1/meetings/${kp.plenary}?effectiveAt=2022-11-30`);
      // The first one shown moves to the last day, and the last one, not shown yet, to the first day with new words.
      const shownFirst = inWorldOrder[0] as { eventId: string };
      const notShownYet = inWorldOrder.at(-1) as { eventId: string };
      const correct = (eventId: string, corrections: object) =>
        record(ledger, '/v1/corrections', { correctsEventId: eventId, reason: 'wrong day', corrections, occurredAt: '2022-11-29' });
      await correct(shownFirst.eventId, { occurredAt: '2022-11-19T23:00:00Z' });
      await correct(notShownYet.eventId, { occurredAt: '2022-11-10T00:01:00Z', summary: 'Moved to the first day' });

      const rest = await read<Statements>(ledger, `/v1/meetings/${kp.plenary}/statements?cursor=${meeting.nextStatementsCursor as string}`);
      expect([...meeting.statements, ...rest.statements].map((statement) => statement.summary)).toEqual(inWorldOrder.map(({ summary }) => summary));
      const anew = await read<Meeting>(ledger, `/v1/meetings/${kp.plenary}?effectiveAt=2022-11-30`);
      expect(anew.statements.map((statement) => statement.summary)).toContain('Moved to the first day');
      expect(anew.statements.map((statement) => statement.eventId)).not.toContain(shownFirst.eventId);
    });

    it("refuses a cursor of another list or another meeting, another search's cursor, and a limit out of range", async () => {
      const kp = await recordKimberleyProcess(ledger);
      for (const meetingId of [kp.intersessional, kp.plenary]) {
        for (const index of [0, 1, 2]) {
          await record(ledger, `/v1/meetings/${meetingId}/statements`, {
            speakerId: 'ua',
            summary: `War ${index}`,
            occurredAt: meetingId === kp.plenary ? '2022-11-08' : '2022-06-21',
          });
        }
      }
      const first = await read<Statements>(ledger, `/v1/meetings/${kp.intersessional}/statements?limit=1`);
      const ofBody = await read<Statements>(ledger, `/v1/bodies/${kp.bodyId}/statements?limit=1`);
      const searched = await read<Statements>(ledger, `/v1/meetings/${kp.intersessional}/statements?limit=1&q=war`);
      const refusedOther = expectInvalidField(await ledger.get(`/v1/meetings/${kp.plenary}/statements?cursor=${first.nextCursor as string}`), 'cursor');
      expect(JSON.stringify(refusedOther)).toContain(`another list (statements of meeting ${kp.intersessional})`);
      const refusedOfBody = expectInvalidField(
        await ledger.get(`/v1/meetings/${kp.intersessional}/statements?cursor=${ofBody.nextCursor as string}`),
        'cursor',
      );
      expect(JSON.stringify(refusedOfBody)).toContain(`another list (statements of ${kp.bodyId} meeting by meeting)`);
      const refusedSearch = expectInvalidField(
        await ledger.get(`/v1/meetings/${kp.intersessional}/statements?cursor=${searched.nextCursor as string}`),
        'cursor',
      );
      expect(JSON.stringify(refusedSearch)).toContain(`another list (statements of meeting ${kp.intersessional} matching war)`);
      expectInvalidField(await ledger.get(`/v1/meetings/${kp.intersessional}/statements?cursor=not-a-cursor`), 'cursor');
      expectInvalidField(await ledger.get(`/v1/meetings/${kp.intersessional}/statements?limit=0`), 'limit');
      expectInvalidField(await ledger.get(`/v1/meetings/${kp.intersessional}/statements?limit=201`), 'limit');
      expectInvalidField(await ledger.get(`/v1/meetings/${kp.intersessional}/statements?q=`), 'q');
      expectInvalidField(await ledger.get(`/v1/meetings/${kp.intersessional}/statements?colour=red`), 'colour');
    });
  });

  describe('GET /v1/bodies/:id names the latest recorded term beside the term asked about', () => {
    it("shows the 2022 Chair as the latest term when today's term has none recorded", async () => {
      const kp = await recordKimberleyProcess(ledger);
      const body = await read<{ currentTerm: { term: number; chair: string | null }; latestRecordedTerm: unknown }>(ledger, `/v1/bodies/${kp.bodyId}`);
      expect(body.currentTerm).toMatchObject({ term: new Date().getUTCFullYear(), chair: null });
      expect(body.latestRecordedTerm).toEqual({ term: 2022, chair: 'bw', viceChair: null, basis: 'succession' });
      const in2021 = await read<{ currentTerm: unknown; latestRecordedTerm: unknown }>(ledger, `/v1/bodies/${kp.bodyId}?effectiveAt=2021-06-01`);
      expect(in2021.currentTerm).toEqual({ term: 2021, chair: 'ru', viceChair: 'bw', basis: 'postponement' });
      expect(in2021.latestRecordedTerm).toEqual({ term: 2021, chair: 'ru', viceChair: 'bw', basis: 'postponement' });
    });
  });
});
