import { InMemoryEventStore, InMemoryProjectionStore } from '@concord/event-store';
import { DEFAULT_CONSENSUS_POLICY, ProposalStatus } from '@concord/governance';
import { at, ledgerFixture, LedgerFixture, metadata, recordCorrection, recordKimberleyProcess, tableDefinition } from '../../ledger/src/testing/ledger-fixture';
import { toDomainEvent } from '../../ledger/src/support/stored-to-domain';
import { LedgerView } from './ledger-view';
import { ProjectionRunner } from './projection-runner';
import { everyItem, ReadModels } from './read-models';
import { ResolvedPoint } from './time-point';
import { CountingStore } from './testing/counting-store';
import { TextSearch, textSearch } from './text-match';
import { meetingsLedger } from './testing/meetings-ledger';

const moment = '2026-01-15T12:00:00.000Z';
const byPosition = (position: number): ResolvedPoint => ({ position, effectiveAt: null, moment });

/**
 * The KP body and `count` proposals of five records or fewer (tabled, supported, objected to, and
 * for two in three a decision), tabled in pairs whose records interleave; then a correction of a
 * title and of an objection's grounds, and a few records of the body, so that there are past
 * points after every proposal's last record.
 */
async function proposalsLedger(count: number): Promise<LedgerFixture> {
  const ledger = ledgerFixture(new InMemoryEventStore());
  await recordKimberleyProcess(ledger);
  for (let pair = 0; pair < count; pair += 2) {
    const ids = [`q${pair}`, `q${pair + 1}`].slice(0, count - pair);
    for (const id of ids) {
      const tabled = tableDefinition(id);
      await ledger.proposals.table(
        'kp',
        { ...tabled, data: { ...tabled.data, kind: 'administrative-decision', title: `Item ${id}`, meetingId: 'pl-2022', occurredAt: at('2022-11-08') } },
        metadata(),
      );
    }
    for (const id of ids)
      await ledger.proposals.handle(id, { type: 'ExpressSupport', data: { participantId: 'ua', revision: null, occurredAt: at('2022-11-08') } }, metadata());
    for (const id of ids)
      await ledger.proposals.handle(
        id,
        { type: 'RaiseObjection', data: { participantId: 'ru', grounds: 'not yet', revision: null, occurredAt: at('2022-11-09') } },
        metadata(),
      );
    // q2, left open, is revised twice: a word of its first revision is in no later text.
    for (const text of ids.includes('q2') ? ['Revised to name kimberlite pipes', 'Revised once more'] : [])
      await ledger.proposals.handle('q2', { type: 'ReviseProposal', data: { text, occurredAt: at('2022-11-10') } }, metadata());
    for (const id of ids.filter((_, index) => (pair + index) % 3 !== 2)) {
      await ledger.proposals.handle(
        id,
        { type: 'DeclareOutcome', data: { outcome: 'no-consensus', declaredBy: 'bw', meetingId: 'pl-2022', revision: null, occurredAt: at('2022-11-11') } },
        metadata(),
      );
    }
  }
  await correct(ledger, 'proposal-q1', 'ProposalTabled', { title: 'Item one, as corrected' });
  await correct(ledger, 'proposal-q4', 'ObjectionRaised', { grounds: 'not before the review' });
  for (const participantId of ['by', 'ua']) {
    await ledger.bodies.handle('kp', { type: 'SuspendParticipant', data: { participantId, reason: 'dues', occurredAt: at('2023-01-10') } }, metadata());
  }
  return ledger;
}

async function correct(ledger: LedgerFixture, stream: string, type: string, corrections: Record<string, string>): Promise<void> {
  const target = (await ledger.store.readStream(stream)).find((event) => event.type === type);
  await ledger.corrections.handle(
    { type: 'RecordCorrection', data: { correctsEventId: target?.eventId ?? '', reason: 'misrecorded', corrections, occurredAt: at('2023-01-05') } },
    metadata(),
  );
}

const listing = (view: LedgerView, point: ResolvedPoint, status?: ProposalStatus, pageSize?: number) => {
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);
  return everyItem((page) => models.proposalsOfBody('kp', page, { status }), pageSize);
};

/** Each proposal the body ever had, asked for one by one: what the listing must say. */
async function oneByOne(view: LedgerView, point: ResolvedPoint, status?: ProposalStatus): Promise<unknown[]> {
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);
  const answers = await Promise.all(view.proposalsOf('kp').map((id) => models.proposal(id)));
  return answers.filter((answer) => answer !== undefined && (status === undefined || answer.status === status));
}

const proposalReads = (store: CountingStore): number => store.streamsRead.filter((stream) => stream.startsWith('proposal-')).length;

describe("A body's proposals listed at a point", () => {
  it.each([8, 40, 10_000])(
    "say what each proposal's own answer says, at every position and in world time, corrections included (a cache of %i records)",
    async (cachedRecords) => {
      const ledger = await proposalsLedger(12);
      const bounded = await new ProjectionRunner(ledger.store, toDomainEvent, { cachedRecords }).catchUp();
      const unbounded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
      const head = bounded.position;
      const inWorldTime = ['2022-11-08', '2022-11-09', '2022-11-10', '2023-01-06'].map((date) => ({ position: head, effectiveAt: at(date), moment: at(date) }));
      // Twice over, so that the second round reads through what the first left in the cache.
      for (let round = 0; round < 2; round += 1) {
        for (const point of [...Array.from({ length: head }, (_, index) => byPosition(index + 1)), ...inWorldTime]) {
          const expected = await oneByOne(unbounded, point);
          expect({ point, listed: await listing(bounded, point) }).toEqual({ point, listed: expected });
          expect({ point, listed: await listing(unbounded, point) }).toEqual({ point, listed: expected });
        }
      }
      for (const status of ['open', 'not-adopted'] as const)
        expect(await listing(bounded, byPosition(head), status)).toEqual(await oneByOne(unbounded, byPosition(head), status));
      expect(bounded.cachedRecords).toBeLessThanOrEqual(Math.max(cachedRecords, (await bounded.body('kp'))?.size ?? 0));
    },
  );

  it('reads each proposal tabled by a past point once, and none again while their latest states fit beside the body', async () => {
    const count = 40;
    const ledger = await proposalsLedger(count);
    const bodyRecords = (await ledger.store.readStream('body-kp')).length;
    // Room for the body and every proposal's latest state, not for the proposals' whole streams.
    const cachedRecords = bodyRecords + count + 8;
    const store = new CountingStore(ledger.store);
    const view = await new ProjectionRunner(store.asStore(), toDomainEvent, { cachedRecords }).catchUp();
    const reference = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const decided = (await ledger.store.readStream('proposal-q19')).at(-1)?.position as number;
    const past = byPosition(decided);
    const tabledByThen = view.proposalsTabledBy('kp', past.position).length;
    expect(tabledByThen).toBe(20);

    await listing(view, past);
    expect(proposalReads(store)).toBe(tabledByThen);
    for (let again = 0; again < 3; again += 1) {
      const before = store.streamsRead.length;
      expect(await listing(view, past)).toEqual(await oneByOne(reference, past));
      expect(store.streamsRead.length).toBe(before);
    }
    // The latest point reads the rest once; then neither point reads anything.
    await listing(view, byPosition(view.position));
    expect(proposalReads(store)).toBe(count);
    const before = store.streamsRead.length;
    for (const point of [past, byPosition(view.position), past]) await listing(view, point);
    expect(store.streamsRead.length).toBe(before);
    expect(view.cachedRecords).toBeLessThanOrEqual(cachedRecords);
  });

  it('reads no more at each ask than what does not fit, when the latest states do not all fit', async () => {
    const count = 40;
    const ledger = await proposalsLedger(count);
    const bodyRecords = (await ledger.store.readStream('body-kp')).length;
    const room = count / 2;
    const store = new CountingStore(ledger.store);
    const view = await new ProjectionRunner(store.asStore(), toDomainEvent, { cachedRecords: bodyRecords + room }).catchUp();
    const latest = byPosition(view.position);
    const readsOfEach: number[] = [];
    for (let ask = 0; ask < 4; ask += 1) {
      const before = proposalReads(store);
      await listing(view, latest);
      readsOfEach.push(proposalReads(store) - before);
      expect(view.cachedRecords).toBeLessThanOrEqual(bodyRecords + room);
    }
    // The first ask reads every stream; later ones only those left out, the same each time.
    expect(readsOfEach[0]).toBe(count);
    for (const reads of readsOfEach.slice(1)) {
      expect(reads).toBe(readsOfEach[1]);
      expect(reads).toBeLessThanOrEqual(count - room + 1);
    }
  });

  it('is read a page at a time: pages of any size, put together, say what the whole listing says, with a status or a search', async () => {
    const ledger = await proposalsLedger(12);
    const view = await new ProjectionRunner(ledger.store, toDomainEvent, { cachedRecords: 40 }).catchUp();
    const reference = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const inWorldTime = { position: view.position, effectiveAt: at('2022-11-10'), moment: at('2022-11-10') };
    const points = [...Array.from({ length: view.position }, (_, index) => byPosition(index + 1)).filter((_, index) => index % 5 === 0), inWorldTime];
    const searched = textSearch('one');
    for (const point of points) {
      for (const pageSize of [1, 2, 5, 7]) {
        expect({ point, pageSize, listed: await listing(view, point, undefined, pageSize) }).toEqual({
          point,
          pageSize,
          listed: await oneByOne(reference, point),
        });
        const open = await listing(view, point, 'open', pageSize);
        expect({ point, pageSize, open }).toEqual({ point, pageSize, open: await oneByOne(reference, point, 'open') });
      }
      const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);
      const found = await everyItem((page) => models.proposalsOfBody('kp', page, { search: searched }), 2);
      const expected = (await oneByOne(reference, point)) as { title: string; text: string }[];
      expect(found).toEqual(expected.filter((proposal) => searched.matches(proposal.title, proposal.text)));
    }
  });

  it('reads for a page only the proposals the page passes over and the one the next begins with, which it names', async () => {
    const count = 40;
    const ledger = await proposalsLedger(count);
    const bodyRecords = (await ledger.store.readStream('body-kp')).length;
    const store = new CountingStore(ledger.store);
    // Room for the body only: every page reads its proposals from their streams.
    const view = await new ProjectionRunner(store.asStore(), toDomainEvent, { cachedRecords: bodyRecords }).catchUp();
    const reference = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const latest = byPosition(view.position);
    const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, latest);
    const everyProposal = await oneByOne(reference, latest);

    const before = proposalReads(store);
    const first = await models.proposalsOfBody('kp', { after: 0, limit: 5 });
    expect(first).toEqual({ items: everyProposal.slice(0, 5), next: 5 });
    expect(proposalReads(store) - before).toBe(6);
    const second = await models.proposalsOfBody('kp', { after: 5, limit: 5 });
    expect(second).toEqual({ items: everyProposal.slice(5, 10), next: 10 });
    expect(proposalReads(store) - before).toBe(12);
    // A full last page reads on, finds nothing, and says so: no empty page follows it.
    expect(await models.proposalsOfBody('kp', { after: 30, limit: 10 })).toEqual({ items: everyProposal.slice(30), next: null });
    expect(await models.proposalsOfBody('kp', { after: 35, limit: 10 })).toEqual({ items: everyProposal.slice(35), next: null });
    expect(await models.proposalsOfBody('kp', { after: 99, limit: 10 })).toEqual({ items: [], next: null });

    // At a position a status passes over only the proposals that can have it there: a fresh view
    // lists the open ones page by page reading their streams alone, not the body's 40.
    const open = (await oneByOne(reference, latest, 'open')) as { proposalId: string }[];
    expect(open.length).toBeGreaterThan(2);
    expect(open.length).toBeLessThan(count / 2);
    const freshlyCounted = async () => {
      const counted = new CountingStore(ledger.store);
      return { counted, view: await new ProjectionRunner(counted.asStore(), toDomainEvent, { cachedRecords: bodyRecords }).catchUp() };
    };
    const listedOpen = (view: LedgerView, point: ResolvedPoint) =>
      everyItem((page) => new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point).proposalsOfBody('kp', page, { status: 'open' }), 2);
    // In pages of 2, each page followed by another also reads that one's first proposal.
    const readInPagesOf2 = (listed: number): number => listed + Math.max(0, Math.ceil(listed / 2) - 1);
    const fresh = await freshlyCounted();
    expect(await listedOpen(fresh.view, latest)).toEqual(open);
    expect(proposalReads(fresh.counted)).toBe(readInPagesOf2(open.length));

    // So does a status in world time, by the dates of tablings and closings; and a date before
    // every tabling reads none at all.
    const later = { position: latest.position, effectiveAt: at('2023-01-06'), moment: at('2023-01-06') };
    const openThen = (await oneByOne(reference, later, 'open')) as { proposalId: string }[];
    expect(openThen.map((proposal) => proposal.proposalId)).toEqual(open.map((proposal) => proposal.proposalId));
    const inWorldTime = await freshlyCounted();
    expect(await listedOpen(inWorldTime.view, later)).toEqual(openThen);
    expect(proposalReads(inWorldTime.counted)).toBe(readInPagesOf2(openThen.length));
    const beforeAny = { position: latest.position, effectiveAt: at('2022-11-07'), moment: at('2022-11-07') };
    expect(await everyItem((page) => new ReadModels(inWorldTime.view, DEFAULT_CONSENSUS_POLICY, beforeAny).proposalsOfBody('kp', page), 5)).toEqual([]);
    expect(proposalReads(inWorldTime.counted)).toBe(readInPagesOf2(openThen.length));
  });

  it('of one status, at every position and in world time, are what each proposal says, folded whole or restarted from rows stored half-way', async () => {
    const projections = new InMemoryProjectionStore();
    const ledger = await meetingsLedger(async (halfWay) => {
      const runner = new ProjectionRunner(halfWay.store, toDomainEvent, { projections });
      await runner.catchUp();
      await runner.commit();
    });
    const head = await ledger.store.headPosition();
    const folded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const restarted = await new ProjectionRunner(ledger.store, toDomainEvent, { projections }).catchUp();
    const dates = ['2022-03-02', '2022-06-22', '2022-06-23', '2022-07-20', '2022-09-02', '2022-10-02', '2022-11-10', '2023-01-01', '2023-02-02'];
    const inWorldTime = dates.map((date) => ({ position: head, effectiveAt: at(date), moment: at(date) }));
    const statuses = ['open', 'adopted', 'not-adopted', 'withdrawn'] as const;
    const seen = new Set<string>();
    for (const point of [...Array.from({ length: head }, (_, index) => byPosition(index + 1)), ...inWorldTime]) {
      for (const status of statuses) {
        const expected = (await oneByOne(folded, point, status)) as { proposalId: string }[];
        if (expected.length > 0) seen.add(status);
        for (const view of [folded, restarted])
          expect({ point, status, listed: await listing(view, point, status, 3) }).toEqual({ point, status, listed: expected });
      }
      if (point.effectiveAt !== null) expect({ point, listed: await listing(restarted, point) }).toEqual({ point, listed: await oneByOne(folded, point) });
      const tally = Object.fromEntries(statuses.map((status) => [status, 0]));
      for (const proposal of (await oneByOne(folded, point)) as { status: ProposalStatus }[]) tally[proposal.status] = (tally[proposal.status] ?? 0) + 1;
      for (const view of [folded, restarted]) {
        const counted = await new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point).proposalCounts('kp');
        expect({ point, counted }).toEqual({ point, counted: tally });
      }
    }
    expect([...seen].sort()).toEqual([...statuses].sort());
  });

  it('are counted by status at a position reading no proposal but those whose decision was corrected since, where either outcome may hold', async () => {
    const tallied = async (view: LedgerView, point: ResolvedPoint) => {
      const tally: Record<string, number> = { open: 0, adopted: 0, 'not-adopted': 0, withdrawn: 0 };
      for (const proposal of (await oneByOne(view, point)) as { status: ProposalStatus }[]) tally[proposal.status] = (tally[proposal.status] ?? 0) + 1;
      return tally;
    };
    // No decision corrected: a past point, where no latest state answers, reads none (a listing reads 20).
    const ledger = await proposalsLedger(40);
    const store = new CountingStore(ledger.store);
    const view = await new ProjectionRunner(store.asStore(), toDomainEvent, { cachedRecords: 8 }).catchUp();
    const reference = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const past = byPosition((await ledger.store.readStream('proposal-q19')).at(-1)?.position as number);
    const before = proposalReads(store);
    expect(await new ReadModels(view, DEFAULT_CONSENSUS_POLICY, past).proposalCounts('kp')).toEqual(await tallied(reference, past));
    expect(proposalReads(store) - before).toBe(0);

    // Before the correction that made a no-consensus an adoption, either outcome may hold for it: its state is read, and only its.
    const meetings = await meetingsLedger(async () => undefined);
    const counting = new CountingStore(meetings.store);
    const folded = await new ProjectionRunner(counting.asStore(), toDomainEvent, { cachedRecords: 8 }).catchUp();
    const corrected = (await meetings.store.readStream('proposal-corrected-to-adopted')).at(-1)?.position as number;
    const beforeCorrection = byPosition(corrected - 1);
    const read = counting.streamsRead.length;
    const counts = await new ReadModels(folded, DEFAULT_CONSENSUS_POLICY, beforeCorrection).proposalCounts('kp');
    expect(counts).toEqual(await tallied(await new ProjectionRunner(meetings.store, toDomainEvent).catchUp(), beforeCorrection));
    expect([...new Set(counting.streamsRead.slice(read).filter((stream) => stream.startsWith('proposal-')))]).toEqual(['proposal-corrected-to-adopted']);
    expect(await new ReadModels(folded, DEFAULT_CONSENSUS_POLICY, beforeCorrection).proposalCounts('atlantis')).toBeUndefined();
  });
});

describe("A body's proposals found by a search", () => {
  const searches = ['one', 'kimberlite', 'item q1', 'ITEM Q1 conflict', 'revised', 'kimberlite once', 'zzz'];
  const searchedListing = (view: LedgerView, point: ResolvedPoint, search: TextSearch, status?: ProposalStatus) => {
    const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);
    return everyItem((page) => models.proposalsOfBody('kp', page, { status, search }), 2);
  };
  const searchedOneByOne = async (view: LedgerView, point: ResolvedPoint, search: TextSearch, status?: ProposalStatus) =>
    ((await oneByOne(view, point, status)) as { title: string; text: string }[]).filter((proposal) => search.matches(proposal.title, proposal.text));

  it('are what each proposal says, at every position and in world time, titles corrected and texts revised, folded whole or restarted from stored rows', async () => {
    const ledger = await proposalsLedger(12);
    const projections = new InMemoryProjectionStore();
    const first = new ProjectionRunner(ledger.store, toDomainEvent, { projections });
    await first.catchUp();
    await first.commit();
    // Recorded after the rows were stored: the restarted view indexes these itself.
    await ledger.proposals.handle('q5', { type: 'ReviseProposal', data: { text: 'Now about kimberlite too', occurredAt: at('2023-01-06') } }, metadata());
    await correct(ledger, 'proposal-q3', 'ProposalTabled', { title: 'Item three, renamed once' });
    const folded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const restarted = await new ProjectionRunner(ledger.store, toDomainEvent, { projections, cachedRecords: 40 }).catchUp();
    const head = folded.position;
    const inWorldTime = ['2022-11-08', '2022-11-10', '2023-01-06', '2023-02-01'].map((date) => ({ position: head, effectiveAt: at(date), moment: at(date) }));
    const seen = new Set<string>();
    for (const point of [...Array.from({ length: head }, (_, index) => byPosition(index + 1)), ...inWorldTime]) {
      for (const query of searches) {
        const search = textSearch(query);
        const expected = await searchedOneByOne(folded, point, search);
        if (expected.length > 0) seen.add(query);
        for (const view of [folded, restarted])
          expect({ point, query, found: await searchedListing(view, point, search) }).toEqual({ point, query, found: expected });
      }
      const open = textSearch('item');
      expect({ point, open: await searchedListing(restarted, point, open, 'open') }).toEqual({
        point,
        open: await searchedOneByOne(folded, point, open, 'open'),
      });
    }
    // Every search but the last finds something somewhere; "kimberlite once" only between the revisions of q2 and q5 that hold each word.
    expect([...seen].sort()).toEqual(searches.filter((query) => query !== 'zzz' && query !== 'kimberlite once').sort());
  });

  it('read only the proposals whose titles and texts, in some version, can hold every word asked for', async () => {
    const count = 40;
    const ledger = await proposalsLedger(count);
    const bodyRecords = (await ledger.store.readStream('body-kp')).length;
    const store = new CountingStore(ledger.store);
    // Room for the body only: every proposal a search passes over is read from its stream.
    const view = await new ProjectionRunner(store.asStore(), toDomainEvent, { cachedRecords: bodyRecords }).catchUp();
    const latest = byPosition(view.position);
    const inWorldTime = { position: view.position, effectiveAt: at('2023-01-06'), moment: at('2023-01-06') };
    const cases: [query: string, found: string[], read: number][] = [
      ['q13', ['q13'], 1],
      // q1's title no longer holds "item q1", but it did: its stream is read, and its state decides.
      // Pages of 2: the four full pages followed by another each read on to the next one's first.
      ['item q1', ['q10', 'q11', 'q12', 'q13', 'q14', 'q15', 'q16', 'q17', 'q18', 'q19'], 11 + 4],
      ['item one', ['q1'], 1],
      // Only q2's first revision held this word; its text no longer does.
      ['kimberlite', [], 1],
      ['zzz', [], 0],
    ];
    for (const point of [latest, inWorldTime]) {
      for (const [query, found, read] of cases) {
        const before = proposalReads(store);
        const listed = (await searchedListing(view, point, textSearch(query))) as { proposalId: string }[];
        expect({ query, found: listed.map((proposal) => proposal.proposalId), read: proposalReads(store) - before }).toEqual({ query, found, read });
      }
    }
  });
});

describe("A body's proposals listed a page at a time, while the ledger goes on", () => {
  it('go on from where the last page stopped when a correction recorded between pages widens a status', async () => {
    const ledger = ledgerFixture(new InMemoryEventStore());
    await recordKimberleyProcess(ledger);
    const decided = [
      ['early', 'no-consensus'],
      ['second', 'consensus'],
      ['third', 'consensus'],
      ['fourth', 'consensus'],
    ] as const;
    for (const [proposalId, outcome] of decided) {
      const tabled = tableDefinition(proposalId);
      await ledger.proposals.table(
        'kp',
        { ...tabled, data: { ...tabled.data, kind: 'administrative-decision', meetingId: 'pl-2022', occurredAt: at('2022-11-08') } },
        metadata(),
      );
      const data = { outcome, declaredBy: 'bw', meetingId: 'pl-2022', revision: null, occurredAt: at('2022-11-10') };
      await ledger.proposals.handle(proposalId, { type: 'DeclareOutcome', data }, metadata());
    }
    const runner = new ProjectionRunner(ledger.store, toDomainEvent);
    const pinned = byPosition((await runner.catchUp()).position);
    const adopted = (await oneByOne(await runner.catchUp(), pinned, 'adopted')) as { proposalId: string }[];
    expect(adopted.map((proposal) => proposal.proposalId)).toEqual(['second', 'third', 'fourth']);

    const page = async (after: number) =>
      new ReadModels(await runner.catchUp(), DEFAULT_CONSENSUS_POLICY, pinned).proposalsOfBody('kp', { after, limit: 1 }, { status: 'adopted' });
    const first = await page(0);
    // The early decision, recorded as no consensus though no objection stood, is corrected into
    // consensus: from then on it may be adopted, so the status passes over it too, before the
    // proposal the first page listed. At the pinned point it was not adopted.
    const decision = (await ledger.store.readStream('proposal-early')).at(-1);
    await recordCorrection(ledger, decision?.eventId ?? '', { outcome: 'consensus' }, 'the minutes say otherwise', '2022-12-01');
    const listed = [...(first?.items ?? [])];
    for (let after = first?.next ?? null; after !== null;) {
      const next = await page(after);
      listed.push(...(next?.items ?? []));
      after = next?.next ?? null;
    }
    expect(listed).toEqual(adopted);
  });
});
