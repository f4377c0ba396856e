import { randomUUID } from 'node:crypto';
import { EventStore, InMemoryEventStore, InMemoryProjectionStore, ProjectionStore, ReadAllOptions, ReadStreamOptions } from '@concord/event-store';
import { DEFAULT_CONSENSUS_POLICY } from '@concord/governance';
import { at, ledgerFixture, LedgerFixture, metadata, recordKimberleyProcess } from '../../ledger/src/testing/ledger-fixture';
import { toDomainEvent } from '../../ledger/src/support/stored-to-domain';
import { HistoryReadings } from './history-readings';
import { HEAD_MIN_RECORDS, LedgerView } from './ledger-view';
import { ProjectionRunner } from './projection-runner';
import { READ_SIDE_PROJECTION } from './read-indexes';
import { everyItem, ReadModels } from './read-models';
import { ResolvedPoint } from './time-point';
import { CountingStore } from './testing/counting-store';
import { admitMany, correctName, longBodyLedger, storyLedger } from './testing/long-body-ledger';

const PROPOSALS = ['p-def', 'p-admin', 'p-def-2', 'nobody'];

/** Every answer the read side gives about the story at one point. */
async function everyAnswer(view: LedgerView, point: ResolvedPoint): Promise<unknown> {
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);
  const history = new HistoryReadings(view, DEFAULT_CONSENSUS_POLICY, point);
  const page = async (limit: number) => {
    const pages: unknown[] = [];
    let after = null;
    for (;;) {
      const next = await history.bodyHistory('kp', { from: '2000-01-01T00:00:00.000Z', to: '2030-01-01T00:00:00.000Z', limit, after });
      pages.push(next);
      if (!next?.next) return pages;
      after = next.next;
    }
  };
  return {
    body: await models.body('kp'),
    chairs: await models.chairs('kp'),
    proposals: await everyItem((page) => models.proposalsOfBody('kp', page)),
    each: await Promise.all(PROPOSALS.map((id) => models.proposal(id))),
    histories: await Promise.all(PROPOSALS.map((id) => history.proposalHistory(id))),
    meetings: await Promise.all(['is-2022', 'pl-2022'].map((id) => models.meeting(id, Infinity))),
    definitions: await history.definitionVersions('kp'),
    bodyHistory: await page(1000),
    bodyHistoryByThree: await page(3),
    bodies: view.bodyIds(),
  };
}

/** Points at every position, and in world time at dates across the story. */
function pointsOf(head: number): ResolvedPoint[] {
  const byPosition = Array.from({ length: head }, (_, index) => ({ position: index + 1, effectiveAt: null, moment: '2026-01-15T12:00:00.000Z' }));
  const dates = ['2002-06-30', '2021-12-31', '2022-06-22', '2022-06-30', '2022-11-10', '2023-01-01', '2023-02-01', '2026-01-01'];
  const inWorldTime = dates.map((date) => ({ position: head, effectiveAt: at(date), moment: at(date) }));
  return [...byPosition, ...inWorldTime];
}

/** A store whose first log read after `hold()` waits, once it has read, until released. */
function holdReads(inner: EventStore): { store: EventStore; hold(): void; reading(): Promise<void>; release(): void } {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let begun = (): void => undefined;
  const reading = new Promise<void>((resolve) => (begun = resolve));
  let holding = false;
  const held = async <T>(read: () => Promise<T>): Promise<T> => {
    if (!holding) return read();
    holding = false;
    const events = await read();
    begun();
    await released;
    return events;
  };
  return { store: aroundLogReads(inner, held), hold: () => (holding = true), reading: () => reading, release };
}

/** The store with each read of the log, parsed or skimmed, made through `around`. */
function aroundLogReads(inner: EventStore, around: <T>(read: () => Promise<T>) => Promise<T>): EventStore {
  const store = Object.create(inner) as EventStore;
  store.readAll = async (options?: ReadAllOptions) => around(() => inner.readAll(options));
  const skim = inner.readAllSkimmed?.bind(inner);
  if (skim) store.readAllSkimmed = async (options?: ReadAllOptions) => around(() => skim(options));
  return store;
}

/** A correction of a date moves a record in the body's history: the stored rows must say so too. */
async function redateTheSuspension(ledger: LedgerFixture): Promise<void> {
  const suspension = (await ledger.store.readStream('body-kp')).find((event) => event.type === 'ParticipantSuspended');
  await ledger.corrections.handle(
    {
      type: 'RecordCorrection',
      data: { correctsEventId: suspension?.eventId ?? '', reason: 'wrong day', corrections: { occurredAt: at('2022-06-22') }, occurredAt: at('2023-01-11') },
    },
    metadata(),
  );
}

/** The story recorded, and the read side's rows of it stored, complete to `stored`. */
async function storyWithStoredRows(): Promise<{ ledger: LedgerFixture; projections: InMemoryProjectionStore; stored: number }> {
  const ledger = await storyLedger();
  const projections = new InMemoryProjectionStore();
  const first = new ProjectionRunner(ledger.store, toDomainEvent, { projections });
  await first.catchUp();
  await first.commit();
  return { ledger, projections, stored: await projections.checkpoint(READ_SIDE_PROJECTION) };
}

/** Another log with the same body, as a database restored from another backup, or replaced, would hold. */
async function anotherLog(admissions: number): Promise<LedgerFixture> {
  const other = ledgerFixture(new InMemoryEventStore());
  await recordKimberleyProcess(other);
  await admitMany(other, admissions, 'other-');
  return other;
}

describe('ProjectionRunner', () => {
  it('stops before a skimmed event whose data it cannot read, and goes on from it once it can', async () => {
    const ledger = await storyLedger();
    const tabling = (await ledger.store.readAll()).find((event) => event.type === 'ProposalTabled');
    let unreadable = true;
    const store = Object.create(ledger.store) as EventStore;
    store.readAllSkimmed = async (options) =>
      (await ledger.store.readAllSkimmed?.(options))?.map((event) =>
        unreadable && event.eventId === tabling?.eventId ? { ...event, data: '{"bodyId": ' } : event,
      ) ?? [];
    const runner = new ProjectionRunner(store, toDomainEvent);

    await expect(runner.catchUp()).rejects.toMatchObject({ name: 'UnreadableEventError', position: tabling?.position, reason: expect.stringMatching(/JSON/) });
    expect(runner.position).toBe((tabling?.position ?? 0) - 1);
    unreadable = false;
    const view = await runner.catchUp();
    const folded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const latest = { position: view.position, effectiveAt: null, moment: '2026-01-15T12:00:00.000Z' };
    expect(await everyAnswer(view, latest)).toEqual(await everyAnswer(folded, latest));
  });

  it('refuses an event it cannot read, from a newer ledger or of no known type, whether or not it skims the log', async () => {
    for (const [type, schemaVersion, refusal] of [
      ['SupportExpressed', 99, /written by a newer ledger/],
      ['SupportWithdrawnSomeday', 1, /unknown type/],
    ] as const) {
      const ledger = await storyLedger();
      const eventMetadata = {
        commandId: randomUUID(),
        correlationId: 'c',
        causationId: null,
        actor: { id: 'a', role: 'secretariat' },
        recordedAt: at('2026-01-01'),
      };
      const event = { eventId: randomUUID(), type, schemaVersion, data: { proposalId: 'p-def' }, metadata: eventMetadata };
      await ledger.store.append('proposal-p-def', [event], { expectedRevision: 'any' });
      const withoutSkim = Object.create(ledger.store) as EventStore;
      withoutSkim.readAllSkimmed = undefined;
      const position = await ledger.store.headPosition();
      for (const store of [ledger.store, withoutSkim]) {
        const refused = new ProjectionRunner(store, toDomainEvent).catchUp();
        await expect(refused).rejects.toThrow(refusal);
        await expect(refused).rejects.toMatchObject({ name: 'UnreadableEventError', position });
      }
    }
  });

  it('parses the data only of the events the indexes look at, where the store skims the log, with every answer as where it cannot', async () => {
    const ledger = await storyLedger();
    const head = await ledger.store.headPosition();
    const parsed: string[] = [];
    const countingToDomainEvent: typeof toDomainEvent = (stored) => {
      parsed.push(stored.type);
      return toDomainEvent(stored);
    };
    const skimming = await new ProjectionRunner(ledger.store, countingToDomainEvent).catchUp();
    // Support, objections and the closing of meetings are in no index (statements are, for their words).
    const unread = new Set(['SupportExpressed', 'ObjectionRaised', 'MeetingClosed']);
    const logTypes = (await ledger.store.readAll()).map((event) => event.type);
    expect(logTypes.filter((type) => unread.has(type))).toHaveLength(3);
    expect(parsed.sort()).toEqual(logTypes.filter((type) => !unread.has(type)).sort());

    // EventStoreDB keeps no text: there the runner reads the log parsed.
    const withoutSkim = Object.create(ledger.store) as EventStore;
    withoutSkim.readAllSkimmed = undefined;
    const parsing = await new ProjectionRunner(withoutSkim, toDomainEvent).catchUp();
    for (const point of pointsOf(head)) {
      expect({ point, answers: await everyAnswer(skimming, point) }).toEqual({ point, answers: await everyAnswer(parsing, point) });
    }
  });

  it('restarts from the rows stored beside the log, reading only the events after them, with every answer the same', async () => {
    const { ledger, projections, stored } = await storyWithStoredRows();
    expect(stored).toBe(await ledger.store.headPosition());

    await redateTheSuspension(ledger);
    await ledger.bodies.handle('kp', { type: 'ReinstateParticipant', data: { participantId: 'by', occurredAt: at('2023-03-01') } }, metadata());
    const head = await ledger.store.headPosition();

    const counting = new CountingStore(ledger.store);
    const restarted = await new ProjectionRunner(counting.asStore(), toDomainEvent, { projections }).catchUp();
    // The events after the rows, and the one they end at, read to check that they are of this log.
    expect(counting.readAllEvents).toBe(head - stored + 1);

    const folded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    for (const point of pointsOf(head)) {
      expect({ point, answers: await everyAnswer(restarted, point) }).toEqual({ point, answers: await everyAnswer(folded, point) });
    }
  });

  it.each([
    ['when the log now read is another, at least as long, whose events differ', 200],
    ['when the log now read ends before the rows do', 0],
  ])('forgets rows folded from another log and folds the log from position 1 %s', async (_, admissions) => {
    const { projections, stored } = await storyWithStoredRows();
    const other = await anotherLog(admissions);
    const head = await other.store.headPosition();
    expect(head >= stored).toBe(admissions > 0);

    const reasons: string[] = [];
    const counting = new CountingStore(other.store);
    const restarted = await new ProjectionRunner(counting.asStore(), toDomainEvent, {
      projections,
      onRowsForgotten: (reason) => reasons.push(reason),
    }).catchUp();
    expect(reasons).toEqual([expect.stringContaining(`position ${stored}`)]);
    expect(counting.readAllEvents).toBe(head + (admissions > 0 ? 1 : 0));
    const folded = await new ProjectionRunner(other.store, toDomainEvent).catchUp();
    for (const point of pointsOf(head).filter((_point, index) => index % 7 === 0 || index >= head - 1)) {
      expect({ point, answers: await everyAnswer(restarted, point) }).toEqual({ point, answers: await everyAnswer(folded, point) });
    }
  });

  it('marks its rows with the event it folded, so rows stored after the database was replaced under it are not taken for the new log', async () => {
    const ledger = await storyLedger();
    const other = await anotherLog(200);
    let current: EventStore = ledger.store;
    const replaceable = new Proxy({} as EventStore, {
      get: (_target, name: keyof EventStore) => {
        const member: unknown = current[name];
        return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(current) : member;
      },
    });
    const projections = new InMemoryProjectionStore();
    const running = new ProjectionRunner(replaceable, toDomainEvent, { projections });
    await running.catchUp();
    current = other.store;
    await running.commit();

    const reasons: string[] = [];
    const restarted = await new ProjectionRunner(other.store, toDomainEvent, { projections, onRowsForgotten: (reason) => reasons.push(reason) }).catchUp();
    expect(reasons).toHaveLength(1);
    const folded = await new ProjectionRunner(other.store, toDomainEvent).catchUp();
    const head = await other.store.headPosition();
    expect(await everyAnswer(restarted, pointsOf(head).at(-1) as ResolvedPoint)).toEqual(await everyAnswer(folded, pointsOf(head).at(-1) as ResolvedPoint));
  });

  it('forgets rows of another log only if no process has stored rows since it looked, and then reads those', async () => {
    const { projections } = await storyWithStoredRows();
    const other = await anotherLog(200);
    // The slow start has found the rows foreign; before it forgets them, a quicker one forgets them,
    // folds the new log and stores its rows.
    let resume = (): void => undefined;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    let looked = (): void => undefined;
    const lookedAt = new Promise<void>((resolve) => (looked = resolve));
    const slowProjections = Object.create(projections) as ProjectionStore;
    slowProjections.reset = async (projection, ifCheckpoint) => {
      looked();
      await resumed;
      return projections.reset(projection, ifCheckpoint);
    };
    const slowReasons: string[] = [];
    const counting = new CountingStore(other.store);
    const slow = new ProjectionRunner(counting.asStore(), toDomainEvent, {
      projections: slowProjections,
      onRowsForgotten: (reason) => slowReasons.push(reason),
    });
    const slowView = slow.catchUp();
    await lookedAt;
    const quick = new ProjectionRunner(other.store, toDomainEvent, { projections });
    await quick.catchUp();
    await quick.commit();
    const stored = await projections.checkpoint(READ_SIDE_PROJECTION);
    resume();

    const restarted = await slowView;
    expect(slowReasons).toEqual([]);
    const head = await other.store.headPosition();
    // Its first look, then the quick start's rows checked, and nothing after them to fold.
    expect(counting.readAllEvents).toBe(1 + 1 + (head - stored));
    const folded = await new ProjectionRunner(other.store, toDomainEvent).catchUp();
    for (const point of pointsOf(head).filter((_point, index) => index % 7 === 0 || index >= head - 1)) {
      expect({ point, answers: await everyAnswer(restarted, point) }).toEqual({ point, answers: await everyAnswer(folded, point) });
    }
  });

  it('stores nothing on top of rows another process forgot while it ran, and restores from what is stored then', async () => {
    const { ledger, projections } = await storyWithStoredRows();
    const reasons: string[] = [];
    const running = new ProjectionRunner(ledger.store, toDomainEvent, { projections, onRowsForgotten: (reason) => reasons.push(reason) });
    await running.catchUp();
    // Another process's start found the rows of another log (it read a replaced database) and forgot them.
    await projections.reset(READ_SIDE_PROJECTION);
    await ledger.bodies.handle('kp', { type: 'ReinstateParticipant', data: { participantId: 'by', occurredAt: at('2023-03-01') } }, metadata());
    await running.catchUp();
    await running.commit();
    expect(reasons).toEqual([expect.stringContaining('forgotten by another process')]);
    expect(await projections.checkpoint(READ_SIDE_PROJECTION)).toBe(0);

    const head = await ledger.store.headPosition();
    const again = await running.catchUp();
    await running.commit();
    expect(await projections.checkpoint(READ_SIDE_PROJECTION)).toBe(head);
    const restarted = await new ProjectionRunner(ledger.store, toDomainEvent, { projections }).catchUp();
    const folded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    for (const point of pointsOf(head).filter((_point, index) => index % 7 === 0 || index >= head - 1)) {
      const expected = await everyAnswer(folded, point);
      expect({ point, answers: await everyAnswer(again, point) }).toEqual({ point, answers: expected });
      expect({ point, answers: await everyAnswer(restarted, point) }).toEqual({ point, answers: expected });
    }
  });

  it('gives the same answers when the rows of the history were stored before its date was corrected, and after', async () => {
    const ledger = await storyLedger();
    await redateTheSuspension(ledger);
    const head = await ledger.store.headPosition();
    const folded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    // Stored at every position in turn: the restart then joins stored rows and followed ones at each place.
    for (let upTo = 1; upTo <= head; upTo += 1) {
      const projections = new InMemoryProjectionStore();
      const partial = new ProjectionRunner(cappedAt(ledger.store, upTo), toDomainEvent, { projections });
      await partial.catchUp();
      await partial.commit();
      const restarted = await new ProjectionRunner(ledger.store, toDomainEvent, { projections }).catchUp();
      for (const point of pointsOf(head).filter((_, index) => index % 5 === 0 || index >= head)) {
        expect({ upTo, point, answers: await everyAnswer(restarted, point) }).toEqual({ upTo, point, answers: await everyAnswer(folded, point) });
      }
    }
  });

  it('stores rows once enough events wait, without being asked', async () => {
    const ledger = await storyLedger();
    const projections = new InMemoryProjectionStore();
    const runner = new ProjectionRunner(ledger.store, toDomainEvent, { projections, commitEvery: 5 });
    await runner.catchUp();
    await runner.catchUp();
    expect(await projections.checkpoint(READ_SIDE_PROJECTION)).toBe(await ledger.store.headPosition());
  });

  it('keeps the rows it could not store and stores them with the next commit', async () => {
    const ledger = await storyLedger();
    const projections = new InMemoryProjectionStore();
    const failing: ProjectionStore = Object.assign(Object.create(projections) as ProjectionStore, {
      commit: async () => {
        throw new Error('disk full');
      },
    });
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(ledger.store, toDomainEvent, { projections: failing, onCommitError: (error) => errors.push(error) });
    await runner.catchUp();
    await expect(runner.commit()).rejects.toThrow('disk full');
    const view = await runner.catchUp();
    expect(view.indexes.pendingEvents).toBe(await ledger.store.headPosition());

    const recovered = new ProjectionRunner(ledger.store, toDomainEvent, { projections });
    await recovered.catchUp();
    await recovered.commit();
    const restarted = await new ProjectionRunner(ledger.store, toDomainEvent, { projections }).catchUp();
    const point = { position: restarted.position, effectiveAt: null, moment: '2026-01-15T12:00:00.000Z' };
    expect(await everyAnswer(restarted, point)).toEqual(await everyAnswer(await new ProjectionRunner(ledger.store, toDomainEvent).catchUp(), point));
  });

  it('holds at most the records it is allowed, reading a dropped aggregate again from its stream', async () => {
    const ledger = await storyLedger();
    const counting = new CountingStore(ledger.store);
    const bounded = await new ProjectionRunner(counting.asStore(), toDomainEvent, { cachedRecords: 8 }).catchUp();
    const unbounded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const point = { position: bounded.position, effectiveAt: null, moment: '2026-01-15T12:00:00.000Z' };
    for (let round = 0; round < 2; round += 1) {
      for (const id of PROPOSALS) {
        expect(await new ReadModels(bounded, DEFAULT_CONSENSUS_POLICY, point).proposal(id)).toEqual(
          await new ReadModels(unbounded, DEFAULT_CONSENSUS_POLICY, point).proposal(id),
        );
        // The body alone is larger than the bound: only the one most recently read is held.
        const body = await bounded.body('kp');
        expect(bounded.cachedRecords).toBeLessThanOrEqual(Math.max(8, body?.size ?? 0));
      }
    }
    const readsBefore = counting.readStreamEvents;
    await new ReadModels(bounded, DEFAULT_CONSENSUS_POLICY, point).proposal('p-def');
    expect(counting.readStreamEvents).toBeGreaterThan(readsBefore);
  });

  it('serves every query received in one turn of the event loop with one read of the store, made after all of them', async () => {
    const ledger = await storyLedger();
    const counting = new CountingStore(ledger.store);
    let askedSoFar = 0;
    const askedAtReads: number[] = [];
    const store = aroundLogReads(counting.asStore(), (read) => {
      askedAtReads.push(askedSoFar);
      return read();
    });
    const runner = new ProjectionRunner(store, toDomainEvent);
    await runner.catchUp();
    await ledger.bodies.handle('kp', { type: 'SuspendParticipant', data: { participantId: 'ua', reason: 'late', occurredAt: at('2023-02-01') } }, metadata());
    const head = await ledger.store.headPosition();
    askedAtReads.length = 0;
    // Like requests parsed one after another in the same turn: each asks after the one before it has gone on.
    const asked = Array.from({ length: 20 }, async (_, index) => {
      for (let hop = 0; hop < index * 5; hop += 1) await Promise.resolve();
      askedSoFar += 1;
      return runner.catchUp();
    });
    const views = await Promise.all(asked);
    expect(views.every((view) => view.position === head)).toBe(true);
    expect(askedAtReads).toEqual([20]);
  });

  it('does not serve a query with a catch-up that was already reading when a write before the query was acknowledged', async () => {
    const ledger = await storyLedger();
    const counting = new CountingStore(ledger.store);
    const held = holdReads(counting.asStore());
    const runner = new ProjectionRunner(held.store, toDomainEvent);
    await runner.catchUp();
    const callsBefore = counting.readAllCalls;
    held.hold();
    const running = runner.catchUp();
    const runningSaw = running.then((view) => view.position);
    await held.reading();
    await ledger.bodies.handle('kp', { type: 'SuspendParticipant', data: { participantId: 'ua', reason: 'late', occurredAt: at('2023-02-01') } }, metadata());
    const head = await ledger.store.headPosition();
    const together = Promise.all(Array.from({ length: 20 }, () => runner.catchUp()));
    held.release();
    expect(await runningSaw).toBe(head - 1);
    expect((await together).every((view) => view.position === head)).toBe(true);
    // The one that was reading when the write happened, and one for the twenty.
    expect(counting.readAllCalls - callsBefore).toBe(2);
  });

  it('keeps the latest state of an aggregate it has no room for, and reads its stream again only for an earlier point', async () => {
    const ledger = await storyLedger();
    const counting = new CountingStore(ledger.store);
    const bodySize = (await ledger.store.readStream('body-kp')).length;
    // Room for the body and a little more: whole proposals do not fit beside it, their latest states do.
    const view = await new ProjectionRunner(counting.asStore(), toDomainEvent, { cachedRecords: bodySize + 4 }).catchUp();
    const folded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const latest = { position: view.position, effectiveAt: null, moment: '2026-01-15T12:00:00.000Z' };
    const list = async (of: LedgerView, point: ResolvedPoint) => {
      const models = new ReadModels(of, DEFAULT_CONSENSUS_POLICY, point);
      return everyItem((page) => models.proposalsOfBody('kp', page));
    };
    expect(await list(view, latest)).toEqual(await list(folded, latest));
    const readsAfterFirst = counting.readStreamEvents;
    expect(await list(view, latest)).toEqual(await list(folded, latest));
    expect(counting.readStreamEvents).toBe(readsAfterFirst);
    const earlier = { ...latest, position: view.position - 3 };
    expect(await list(view, earlier)).toEqual(await list(folded, earlier));
    expect(counting.readStreamEvents).toBeGreaterThan(readsAfterFirst);
  });

  it('keeps count of what it holds when a correction reaches before a latest state it keeps', async () => {
    const ledger = await storyLedger();
    const bodySize = (await ledger.store.readStream('body-kp')).length;
    const runner = new ProjectionRunner(ledger.store, toDomainEvent, { cachedRecords: bodySize + 4 });
    const view = await runner.catchUp();
    const latest = { position: view.position, effectiveAt: null, moment: '2026-01-15T12:00:00.000Z' };
    const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, latest);
    await everyItem((page) => models.proposalsOfBody('kp', page));
    // Each tabling moved earlier, to the day its meeting convened (a tabling is held to its meeting's dates).
    for (const [proposalId, convened] of [
      ['p-def', '2022-06-20'],
      ['p-admin', '2022-11-07'],
    ] as const) {
      const tabled = (await ledger.store.readStream(`proposal-${proposalId}`))[0];
      await ledger.corrections.handle(
        {
          type: 'RecordCorrection',
          data: { correctsEventId: tabled?.eventId ?? '', reason: 'wrong day', corrections: { occurredAt: at(convened) }, occurredAt: at('2023-03-01') },
        },
        metadata(),
      );
    }
    await runner.catchUp();
    expect(view.cachedRecords).toBe(view.cachedSizes());
  });

  it('follows the log in the aggregates it holds: a held aggregate is not read again after new records', async () => {
    const ledger = await storyLedger();
    const counting = new CountingStore(ledger.store);
    const runner = new ProjectionRunner(counting.asStore(), toDomainEvent);
    let view = await runner.catchUp();
    await new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: view.position, effectiveAt: null, moment: '2026-01-15T12:00:00.000Z' }).proposal(
      'p-admin',
    );
    const readsAfterFirst = counting.readStreamEvents;
    await ledger.proposals.handle(
      'p-admin',
      { type: 'ExpressSupport', data: { participantId: 'bw', revision: null, occurredAt: at('2022-11-09') } },
      metadata(),
    );
    view = await runner.catchUp();
    const proposal = await new ReadModels(view, DEFAULT_CONSENSUS_POLICY, {
      position: view.position,
      effectiveAt: null,
      moment: '2026-01-15T12:00:00.000Z',
    }).proposal('p-admin');
    expect(proposal?.supporters).toContain('bw');
    expect(counting.readStreamEvents).toBe(readsAfterFirst);
  });
});

describe('ProjectionRunner with a long aggregate', () => {
  const moment = '2026-01-15T12:00:00.000Z';

  it('restarts from the stored head of a long body, reading only the records after it, with the answers of a full fold', async () => {
    const ledger = await longBodyLedger();
    const projections = new InMemoryProjectionStore();
    const first = new ProjectionRunner(ledger.store, toDomainEvent, { projections });
    const view = await first.catchUp();
    await new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: view.position, effectiveAt: null, moment }).body('kp');
    await first.commit();
    const storedAt = view.position;
    expect(await projections.rows(READ_SIDE_PROJECTION, 'heads', { key: 'body-kp', upTo: storedAt })).toHaveLength(1);

    await ledger.bodies.handle(
      'kp',
      { type: 'AdmitParticipant', data: { participantId: 'late', name: 'Lat', kind: 'state', occurredAt: at('2023-03-03') } },
      metadata(),
    );
    await correctName(ledger, 'late', 'Late');
    await ledger.bodies.handle('kp', { type: 'SuspendParticipant', data: { participantId: 's3', reason: 'audit', occurredAt: at('2023-03-04') } }, metadata());
    const head = await ledger.store.headPosition();

    const counting = new CountingStore(ledger.store);
    const restarted = await new ProjectionRunner(counting.asStore(), toDomainEvent, { projections }).catchUp();
    const folded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const latest = { position: head, effectiveAt: null, moment };
    const answer = async (of: LedgerView, point: ResolvedPoint) => {
      const models = new ReadModels(of, DEFAULT_CONSENSUS_POLICY, point);
      return { body: await models.body('kp'), chairs: await models.chairs('kp'), proposal: await models.proposal('p-def') };
    };
    expect(await answer(restarted, latest)).toEqual(await answer(folded, latest));
    expect(await answer(restarted, { ...latest, position: storedAt + 1 })).toEqual(await answer(folded, { ...latest, position: storedAt + 1 }));
    // The body's head and its three records since, and the proposal's stream: not the body's whole stream.
    expect(counting.readStreamEvents).toBeLessThan(20);

    // Earlier than the head, and in world time: only the whole stream answers, and it is read.
    for (const point of [
      { ...latest, position: storedAt - 5 },
      { position: head, effectiveAt: at('2023-02-15'), moment: at('2023-02-15') },
    ]) {
      expect(await answer(restarted, point)).toEqual(await answer(folded, point));
    }
    expect(counting.readStreamEvents).toBeGreaterThan(HEAD_MIN_RECORDS);
  });

  it('reads the whole stream when a correction reaches a record before the stored head', async () => {
    const ledger = await longBodyLedger();
    const projections = new InMemoryProjectionStore();
    const first = new ProjectionRunner(ledger.store, toDomainEvent, { projections });
    const view = await first.catchUp();
    await view.body('kp');
    await first.commit();

    await correctName(ledger, 's0', 'State Zero');
    const counting = new CountingStore(ledger.store);
    const restarted = await new ProjectionRunner(counting.asStore(), toDomainEvent, { projections }).catchUp();
    const latest = { position: restarted.position, effectiveAt: null, moment };
    const body = await new ReadModels(restarted, DEFAULT_CONSENSUS_POLICY, latest).body('kp');
    expect(body?.participants.find((participant) => participant.participantId === 's0')?.name).toBe('State Zero');
    expect(counting.readStreamEvents).toBeGreaterThan(HEAD_MIN_RECORDS);
  });

  it('keeps a head it follows live answering as the whole stream would, corrections of its newer records included', async () => {
    const ledger = await longBodyLedger();
    const projections = new InMemoryProjectionStore();
    const first = new ProjectionRunner(ledger.store, toDomainEvent, { projections });
    await (await first.catchUp()).body('kp');
    await first.commit();
    const runner = new ProjectionRunner(ledger.store, toDomainEvent, { projections });
    const latestOf = (view: LedgerView) => ({ position: view.position, effectiveAt: null, moment });
    let view = await runner.catchUp();
    await new ReadModels(view, DEFAULT_CONSENSUS_POLICY, latestOf(view)).body('kp');
    await ledger.bodies.handle(
      'kp',
      { type: 'AdmitParticipant', data: { participantId: 'newer', name: 'Nwer', kind: 'state', occurredAt: at('2023-03-03') } },
      metadata(),
    );
    await correctName(ledger, 'newer', 'Newer');
    view = await runner.catchUp();
    const folded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    for (const position of [view.position - 1, view.position]) {
      const point = { position, effectiveAt: null, moment };
      expect(await new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point).body('kp')).toEqual(
        await new ReadModels(folded, DEFAULT_CONSENSUS_POLICY, point).body('kp'),
      );
    }
  });
});

/** The store as it was when its head was `head`: for storing rows part-way through a history. */
function cappedAt(store: EventStore, head: number): EventStore {
  return {
    readAll: async (options?: ReadAllOptions) => (await store.readAll(options)).filter((event) => event.position <= head),
    readStream: async (stream: string, options?: ReadStreamOptions) => (await store.readStream(stream, options)).filter((event) => event.position <= head),
  } as unknown as EventStore;
}
