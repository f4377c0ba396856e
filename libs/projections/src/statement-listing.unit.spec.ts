import { InMemoryEventStore, InMemoryProjectionStore } from '@concord/event-store';
import { DEFAULT_CONSENSUS_POLICY } from '@concord/governance';
import { at, ledgerFixture, LedgerFixture, metadata, recordCorrection, recordKimberleyProcess } from '../../ledger/src/testing/ledger-fixture';
import { toDomainEvent } from '../../ledger/src/support/stored-to-domain';
import { LedgerView } from './ledger-view';
import { ProjectionRunner } from './projection-runner';
import { everyItem, ReadModels } from './read-models';
import { StatementView } from './meeting-view';
import { ResolvedPoint } from './time-point';
import { TextSearch, textSearch } from './text-match';
import { CountingStore } from './testing/counting-store';

const moment = '2026-01-15T12:00:00.000Z';
/** Statements made at each meeting convened after the 2022 ones: some none, some many. */
const STATEMENTS = [3, 0, 7, 1, 0, 0, 12, 2, 5, 0];
const SPEAKERS = ['ru', 'ua', 'bw', 'csc'];

/**
 * The KP body with its two 2022 meetings and ten more convened in 2023, whose statements are
 * recorded round by round across the meetings, so that each meeting's records interleave with the
 * others'; then a statement at a 2022 meeting and a correction of one summary.
 */
async function statementsLedger(): Promise<LedgerFixture> {
  const ledger = ledgerFixture(new InMemoryEventStore());
  await recordKimberleyProcess(ledger);
  const meetings = STATEMENTS.map((_, index) => `m${index}`);
  for (const [index, meetingId] of meetings.entries()) {
    const month = String(index + 1).padStart(2, '0');
    const data = {
      meetingId,
      kind: 'intersessional' as const,
      location: 'Kasane',
      opensOn: `2023-${month}-01`,
      closesOn: `2023-${month}-05`,
      occurredAt: at(`2023-${month}-01`),
    };
    await ledger.meetings.convene('kp', { type: 'ConveneMeeting', data }, metadata());
  }
  for (let round = 0; round < Math.max(...STATEMENTS); round += 1) {
    for (const [index, meetingId] of meetings.entries()) {
      if (round >= (STATEMENTS[index] as number)) continue;
      const month = String(index + 1).padStart(2, '0');
      const summary = round % 3 === 0 ? `On rough diamonds, round ${round}` : `On the budget, round ${round}`;
      const data = { speakerId: SPEAKERS[round % SPEAKERS.length] as string, proposalId: null, summary, occurredAt: at(`2023-${month}-0${1 + (round % 5)}`) };
      await ledger.meetings.handle(meetingId, { type: 'RecordStatement', data }, metadata());
    }
  }
  await ledger.meetings.handle(
    'pl-2022',
    { type: 'RecordStatement', data: { speakerId: 'csc', proposalId: null, summary: 'Late word', occurredAt: at('2022-11-08') } },
    metadata(),
  );
  const target = (await ledger.store.readStream('meeting-m6')).at(3);
  await recordCorrection(ledger, target?.eventId ?? '', { summary: 'On rough diamonds, as corrected' }, 'misheard', '2023-08-01');
  return ledger;
}

/** What the listing must say: each meeting's own answer, meeting by meeting in the order convened. */
async function meetingByMeeting(view: LedgerView, point: ResolvedPoint, search?: TextSearch): Promise<unknown[]> {
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);
  const statements: unknown[] = [];
  for (const meetingId of view.meetingsOf('kp')) {
    for (const statement of (await models.meeting(meetingId, Infinity))?.statements ?? [])
      if (search === undefined || search.matches(statement.summary)) statements.push({ meetingId, ...statement });
  }
  return statements;
}

const listing = (view: LedgerView, point: ResolvedPoint, pageSize: number, search?: TextSearch) => {
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);
  return everyItem((page) => models.statementsOfBody('kp', page, search), pageSize);
};

const aboutDiamonds = textSearch('rough diamonds');

describe("A body's statements listed at a point", () => {
  it("say what each meeting's own answer says, page by page of any size, at every position and in world time, searched or not", async () => {
    const ledger = await statementsLedger();
    const view = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const bounded = await new ProjectionRunner(ledger.store, toDomainEvent, { cachedRecords: 8 }).catchUp();
    const projections = new InMemoryProjectionStore();
    const first = new ProjectionRunner(ledger.store, toDomainEvent, { projections });
    await first.catchUp();
    await first.commit();
    const restarted = await new ProjectionRunner(ledger.store, toDomainEvent, { projections, cachedRecords: 8 }).catchUp();
    const head = view.position;
    const inWorldTime = ['2022-11-09', '2023-03-02', '2023-07-03', '2024-01-01'].map((date) => ({ position: head, effectiveAt: at(date), moment: at(date) }));
    const points = [...Array.from({ length: head }, (_, index) => ({ position: index + 1, effectiveAt: null, moment })), ...inWorldTime];
    for (const point of points) {
      const expected = await meetingByMeeting(view, point);
      for (const pageSize of [1, 2, 7, 50]) {
        expect({ point, pageSize, listed: await listing(view, point, pageSize) }).toEqual({ point, pageSize, listed: expected });
        expect({ point, pageSize, listed: await listing(bounded, point, pageSize) }).toEqual({ point, pageSize, listed: expected });
      }
      // Words most meetings hold, words of one statement, of a corrected summary, and of the summary it corrected (m6's "round 2").
      for (const search of [aboutDiamonds, ...['round 11', 'as corrected', 'budget round 2'].map(textSearch)]) {
        const found = await meetingByMeeting(view, point, search);
        expect({ point, words: search.words, found: await listing(bounded, point, 3, search) }).toEqual({ point, words: search.words, found });
        expect({ point, words: search.words, found: await listing(restarted, point, 2, search) }).toEqual({ point, words: search.words, found });
      }
    }
    expect((await listing(view, { position: head, effectiveAt: null, moment }, 50))?.length).toBe(STATEMENTS.reduce((sum, count) => sum + count, 1));
  });

  it('reads only the meetings a page passes over, and a last page says there is no next', async () => {
    const ledger = await statementsLedger();
    const store = new CountingStore(ledger.store);
    const view = await new ProjectionRunner(store.asStore(), toDomainEvent, { cachedRecords: 8 }).catchUp();
    const point = { position: view.position, effectiveAt: null, moment };
    const meetingReads = (): string[] => store.streamsRead.filter((stream) => stream.startsWith('meeting-'));
    const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);

    const readDuring = async <T>(reading: () => Promise<T>): Promise<{ answer: T; read: string[] }> => {
      const before = meetingReads().length;
      const answer = await reading();
      return { answer, read: meetingReads().slice(before) };
    };
    // is-2022 has none, pl-2022 one, m0 three: a page of three ends within m0.
    const first = await readDuring(() => models.statementsOfBody('kp', { after: 0, limit: 3 }));
    expect(first.answer?.items.map((statement) => statement.meetingId)).toEqual(['pl-2022', 'm0', 'm0']);
    expect(first.read.filter((stream) => !['meeting-is-2022', 'meeting-pl-2022', 'meeting-m0'].includes(stream))).toEqual([]);
    // The next page goes on within m0, passes over m1 (none) and ends within m2.
    const second = await readDuring(() => models.statementsOfBody('kp', { after: first.answer?.next as number, limit: 3 }));
    expect(second.answer?.items.map((statement) => statement.meetingId)).toEqual(['m0', 'm2', 'm2']);
    expect(second.read.filter((stream) => !['meeting-m0', 'meeting-m1', 'meeting-m2'].includes(stream))).toEqual([]);
    // The meeting of twelve statements does not fit the cache: reading it at every page would show.
    const third = await readDuring(() => models.statementsOfBody('kp', { after: second.answer?.next as number, limit: 3 }));
    expect(third.read).not.toContain('meeting-m6');
    const atTwelve = await readDuring(() => models.statementsOfBody('kp', { after: third.answer?.next as number, limit: 12 }));
    expect(atTwelve.read).toContain('meeting-m6');

    const all = await everyItem((page) => models.statementsOfBody('kp', page), 200);
    const last = await models.statementsOfBody('kp', { after: 0, limit: all?.length as number });
    expect(last?.next).toBeNull();
    // No page after the first is empty, searched or not, though the last meetings heard nothing and
    // meetings whose words can hold a search hold no statement it finds at the point.
    for (const search of [undefined, aboutDiamonds, ...['round 11', 'budget round 2', 'zzz'].map(textSearch)]) {
      for (const limit of [1, 2, 3, 5]) {
        const sizes = await pageSizes((after) => models.statementsOfBody('kp', { after, limit }, search));
        expect({ words: search?.words, limit, empty: sizes.slice(1).filter((size) => size === 0).length }).toEqual({ words: search?.words, limit, empty: 0 });
      }
    }
  });

  it('found by a search, read only the meetings at which some statement, in any version, can hold its words, restarted from stored rows too', async () => {
    const ledger = await statementsLedger();
    const projections = new InMemoryProjectionStore();
    const first = new ProjectionRunner(ledger.store, toDomainEvent, { projections });
    await first.catchUp();
    await first.commit();
    // Recorded after the rows were stored: a restarted view indexes its words itself.
    const data = { speakerId: 'ua', proposalId: null, summary: 'Kimberlite pipes again', occurredAt: at('2023-10-02') };
    await ledger.meetings.handle('m9', { type: 'RecordStatement', data }, metadata());
    const reference = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const cases: [query: string, meetings: string[]][] = [
      ['round 11', ['m6']],
      ['round 5', ['m2', 'm6']],
      ['late word', ['pl-2022']],
      // m6's fourth statement said "round 3" until corrected: the meeting is read, and its corrected summary found.
      ['as corrected', ['m6']],
      ['kimberlite', ['m9']],
      ['zzz', []],
    ];
    for (const restarted of [false, true]) {
      const store = new CountingStore(ledger.store);
      const view = await new ProjectionRunner(store.asStore(), toDomainEvent, { cachedRecords: 8, ...(restarted ? { projections } : {}) }).catchUp();
      const point = { position: view.position, effectiveAt: null, moment };
      for (const [query, meetings] of cases) {
        const search = textSearch(query);
        const before = store.streamsRead.length;
        const found = await listing(view, point, 2, search);
        const read = [...new Set(store.streamsRead.slice(before).filter((stream) => stream.startsWith('meeting-')))].sort();
        const expected = await meetingByMeeting(reference, point, search);
        expect({ restarted, query, found, read }).toEqual({ restarted, query, found: expected, read: meetings.map((meetingId) => `meeting-${meetingId}`) });
        expect({ query, found: (found as { meetingId: string }[]).map((statement) => statement.meetingId) }).toEqual({
          query,
          found: (expected as { meetingId: string }[]).map((statement) => statement.meetingId),
        });
      }
    }
  });
});

describe("A meeting's statements at a point", () => {
  it('come a page at a time as the whole list says, the meeting answer holding the first of them and their count, at every position and in world time', async () => {
    const ledger = await statementsLedger();
    const view = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const bounded = await new ProjectionRunner(ledger.store, toDomainEvent, { cachedRecords: 8 }).catchUp();
    const head = view.position;
    const inWorldTime = ['2022-11-09', '2023-07-03', '2024-01-01'].map((date) => ({ position: head, effectiveAt: at(date), moment: at(date) }));
    const points = [...Array.from({ length: head }, (_, index) => ({ position: index + 1, effectiveAt: null, moment })), ...inWorldTime];
    for (const point of points) {
      const whole = await meetingByMeeting(view, point);
      const models = new ReadModels(bounded, DEFAULT_CONSENSUS_POLICY, point);
      for (const meetingId of view.meetingsOf('kp')) {
        const made = whole.filter((statement) => (statement as { meetingId: string }).meetingId === meetingId).map(withoutMeeting);
        const meeting = await models.meeting(meetingId, 2);
        if (meeting === undefined) {
          expect(await models.statementsOfMeeting(meetingId, { after: 0, limit: 5 })).toBeUndefined();
          continue;
        }
        expect({ point, meetingId, shown: meeting.statements, count: meeting.statementCount }).toEqual({
          point,
          meetingId,
          shown: made.slice(0, 2),
          count: made.length,
        });
        for (const pageSize of [1, 3, 50]) {
          const listed = await everyItem((page) => models.statementsOfMeeting(meetingId, page), pageSize);
          expect({ point, meetingId, pageSize, listed }).toEqual({ point, meetingId, pageSize, listed: made });
        }
        // Read on from what the meeting's answer shows.
        const rest: unknown[] = [];
        for (let after: number | null = meeting.statements.length < meeting.statementCount ? 2 : null; after !== null;) {
          const page = await models.statementsOfMeeting(meetingId, { after, limit: 4 });
          rest.push(...(page?.items ?? []));
          after = page?.next ?? null;
        }
        expect({ point, meetingId, rest }).toEqual({ point, meetingId, rest: made.slice(2) });
        for (const search of [aboutDiamonds, ...['as corrected', 'budget round 2'].map(textSearch)]) {
          const found = made.filter((statement) => search.matches((statement as { summary: string }).summary));
          const listed = await everyItem((page) => models.statementsOfMeeting(meetingId, page, search), 2);
          expect({ point, meetingId, words: search.words, listed }).toEqual({ point, meetingId, words: search.words, listed: found });
        }
      }
    }
  });

  it("end where the meeting does: a full last page says there is no next, and a search that cannot match looks at none of the meeting's statements", async () => {
    const ledger = await statementsLedger();
    const view = await new ProjectionRunner(ledger.store, toDomainEvent, { cachedRecords: 8 }).catchUp();
    const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: view.position, effectiveAt: null, moment });
    expect((await models.statementsOfMeeting('m6', { after: 0, limit: 12 }))?.next).toBeNull();
    expect((await models.statementsOfMeeting('m6', { after: 0, limit: 11 }))?.next).toBe(11);
    expect(await models.statementsOfMeeting('m6', { after: 12, limit: 5 })).toEqual({ items: [], next: null });
    expect(await models.statementsOfMeeting('m1', { after: 0, limit: 5 })).toEqual({ items: [], next: null });
    expect(await models.statementsOfMeeting('nowhere', { after: 0, limit: 5 })).toBeUndefined();

    for (const search of [undefined, aboutDiamonds, textSearch('round 11'), textSearch('budget')]) {
      for (const limit of [1, 2, 4]) {
        const sizes = await pageSizes((after) => models.statementsOfMeeting('m6', { after, limit }, search));
        expect({ words: search?.words, limit, empty: sizes.slice(1).filter((size) => size === 0).length }).toEqual({ words: search?.words, limit, empty: 0 });
      }
    }

    const kimberlite = lookedAt(textSearch('kimberlite'));
    expect(await models.statementsOfMeeting('m6', { after: 0, limit: 5 }, kimberlite.search)).toEqual({ items: [], next: null });
    expect(kimberlite.statements()).toBe(0);
    // Words m6 holds are looked for in it.
    const round11 = lookedAt(textSearch('round 11'));
    expect((await models.statementsOfMeeting('m6', { after: 0, limit: 5 }, round11.search))?.items.map((s) => s.summary)).toEqual(['On the budget, round 11']);
    expect(round11.statements()).toBe(12);
  });
});

describe('Statements listed in world time, a page at a time, while the ledger goes on', () => {
  it("read on at the first page's position: a statement recorded between pages, dated before those listed, neither shows nor repeats one", async () => {
    const { ledger, runner, view, date, first, wholeOfMeeting, wholeOfBody, meetingPage, bodyPage } = await firstPagesInWorldTime('m6', 5, 12);

    // Dated with m6's earliest statements: in world time it comes before the rest of the first page's.
    const late = { speakerId: 'ua', proposalId: null, summary: 'Entered late', occurredAt: at('2023-07-01') };
    await ledger.meetings.handle('m6', { type: 'RecordStatement', data: late }, metadata());
    await runner.catchUp();
    const pinned = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, first);
    expect(await readOn(meetingPage, (after) => pinned.statementsOfMeeting('m6', { after, limit: 5 }))).toEqual(wholeOfMeeting);
    expect(await readOn(bodyPage, (after) => pinned.statementsOfBody('kp', { after, limit: 12 }))).toEqual(wholeOfBody);
    // Read anew, the list holds it.
    const now = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: view.position, effectiveAt: date, moment: date });
    expect((await everyItem((page) => now.statementsOfMeeting('m6', page), 50))?.map((made) => made.summary)).toContain('Entered late');
  });
});

/**
 * The statements ledger read in world time on 1 January 2024: one meeting's and the body's whole
 * lists, and the first page of each, before anything else is recorded.
 */
async function firstPagesInWorldTime(meetingId: string, meetingLimit: number, bodyLimit: number) {
  const ledger = await statementsLedger();
  const runner = new ProjectionRunner(ledger.store, toDomainEvent, { cachedRecords: 8 });
  const view = await runner.catchUp();
  const date = at('2024-01-01');
  const first = { position: view.position, effectiveAt: date, moment: date };
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, first);
  const wholeOfMeeting = (await everyItem((page) => models.statementsOfMeeting(meetingId, page), 50)) ?? [];
  const wholeOfBody = (await everyItem((page) => models.statementsOfBody('kp', page), 200)) ?? [];
  const meetingPage = (await models.statementsOfMeeting(meetingId, { after: 0, limit: meetingLimit })) as { items: StatementView[]; next: number | null };
  const bodyPage = (await models.statementsOfBody('kp', { after: 0, limit: bodyLimit })) as { items: unknown[]; next: number | null };
  return { ledger, runner, view, date, first, wholeOfMeeting, wholeOfBody, meetingPage, bodyPage };
}

describe('Statements listed in world time, a page at a time, while corrections are recorded', () => {
  it('read on as the ledger stood at the first page: a statement whose date or words a correction changed between pages is neither repeated, skipped nor changed', async () => {
    const { ledger, runner, view, date, first, wholeOfMeeting, wholeOfBody, meetingPage, bodyPage } = await firstPagesInWorldTime('m6', 5, 40);
    const listedFirst = meetingPage.items[0] as { eventId: string };
    const listedLast = wholeOfMeeting.at(-1) as { eventId: string };
    expect(wholeOfMeeting.length).toBeGreaterThan(10);

    // One listed on the first page moves to the meeting's last day, and one not listed yet moves
    // before every other and gets new words: read anew, the first would come again, the second be passed.
    await recordCorrection(ledger, listedFirst.eventId, { occurredAt: at('2023-07-05T23:00:00Z') }, 'wrong day', '2024-02-01');
    await recordCorrection(ledger, listedLast.eventId, { occurredAt: at('2023-07-01T00:01:00Z'), summary: 'Moved first' }, 'wrong day', '2024-02-01');
    await runner.catchUp();
    const anew = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: view.position, effectiveAt: date, moment: date });
    const anewOrder = ((await everyItem((page) => anew.statementsOfMeeting('m6', page), 50)) ?? []).map((made) => made.eventId);
    expect(anewOrder.indexOf(listedLast.eventId)).toBeLessThan(meetingPage.items.length);
    expect(anewOrder.at(-1)).toBe(listedFirst.eventId);

    const pinned = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, first);
    expect(await readOn(meetingPage, (after) => pinned.statementsOfMeeting('m6', { after, limit: 5 }))).toEqual(wholeOfMeeting);
    expect(await readOn(bodyPage, (after) => pinned.statementsOfBody('kp', { after, limit: 40 }))).toEqual(wholeOfBody);
  });

  it('read on at a meeting whose convening a correction moved past the date: the later pages still list it as the first did', async () => {
    const { ledger, runner, view, date, first, wholeOfMeeting, wholeOfBody, meetingPage, bodyPage } = await firstPagesInWorldTime('m2', 2, 5);
    expect(wholeOfMeeting).toHaveLength(7);

    // Every statement, then the convening itself, moved to June 2024: read anew, the meeting was not convened by the date.
    const stream = await ledger.store.readStream('meeting-m2');
    for (const [index, recorded] of stream.filter((event) => event.type === 'StatementRecorded').entries()) {
      await recordCorrection(ledger, recorded.eventId, { occurredAt: at(`2024-06-0${2 + (index % 5)}`) }, 'wrong year', '2024-06-30');
    }
    await recordCorrection(ledger, stream[0]?.eventId ?? '', { occurredAt: at('2024-06-01') }, 'wrong year', '2024-06-30');
    await runner.catchUp();
    const anew = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: view.position, effectiveAt: date, moment: date });
    expect(await anew.statementsOfMeeting('m2', { after: 0, limit: 2 })).toBeUndefined();

    const pinned = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, first);
    expect(await readOn(meetingPage, (after) => pinned.statementsOfMeeting('m2', { after, limit: 2 }))).toEqual(wholeOfMeeting);
    expect(await readOn(bodyPage, (after) => pinned.statementsOfBody('kp', { after, limit: 5 }))).toEqual(wholeOfBody);
  });
});

/** The items of a first page and of every page read on from it, following `next`. */
async function readOn<T>(
  firstPage: { items: T[]; next: number | null },
  read: (after: number) => Promise<{ items: T[]; next: number | null } | undefined>,
): Promise<T[]> {
  const items = [...firstPage.items];
  for (let after = firstPage.next; after !== null;) {
    const page = await read(after);
    items.push(...(page?.items ?? []));
    after = page?.next ?? null;
  }
  return items;
}

/** The number of items on each page of a list, following `next` from the start. */
async function pageSizes(readPage: (after: number) => Promise<{ items: unknown[]; next: number | null } | undefined>): Promise<number[]> {
  const sizes: number[] = [];
  for (let after: number | null = 0; after !== null;) {
    const page = await readPage(after);
    sizes.push(page?.items.length ?? 0);
    after = page?.next ?? null;
  }
  return sizes;
}

/** The search, and how many statements it was asked to look at. */
function lookedAt(search: TextSearch): { search: TextSearch; statements: () => number } {
  let count = 0;
  const counting: TextSearch = {
    words: search.words,
    matches: (...texts) => {
      count += 1;
      return search.matches(...texts);
    },
  };
  return { search: counting, statements: () => count };
}

function withoutMeeting(statement: unknown): unknown {
  const { meetingId: _meetingId, ...made } = statement as { meetingId: string };
  return made;
}
