import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONSENSUS_POLICY, DomainError } from '@concord/governance';
import { AppendOptions, AppendResult, EventToAppend, InMemoryEventStore, SqliteEventStore } from '@concord/event-store';
import { StreamCachingStore } from '../support/stream-caching-store';
import { BodyCommandsHandler } from './body-commands.handler';
import { CommandExecutor } from './command-executor';
import { CorrectionCommandsHandler } from './correction-commands.handler';
import { MeetingCommandsHandler } from './meeting-commands.handler';
import { ProposalCommandsHandler } from './proposal-commands.handler';
import { at, ledgerFixture, LedgerFixture, ManualClock, metadata, recordKimberleyProcess, tableDefinition } from '../testing/ledger-fixture';

/**
 * A store on which another clerk's record lands between a command's read of its facts and its
 * append: `meanwhile` runs once, just before the first append to `stream`.
 */
class StoreWithARecordMeanwhile extends InMemoryEventStore {
  meanwhile: (() => Promise<unknown>) | undefined;

  constructor(private readonly stream: string) {
    super();
  }

  override async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const meanwhile = stream === this.stream ? this.meanwhile : undefined;
    this.meanwhile = undefined;
    await meanwhile?.();
    return super.append(stream, events, options);
  }
}

/** Russia objects to the definition on 14 October 2022 and is suspended an hour later. */
async function objectorSuspended(): Promise<{ ledger: LedgerFixture; store: StoreWithARecordMeanwhile }> {
  const store = new StoreWithARecordMeanwhile('proposal-p-def');
  const ledger = ledgerFixture(store);
  await recordKimberleyProcess(ledger);
  await ledger.proposals.table('kp', tableDefinition(), metadata());
  await ledger.proposals.handle(
    'p-def',
    { type: 'RaiseObjection', data: { participantId: 'ru', grounds: 'no', revision: null, occurredAt: at('2022-10-14T00:00:00Z') } },
    metadata(),
  );
  await ledger.bodies.handle(
    'kp',
    { type: 'SuspendParticipant', data: { participantId: 'ru', reason: 's', occurredAt: at('2022-10-14T01:00:00Z') } },
    metadata(),
  );
  return { ledger, store };
}

const declareConsensus = {
  type: 'DeclareOutcome' as const,
  data: { outcome: 'consensus' as const, declaredBy: 'bw', meetingId: 'pl-2022', revision: null, occurredAt: at('2022-11-08T03:00:00Z') },
};

async function refusal(recording: Promise<unknown>): Promise<string | undefined> {
  try {
    await recording;
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('a command whose facts another clerk changes between its read and its append', () => {
  it('is decided again on the body as it now stands: no consensus over an objector reinstated meanwhile', async () => {
    const { ledger, store } = await objectorSuspended();
    store.meanwhile = () =>
      ledger.bodies.handle('kp', { type: 'ReinstateParticipant', data: { participantId: 'ru', occurredAt: at('2022-10-14T02:00:00Z') } }, metadata());
    expect(await refusal(ledger.proposals.handle('p-def', declareConsensus, metadata()))).toBe('objections-standing');
    const types = (await store.readStream('proposal-p-def')).map((event) => event.type);
    expect(types).not.toContain('ConsensusDeclared');
    expect((await store.readStream('body-kp')).at(-1)?.type).toBe('ParticipantReinstated');
  });

  it('is decided again under If-Match too, which speaks of the proposal only: refused by the rule, not as a stale revision', async () => {
    const { ledger, store } = await objectorSuspended();
    const revision = (await store.readStream('proposal-p-def')).length - 1;
    store.meanwhile = () =>
      ledger.bodies.handle('kp', { type: 'ReinstateParticipant', data: { participantId: 'ru', occurredAt: at('2022-10-14T02:00:00Z') } }, metadata());
    expect(await refusal(ledger.proposals.handle('p-def', declareConsensus, metadata({ expectedRevision: revision })))).toBe('objections-standing');
  });

  it('is recorded when what moved meanwhile does not change the decision', async () => {
    const { ledger, store } = await objectorSuspended();
    store.meanwhile = () =>
      ledger.bodies.handle(
        'kp',
        { type: 'AdmitObserver', data: { observerId: 'wdc', name: 'World Diamond Council', occurredAt: at('2022-10-20') } },
        metadata(),
      );
    const revision = (await store.readStream('proposal-p-def')).length - 1;
    const recorded = await ledger.proposals.handle('p-def', declareConsensus, metadata({ expectedRevision: revision }));
    expect(recorded.streamRevision).toBe(revision + 1);
  });

  it('is not starved by this process’s own commands keeping the body busy: it decides again in the body’s turn', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'concord-facts-moved-'));
    const sqlite = await SqliteEventStore.open(join(directory, 'ledger.sqlite'), { writer: 'in-process' });
    try {
      const store = new StreamCachingStore(sqlite);
      const ledger = ledgerFixture(store);
      await recordKimberleyProcess(ledger);
      let busy = true;
      const admissions = (async () => {
        for (let index = 0; busy; index += 1)
          await ledger.bodies.handle(
            'kp',
            { type: 'AdmitObserver', data: { observerId: `o${index}`, name: `Observer ${index}`, occurredAt: at('2010-01-01') } },
            metadata(),
          );
      })();
      const tablings = await Promise.allSettled(
        Array.from({ length: 16 }, (_, index) => ledger.proposals.table('kp', tableDefinition(`p-${index}`), metadata())),
      );
      busy = false;
      await admissions;
      expect(tablings.filter((outcome) => outcome.status === 'rejected').map((outcome) => String((outcome as PromiseRejectedResult).reason))).toEqual([]);
    } finally {
      await sqlite.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("of a correction, is decided again in its own stream's turn and the body's, so it queues with the commands of both", async () => {
    const store = new StoreWithARecordMeanwhile('proposal-p-def');
    const executor = new CommandExecutor(store, new ManualClock());
    const ledger = {
      store,
      bodies: new BodyCommandsHandler(store, executor),
      meetings: new MeetingCommandsHandler(store, executor),
      proposals: new ProposalCommandsHandler(store, executor, DEFAULT_CONSENSUS_POLICY),
      corrections: new CorrectionCommandsHandler(store, executor, DEFAULT_CONSENSUS_POLICY),
    };
    await recordKimberleyProcess(ledger as unknown as LedgerFixture);
    await ledger.proposals.table('kp', tableDefinition(), metadata());
    const declared = await ledger.proposals.handle('p-def', declareConsensus, metadata());
    const turns = (executor as unknown as { turns: { isBusy(stream: string): boolean } }).turns;
    const held: string[] = [];
    store.meanwhile = async () => {
      await ledger.bodies.handle('kp', { type: 'AdmitObserver', data: { observerId: 'wdc', name: 'WDC', occurredAt: at('2022-10-20') } }, metadata());
      // The next append to the proposal is the correction's second attempt: what does it hold then?
      store.meanwhile = async () => held.push(...['proposal-p-def', 'body-kp'].filter((stream) => turns.isBusy(stream)));
    };
    const correction = {
      correctsEventId: declared.eventIds[0]!,
      reason: 'typo',
      corrections: { occurredAt: '2022-11-08T04:00:00Z' },
      occurredAt: at('2022-11-09'),
    };
    await ledger.corrections.handle({ type: 'RecordCorrection', data: correction }, metadata());
    expect(held).toEqual(['proposal-p-def', 'body-kp']);
  });
});
