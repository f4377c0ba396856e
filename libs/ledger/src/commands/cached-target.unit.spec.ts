import { BodyCommand, DomainError, ProposalCommand } from '@concord/governance';
import { random as seeded } from '@concord/projections/testing/random-history';
import { EventStore, InMemoryEventStore, ReadStreamOptions, StoredEvent } from '@concord/event-store';
import { StreamCachingStore } from '../support/stream-caching-store';
import { at, ledgerFixture, LedgerFixture, metadata, recordKimberleyProcess, tableDefinition } from '../testing/ledger-fixture';
import { loadBody, loadMeeting, loadProposal, TargetRead } from './aggregate-loader';

/** The store behind the command side's cache, counting the reads of each stream that reach it. */
class CountingStore extends InMemoryEventStore {
  readonly reads = new Map<string, number>();

  override async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    this.reads.set(stream, (this.reads.get(stream) ?? 0) + 1);
    return super.readStream(stream, options);
  }
}

const admit = (participantId: string): BodyCommand => ({
  type: 'AdmitParticipant',
  data: { participantId, name: participantId.toUpperCase(), kind: 'state', occurredAt: at('2003-01-01') },
});

const establish = (ledger: LedgerFixture) =>
  ledger.bodies.handle('kp', { type: 'EstablishBody', data: { bodyId: 'kp', name: 'KP', definition: 'text', occurredAt: at('2003-01-01') } }, metadata());

/** A ledger whose commands go through the cache, and a second writer (another process) on the same store, without one. */
function twoWriters(): { inner: CountingStore; cached: LedgerFixture; other: LedgerFixture } {
  const inner = new CountingStore();
  const cached = ledgerFixture(new StreamCachingStore(inner));
  return { inner, cached, other: ledgerFixture(inner, cached.clock) };
}

/** The state each fold kept for the target (taken unread), and the state a fresh fold of the stored stream gives. */
async function keptAndFresh(
  store: EventStore,
  inner: EventStore,
  load: (store: EventStore, read?: TargetRead) => Promise<{ state: unknown; revision: number }>,
) {
  const read = new TargetRead(true);
  const kept = await load(store, read);
  expect(read.tookKeptState).toBe(true);
  const fresh = await load(new StreamCachingStore(inner));
  return { kept: { state: kept.state, revision: kept.revision }, fresh: { state: fresh.state, revision: fresh.revision } };
}

describe("a command's target stream through the command side's cache", () => {
  it('is not read again by the commands of this process that appended to it: their own events are kept as they are recorded', async () => {
    const { inner, cached } = twoWriters();
    await establish(cached);
    await cached.bodies.handle('kp', admit('ru'), metadata());
    inner.reads.clear();

    for (const participant of ['by', 'ua', 'bw', 'za']) await cached.bodies.handle('kp', admit(participant), metadata());

    expect(inner.reads.get('body-kp') ?? 0).toBe(0);
    const { kept, fresh } = await keptAndFresh(cached.store, inner, (store, read) => loadBody(store, 'kp', read));
    expect(kept).toEqual(fresh);
    expect(kept.revision).toBe(5);
  });

  it('still decides on the stored stream when another writer appended behind its back', async () => {
    const { inner, cached, other } = twoWriters();
    await establish(cached);
    await cached.bodies.handle('kp', admit('ru'), metadata());
    await other.bodies.handle('kp', admit('ua'), metadata());

    // The kept state does not know Ukraine: admitting it again looks allowed, and the append's
    // expected revision refuses that; decided again on the stored stream, it is refused for what it is.
    await expect(cached.bodies.handle('kp', admit('ua'), metadata())).rejects.toMatchObject({ code: 'already-a-member' });
    await other.bodies.handle('kp', admit('bw'), metadata());
    // The kept state does not know Botswana: suspending it looks refused, and is decided again.
    const suspended = await cached.bodies.handle(
      'kp',
      { type: 'SuspendParticipant', data: { participantId: 'bw', reason: 'review mission refused', occurredAt: at('2003-02-01') } },
      metadata(),
    );
    expect(suspended.streamRevision).toBe(4);
    const admitted = await cached.bodies.handle('kp', admit('by'), metadata());

    expect(admitted.streamRevision).toBe(5);
    expect((await inner.readStream('body-kp')).map((event) => event.type)).toEqual([
      'BodyEstablished',
      'ParticipantAdmitted',
      'ParticipantAdmitted',
      'ParticipantAdmitted',
      'ParticipantSuspended',
      'ParticipantAdmitted',
    ]);
  });

  it('judges an office entered late by the body as it stood on its date, and reads no more for an office dated today', async () => {
    const { inner, cached } = twoWriters();
    await establish(cached);
    await cached.bodies.handle('kp', admit('bw'), metadata());
    await cached.bodies.handle('kp', admit('zw'), metadata());
    const dated = (date: string) => ({ participantId: 'bw', occurredAt: at(date) });
    await cached.bodies.handle('kp', { type: 'SuspendParticipant', data: { ...dated('2020-03-01'), reason: 'review mission refused' } }, metadata());
    await cached.bodies.handle('kp', { type: 'ReinstateParticipant', data: dated('2020-09-01') }, metadata());
    inner.reads.clear();

    // Dated today: judged by the body as it stands, kept by the cache, with no read at all.
    await cached.bodies.handle('kp', { type: 'SelectViceChair', data: { participantId: 'zw', term: 2027, occurredAt: at('2026-01-15') } }, metadata());
    expect(inner.reads.get('body-kp') ?? 0).toBe(0);

    // Dated inside Botswana's suspension, entered after its reinstatement: refused as the office of a suspended participant.
    await expect(cached.bodies.handle('kp', { type: 'SelectViceChair', data: { ...dated('2020-05-01'), term: 2021 } }, metadata())).rejects.toMatchObject({
      code: 'participant-suspended',
    });
    await expect(
      cached.bodies.handle('kp', { type: 'AssignChair', data: { ...dated('2020-05-01'), term: 2021, basis: 'election' } }, metadata()),
    ).rejects.toMatchObject({ code: 'participant-suspended' });
    const recorded = await cached.bodies.handle('kp', { type: 'SelectViceChair', data: { ...dated('2020-11-15'), term: 2021 } }, metadata());
    expect(recorded.streamRevision).toBe(6);
  });

  it('decides a refusal once when it was judged on a fresh read (nothing kept yet)', async () => {
    const { inner, other } = twoWriters();
    await establish(other);
    await other.bodies.handle('kp', admit('ru'), metadata());
    const cold = ledgerFixture(new StreamCachingStore(inner), other.clock);
    inner.reads.clear();

    await expect(cold.bodies.handle('kp', admit('ru'), metadata())).rejects.toMatchObject({ code: 'already-a-member' });

    expect(inner.reads.get('body-kp')).toBe(1);
  });

  it('is read when If-Match names a revision, which is compared with the stored one, not the kept one', async () => {
    const { cached, other } = twoWriters();
    await establish(cached);
    await other.bodies.handle('kp', admit('ua'), metadata());

    const result = await cached.bodies.handle('kp', admit('ru'), metadata({ expectedRevision: 1 }));

    expect(result.streamRevision).toBe(2);
    await expect(cached.bodies.handle('kp', admit('by'), metadata({ expectedRevision: 1 }))).rejects.toMatchObject({ name: 'PreconditionFailedError' });
  });

  it('keeps, after any sequence of commands, accepted or refused, exactly the state a fresh fold gives', async () => {
    const random = seeded(20261201);
    const { inner, cached, other } = twoWriters();
    await recordKimberleyProcess(cached);
    await cached.proposals.table('kp', tableDefinition(), metadata());
    const participants = ['ru', 'by', 'ua', 'bw', 'za', 'cn', 'in', 'eu'];
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const bodyCommand = (): BodyCommand => {
      const participantId = pick(participants);
      const occurredAt = at(pick(['2003-01-01', '2010-05-01', '2021-01-15']));
      return pick<BodyCommand>([
        { type: 'AdmitParticipant', data: { participantId, name: participantId, kind: 'state', occurredAt } },
        { type: 'SuspendParticipant', data: { participantId, reason: 'non-compliance', occurredAt } },
        { type: 'ReinstateParticipant', data: { participantId, occurredAt } },
        { type: 'WithdrawMember', data: { memberId: participantId, occurredAt } },
        { type: 'SelectViceChair', data: { participantId, term: pick([2023, 2024]), occurredAt } },
      ]);
    };
    const proposalCommand = (): Exclude<ProposalCommand, { type: 'TableProposal' }> => {
      const participantId = pick(participants);
      const occurredAt = at('2022-06-22');
      return pick<Exclude<ProposalCommand, { type: 'TableProposal' }>>([
        { type: 'ExpressSupport', data: { participantId, revision: null, occurredAt } },
        { type: 'RaiseObjection', data: { participantId, grounds: 'scope', revision: null, occurredAt } },
        { type: 'WithdrawObjection', data: { participantId, occurredAt } },
        { type: 'ReviseProposal', data: { text: `text ${Math.floor(random() * 1000)}`, occurredAt } },
      ]);
    };
    let accepted = 0;
    let refused = 0;
    // Until this process records to the body again, its kept body may lag another writer's.
    let bodyBehind = false;
    for (let step = 0; step < 120; step += 1) {
      const choice = random();
      // Now and then another writer appends to the body behind the cache's back.
      const writer = choice < 0.5 && random() < 0.25 ? other : cached;
      if (choice < 0.5) bodyBehind = writer === other;
      try {
        if (choice < 0.5) await writer.bodies.handle('kp', bodyCommand(), metadata());
        else if (choice < 0.8) await writer.proposals.handle('p-def', proposalCommand(), metadata());
        else
          await writer.meetings.handle(
            'is-2022',
            { type: 'RecordStatement', data: { speakerId: pick(participants), proposalId: null, summary: `said ${step}`, occurredAt: at('2022-06-21') } },
            metadata(),
          );
        accepted += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused += 1;
      }
      if (!bodyBehind) {
        const body = await keptAndFresh(cached.store, inner, (store, read) => loadBody(store, 'kp', read));
        expect(body.kept).toEqual(body.fresh);
      }
      const proposal = await keptAndFresh(cached.store, inner, (store, read) => loadProposal(store, 'p-def', read));
      expect(proposal.kept).toEqual(proposal.fresh);
      const meeting = await keptAndFresh(cached.store, inner, (store, read) => loadMeeting(store, 'is-2022', read));
      expect(meeting.kept).toEqual(meeting.fresh);
    }
    // The sequence exercised both outcomes.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });
});
