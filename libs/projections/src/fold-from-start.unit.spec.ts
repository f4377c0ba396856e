import { EventStore, InMemoryProjectionStore } from '@concord/event-store';
import { BodyState, DEFAULT_CONSENSUS_POLICY, encodeState } from '@concord/governance';
import { LedgerFixture } from '../../ledger/src/testing/ledger-fixture';
import { toDomainEvent } from '../../ledger/src/support/stored-to-domain';
import { AggregateTimeline } from './aggregate-timeline';
import { headAt } from './head-timeline';
import { HEAD_MIN_RECORDS, LedgerView } from './ledger-view';
import { ProjectionRunner } from './projection-runner';
import { READ_SIDE_PROJECTION } from './read-indexes';
import { ReadModels } from './read-models';
import { ResolvedPoint } from './time-point';
import { CountingStore } from './testing/counting-store';
import { admitMany, correctName, longBodyLedger, storyLedger } from './testing/long-body-ledger';

const moment = '2026-01-15T12:00:00.000Z';

/** The log applied to a view by hand, as the command line folds it: no runner, no stored rows, no heads. */
async function foldedByHand(store: EventStore): Promise<LedgerView> {
  const view = new LedgerView(toDomainEvent, { store });
  for (const stored of await store.readAll()) view.apply(stored);
  return view;
}

async function answer(view: LedgerView, point: ResolvedPoint): Promise<unknown> {
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);
  return { body: await models.body('kp'), chairs: await models.chairs('kp'), proposal: await models.proposal('p-def') };
}

/** A long body that went on growing, and was corrected at its start, after it had grown long. */
async function grownLedger(): Promise<LedgerFixture> {
  const ledger = await longBodyLedger();
  await correctName(ledger, 's0', 'State Zero');
  await admitMany(ledger, HEAD_MIN_RECORDS, 't');
  return ledger;
}

describe('A fold of the log from position 1', () => {
  // Read only by the tests that share it: a few seconds to record.
  let grown: LedgerFixture;
  beforeAll(async () => {
    grown = await grownLedger();
  });

  it('stores the heads of the aggregates that grow long in a rebuild: the first start after it reads none of their streams', async () => {
    const ledger = grown;
    const bodyRecords = (await ledger.store.readStream('body-kp')).length;
    const projections = new InMemoryProjectionStore();
    const rebuilding = new CountingStore(ledger.store);
    const rebuilt = await new ProjectionRunner(rebuilding.asStore(), toDomainEvent, { projections }).rebuild();

    // The body is read once, only as far as the fold had come when it grew long; the fold took the
    // rest of it as the log went by.
    expect(rebuilding.streamsRead).toEqual(['body-kp']);
    expect(rebuilding.readStreamEvents).toBeGreaterThanOrEqual(HEAD_MIN_RECORDS);
    expect(rebuilding.readStreamEvents).toBeLessThan(bodyRecords);
    // Afterwards it holds the body's latest state, as a restart would, not its whole stream.
    expect(rebuilt.cachedRecords).toBe(1);
    const [head] = await projections.rows(READ_SIDE_PROJECTION, 'heads', { key: 'body-kp', upTo: rebuilt.position });
    expect(head?.position).toBe(rebuilt.position);
    // The stored head is the one a whole timeline of the body gives there, field by field.
    const whole = headAt((await (await foldedByHand(ledger.store)).body('kp')) as AggregateTimeline<BodyState>, rebuilt.position);
    expect(head?.value).toEqual({ revision: whole?.revision, records: whole?.records, opening: whole?.opening, state: encodeState(whole?.state) });
    expect(whole?.records).toBe(bodyRecords);

    const counting = new CountingStore(ledger.store);
    const restarted = await new ProjectionRunner(counting.asStore(), toDomainEvent, { projections }).catchUp();
    const reference = await foldedByHand(ledger.store);
    const latest = { position: rebuilt.position, effectiveAt: null, moment };
    const answered = await answer(restarted, latest);
    expect(answered).toEqual(await answer(reference, latest));
    expect(JSON.stringify(answered)).toContain('State Zero');
    // The body's records after its head (none) and the short streams of the proposals.
    expect(counting.readStreamEvents).toBeLessThan(20);
  });

  it('stores them in the first catch-up of a read side that has no rows yet (a first start on an imported ledger)', async () => {
    const ledger = grown;
    const projections = new InMemoryProjectionStore();
    const first = new ProjectionRunner(ledger.store, toDomainEvent, { projections });
    const caughtUp = await first.catchUp();
    expect(caughtUp.cachedRecords).toBe(1);
    await first.commit();

    const counting = new CountingStore(ledger.store);
    const restarted = await new ProjectionRunner(counting.asStore(), toDomainEvent, { projections }).catchUp();
    const latest = { position: restarted.position, effectiveAt: null, moment };
    expect(await answer(restarted, latest)).toEqual(await answer(await foldedByHand(ledger.store), latest));
    expect(counting.readStreamEvents).toBeLessThan(20);
  });

  // The first bound is passed when the body begins to be followed, the second as it goes on.
  it.each([HEAD_MIN_RECORDS + 100, -1])(
    'follows no more records than the read side may hold (%i; -1: all but one of the body): past that, a stream is read when first asked for, as before',
    async (cachedRecords) => {
      const ledger = grown;
      const bodyRecords = (await ledger.store.readStream('body-kp')).length;
      const projections = new InMemoryProjectionStore();
      const bound = { projections, cachedRecords: cachedRecords > 0 ? cachedRecords : bodyRecords - 1 };
      const rebuilt = await new ProjectionRunner(ledger.store, toDomainEvent, bound).rebuild();
      expect(rebuilt.cachedRecords).toBe(0);
      expect(await projections.rows(READ_SIDE_PROJECTION, 'heads', { upTo: rebuilt.position })).toEqual([]);

      const counting = new CountingStore(ledger.store);
      const restarted = await new ProjectionRunner(counting.asStore(), toDomainEvent, bound).catchUp();
      const latest = { position: restarted.position, effectiveAt: null, moment };
      expect(await answer(restarted, latest)).toEqual(await answer(await foldedByHand(ledger.store), latest));
      expect(counting.readStreamEvents).toBeGreaterThan(HEAD_MIN_RECORDS);
    },
  );

  it('holds nothing more in a catch-up that goes on from stored rows', async () => {
    const ledger = await storyWithRows();
    await admitMany(ledger.fixture, HEAD_MIN_RECORDS + 10, 'n');
    const counting = new CountingStore(ledger.fixture.store);
    const runner = new ProjectionRunner(counting.asStore(), toDomainEvent, { projections: ledger.projections });
    const view = await runner.catchUp();
    // The body grew long after the rows were stored, but only a fold from position 1 counts records:
    // this one reads nothing until asked.
    expect(counting.readStreamEvents).toBe(0);
    expect(view.cachedRecords).toBe(0);
    // As before the fold stored heads: the body's head is stored once it has been read.
    await view.body('kp');
    await runner.commit();
    expect(await ledger.projections.rows(READ_SIDE_PROJECTION, 'heads', { key: 'body-kp', upTo: view.position })).toHaveLength(1);
  });

  it('reads no stream it could not keep within the bound', async () => {
    const rebuilding = new CountingStore(grown.store);
    await new ProjectionRunner(rebuilding.asStore(), toDomainEvent, {
      projections: new InMemoryProjectionStore(),
      cachedRecords: HEAD_MIN_RECORDS - 1,
    }).rebuild();
    expect(rebuilding.readStreamEvents).toBe(0);
  });
});

/** The story with its read-side rows stored, its body still short. */
async function storyWithRows(): Promise<{ fixture: LedgerFixture; projections: InMemoryProjectionStore }> {
  const fixture = await storyLedger();
  const projections = new InMemoryProjectionStore();
  const runner = new ProjectionRunner(fixture.store, toDomainEvent, { projections });
  await runner.catchUp();
  await runner.commit();
  return { fixture, projections };
}
