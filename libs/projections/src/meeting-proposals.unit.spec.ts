import { InMemoryProjectionStore } from '@concord/event-store';
import { DEFAULT_CONSENSUS_POLICY } from '@concord/governance';
import { at } from '../../ledger/src/testing/ledger-fixture';
import { meetingsLedger } from './testing/meetings-ledger';
import { toDomainEvent } from '../../ledger/src/support/stored-to-domain';
import { LedgerView } from './ledger-view';
import { MeetingProposalsIndex } from './meeting-proposals-index';
import { ProjectionRunner } from './projection-runner';
import { ReadModels } from './read-models';
import { ResolvedPoint } from './time-point';
import { CountingStore } from './testing/counting-store';

const MEETINGS = ['is-2022', 'pl-2022'];
const moment = '2026-01-15T12:00:00.000Z';

/** What a meeting's answer must list: every proposal of its body asked for one by one, kept if its answer names the meeting. */
async function expectedAt(view: LedgerView, point: ResolvedPoint, meetingId: string): Promise<unknown[]> {
  const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);
  const listed: unknown[] = [];
  for (const id of view.proposalsOf('kp')) {
    const proposal = await models.proposal(id);
    if (!proposal) continue;
    const tabledHere = proposal.meetingId === meetingId;
    const deferredHere = proposal.deferredTo === meetingId;
    const decidedHere = proposal.decision?.meetingId === meetingId;
    if (tabledHere || deferredHere || decidedHere)
      listed.push({ proposalId: id, title: proposal.title, status: proposal.status, tabledHere, deferredHere, decidedHere });
  }
  return listed;
}

function pointsOf(head: number): ResolvedPoint[] {
  const byPosition = Array.from({ length: head }, (_, index) => ({ position: index + 1, effectiveAt: null, moment }));
  const inWorldTime = ['2022-06-22', '2022-06-24', '2022-11-09', '2023-01-01'].map((date) => ({ position: head, effectiveAt: at(date), moment: at(date) }));
  return [...byPosition, ...inWorldTime];
}

const proposalReads = (store: CountingStore): string[] => store.streamsRead.filter((stream) => stream.startsWith('proposal-'));

describe("A meeting's proposals", () => {
  it('are those of its body whose answers name it, at every position and in world time, folded whole or restarted from stored rows', async () => {
    const projections = new InMemoryProjectionStore();
    let storedAt = 0;
    const ledger = await meetingsLedger(async (halfWay) => {
      const runner = new ProjectionRunner(halfWay.store, toDomainEvent, { projections });
      await runner.catchUp();
      await runner.commit();
      storedAt = await halfWay.store.headPosition();
    });
    const head = await ledger.store.headPosition();
    expect(storedAt).toBeGreaterThan(0);
    expect(storedAt).toBeLessThan(head);
    const folded = await new ProjectionRunner(ledger.store, toDomainEvent).catchUp();
    const restarted = await new ProjectionRunner(ledger.store, toDomainEvent, { projections }).catchUp();
    const bounded = await new ProjectionRunner(ledger.store, toDomainEvent, { cachedRecords: 8 }).catchUp();
    for (const point of pointsOf(head)) {
      for (const meetingId of MEETINGS) {
        const expected = await expectedAt(folded, point, meetingId);
        const answers = [];
        for (const view of [folded, restarted, bounded]) answers.push(await new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point).meeting(meetingId, Infinity));
        // Where the meeting is not there yet (recorded later, or convened later in world time) no view answers.
        if (answers[0] === undefined) expect({ point, meetingId, answers }).toEqual({ point, meetingId, answers: [undefined, undefined, undefined] });
        for (const answer of answers.filter((found) => found !== undefined))
          expect({ point, meetingId, listed: answer.proposals }).toEqual({ point, meetingId, listed: expected });
      }
    }
    const latest = { position: head, effectiveAt: null, moment };
    expect((await new ReadModels(folded, DEFAULT_CONSENSUS_POLICY, latest).meeting('pl-2022', Infinity))?.proposals.map((p) => p.proposalId)).toEqual([
      'deferred-then-decided',
      'deferred-then-withdrawn',
      'tabled-nowhere-decided-at-plenary',
      'withdrawn-at-plenary',
      'corrected-to-adopted',
    ]);
  });

  it('are read alone: a meeting answer reads the streams of the proposals that name it, not every proposal of its body', async () => {
    const ledger = await meetingsLedger();
    const store = new CountingStore(ledger.store);
    const bodyRecords = (await ledger.store.readStream('body-kp')).length;
    const view = await new ProjectionRunner(store.asStore(), toDomainEvent, { cachedRecords: bodyRecords }).catchUp();
    const latest = { position: view.position, effectiveAt: null, moment };
    const before = proposalReads(store).length;
    await new ReadModels(view, DEFAULT_CONSENSUS_POLICY, latest).meeting('pl-2022', Infinity);
    expect(proposalReads(store).slice(before).sort()).toEqual(
      ['corrected-to-adopted', 'deferred-then-decided', 'deferred-then-withdrawn', 'tabled-nowhere-decided-at-plenary', 'withdrawn-at-plenary'].map(
        (id) => `proposal-${id}`,
      ),
    );
    expect(view.proposalsOf('kp')).toHaveLength(27);
  });
});

describe('MeetingProposalsIndex', () => {
  it('restores each proposal once from chunks that overlap, rows given back and namings since, and follows the log from then on', () => {
    const ahead = new MeetingProposalsIndex('meeting-proposals');
    const behind = new MeetingProposalsIndex('meeting-proposals');
    const namings: [string, string, number][] = [
      ['m1', 'a', 3],
      ['m2', 'b', 4],
      ['m1', 'c', 6],
      ['m1', 'a', 9],
      ['m1', 'd', 12],
    ];
    for (const [meetingId, proposalId, position] of namings.slice(0, 4)) ahead.note(meetingId, proposalId, position);
    const aheadRows = ahead.takeRows();
    for (const [meetingId, proposalId, position] of namings.slice(0, 2)) behind.note(meetingId, proposalId, position);
    const behindRows = behind.takeRows();
    expect(behindRows.map((row) => row.id)).toEqual(['m1/0000000000000003-0000000000000003', 'm2/0000000000000004-0000000000000004']);
    // Rows that could not be stored are taken again with the next commit.
    behind.giveBack(behindRows);
    behind.note('m1', 'c', 6);
    const retried = behind.takeRows();
    expect(retried.find((row) => row.key === 'm1')?.value).toEqual([
      ['a', 3],
      ['c', 6],
    ]);

    const restoring = new MeetingProposalsIndex('meeting-proposals');
    restoring.note('m1', 'd', 12);
    const stored = [...aheadRows, ...retried].filter((row) => row.key === 'm1');
    expect([...restoring.restore('m1', stored)]).toEqual(['a', 'c', 'd']);
    restoring.note('m1', 'e', 13);
    restoring.note('m2', 'f', 14);
    expect([...(restoring.proposalsOf('m1') ?? [])]).toEqual(['a', 'c', 'd', 'e']);
    expect(restoring.proposalsOf('m2')).toBeUndefined();
    restoring.restore('m2', []);
    restoring.forget(1);
    expect(restoring.proposalsOf('m1')).toBeUndefined();
    expect([...(restoring.proposalsOf('m2') ?? [])]).toEqual(['f']);
  });
});
