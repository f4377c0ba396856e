import { randomUUID } from 'node:crypto';
import { EventProblem, EventStore, InMemoryProjectionStore } from '@concord/event-store';
import { DEFAULT_CONSENSUS_POLICY } from '@concord/governance';
import { toDomainEvent } from '../../../ledger/src/support/stored-to-domain';
import { LedgerFixture } from '../../../ledger/src/testing/ledger-fixture';
import { ProjectionRunner, ProjectionRunnerOptions } from '../projection-runner';
import { LedgerView } from '../ledger-view';
import { READ_SIDE_PROJECTION } from '../read-indexes';
import { ReadModels } from '../read-models';
import { storyLedger } from '../testing/long-body-ledger';
import { EventVetter, ParallelVetting, VettingRefusedError } from './event-vetter';
import { stoppedAt } from '../testing/stopped-at';

/** Stands for the ledger's own check: a member of a kind the ledger never records. */
const problemOf: EventProblem = (event) => (event.data['kind'] === 'martian' ? 'ParticipantAdmitted v1 is not valid: kind' : undefined);

/**
 * Vets on this thread, reading the store again as far as it is told, a turn after each telling,
 * with `problemOf`; or holds its answers back until released, or refuses everything as a thread
 * that stopped would.
 */
class VettingBeside implements ParallelVetting {
  readonly vetted: number[] = [];
  opened = 0;
  /** Resolved when the fold first waits for the vetter's word. */
  readonly asked: Promise<void>;
  private markAsked!: () => void;
  private release: Promise<void> = Promise.resolve();
  private released!: () => void;

  constructor(
    private readonly store: EventStore,
    readonly minEvents: number,
    private readonly behaviour: 'vet' | 'hold' | 'stop' = 'vet',
  ) {
    this.asked = new Promise((resolve) => (this.markAsked = resolve));
    if (behaviour === 'hold') this.release = new Promise((resolve) => (this.released = resolve));
  }

  letGo(): void {
    this.released();
  }

  open(after: number): EventVetter {
    this.opened += 1;
    let work = Promise.resolve();
    let refused = this.behaviour === 'stop';
    let read = after;
    return {
      vetThrough: (position) => {
        work = work.then(async () => {
          await this.release;
          for (const event of await this.store.readAll({ after: read, limit: position - read })) {
            this.vetted.push(event.position);
            if (problemOf(event) !== undefined) refused = true;
          }
          read = position;
        });
      },
      vouched: async () => {
        this.markAsked();
        await work;
        if (refused) throw new VettingRefusedError('refused');
      },
      close: async () => undefined,
    };
  }
}

/** Appends admissions to the body as rows, as a hand or an import would: `kind` says of what kind. */
async function appendAdmissions(store: EventStore, prefix: string, count: number, kind = 'state'): Promise<number> {
  const admissions = Array.from({ length: count }, (_, index) => ({
    eventId: randomUUID(),
    type: 'ParticipantAdmitted',
    schemaVersion: 1,
    data: { bodyId: 'kp', participantId: `${prefix}${index}`, name: `State ${prefix}${index}`, kind, occurredAt: '2023-02-01T00:00:00.000Z' },
    metadata: {
      commandId: `admit-${prefix}`,
      correlationId: `admit-${prefix}`,
      causationId: null,
      actor: { id: 'hand', role: 'secretariat' },
      recordedAt: '2026-01-16T00:00:00.000Z',
    },
  }));
  await store.append('body-kp', admissions, { expectedRevision: 'any' });
  return store.headPosition();
}

/** The story, then 1,500 admissions: past one read of the log (1,000 events), so that a fold stores rows before it ends. */
async function longLedger(): Promise<LedgerFixture> {
  const ledger = await storyLedger();
  await appendAdmissions(ledger.store, 's', 1500);
  return ledger;
}

const runner = (store: EventStore, options: ProjectionRunnerOptions) =>
  new ProjectionRunner(store, toDomainEvent, { problemOf, vouchedThrough: async () => 0, ...options });

/** What the read side says of the body and its definition proposal at its head. */
async function answer(view: LedgerView): Promise<unknown> {
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: view.position, effectiveAt: null, moment: '2026-01-15T12:00:00.000Z' });
  return { body: await models.body('kp'), chairs: await models.chairs('kp'), proposal: await models.proposal('p-def') };
}

const everyPosition = (head: number) => Array.from({ length: head }, (_, index) => index + 1);

describe('a fold that vets beside it', () => {
  let story: LedgerFixture;
  let long: LedgerFixture;
  beforeAll(async () => {
    story = await storyLedger();
    long = await longLedger();
  });

  it('sends the vetter every event no checkpoint vouches for, and builds what a fold vetting as it goes builds', async () => {
    const head = await story.store.headPosition();
    const beside = new VettingBeside(story.store, head);
    const view = await runner(story.store, { parallelVetting: beside }).rebuild();
    expect(beside.opened).toBe(1);
    expect(beside.vetted).toEqual(everyPosition(head));
    const inline = await runner(story.store, {}).rebuild();
    expect(view.position).toBe(head);
    expect(await answer(view)).toEqual(await answer(inline));
  });

  it('vets as it goes when fewer events than the vetter asks for are left to vet', async () => {
    const head = await story.store.headPosition();
    const beside = new VettingBeside(story.store, 3);
    await runner(story.store, { parallelVetting: beside, vouchedThrough: async () => head - 2 }).rebuild();
    expect(beside.opened).toBe(0);
    const noThread: ParallelVetting = { minEvents: 1, open: () => undefined };
    expect((await runner(story.store, { parallelVetting: noThread }).rebuild()).position).toBe(head);
  });

  it('stores no rows of events the vetter has not vouched for yet', async () => {
    const head = await long.store.headPosition();
    const projections = new InMemoryProjectionStore();
    const beside = new VettingBeside(long.store, 1, 'hold');
    const rebuilt = runner(long.store, { projections, commitEvery: 100, parallelVetting: beside }).rebuild();
    await beside.asked;
    expect(await projections.checkpoint(READ_SIDE_PROJECTION)).toBe(0);
    beside.letGo();
    expect((await rebuilt).position).toBe(head);
    expect(await projections.checkpoint(READ_SIDE_PROJECTION)).toBe(head);
  });

  it('refused, starts again from the rows it stored and stops before the first event the ledger would not vouch for, as a fold vetting as it goes', async () => {
    const { store } = await longLedger();
    const forgedAt = await appendAdmissions(store, 'forged', 1, 'martian');
    await appendAdmissions(store, 'after', 5);
    const projections = new InMemoryProjectionStore();
    const beside = new VettingBeside(store, 1);
    const vetting = runner(store, { projections, commitEvery: 100, parallelVetting: beside });
    expect(await stoppedAt(vetting.rebuild())).toBe(forgedAt);
    // The rows stored are of vouched events only, and the read side serves nothing past them.
    expect(await projections.checkpoint(READ_SIDE_PROJECTION)).toBeLessThan(forgedAt);
    expect(await stoppedAt(vetting.catchUp())).toBe(forgedAt);
    expect(vetting.position).toBe(forgedAt - 1);
    // The same stop as a fold that vets event by event.
    const inline = runner(store, {});
    expect(await stoppedAt(inline.rebuild())).toBe(forgedAt);
    expect(inline.position).toBe(forgedAt - 1);
  });

  it('that fails to read the store serves nothing it folded before its vetter vouched for it', async () => {
    const { store } = await storyLedger();
    const inner = store.readAllSkimmed!.bind(store);
    let reads = 0;
    const failingOnce = Object.assign(Object.create(store) as EventStore, {
      readAllSkimmed: async (options?: { after?: number; limit?: number }) => {
        reads += 1;
        if (reads === 2) throw new Error('the store went away');
        return inner(options);
      },
    });
    const forgedAt = await appendAdmissions(store, 'forged', 1, 'martian');
    await appendAdmissions(store, 'after', 1500);
    // The forged row is in the first read of the log (1,000 events); the second read fails before the vetter is asked.
    expect(forgedAt).toBeLessThan(1000);
    const vetting = runner(failingOnce, { parallelVetting: new VettingBeside(store, 1) });
    await expect(vetting.catchUp()).rejects.toThrow('the store went away');
    expect(await stoppedAt(vetting.catchUp())).toBe(forgedAt);
  });

  it('whose vetter stopped, folds again vetting as it goes, and serves the same', async () => {
    const head = await story.store.headPosition();
    const projections = new InMemoryProjectionStore();
    const beside = new VettingBeside(story.store, 1, 'stop');
    const view = await runner(story.store, { projections, parallelVetting: beside }).rebuild();
    expect(beside.opened).toBe(1);
    expect(view.position).toBe(head);
    expect(await projections.checkpoint(READ_SIDE_PROJECTION)).toBe(head);
    expect(view.bodyIds()).toEqual(['kp']);
  });
});
