import { randomUUID } from 'node:crypto';
import { EventProblem, InMemoryEventStore, InMemoryProjectionStore } from '@concord/event-store';
import { toDomainEvent } from '../../ledger/src/support/stored-to-domain';
import { ledgerFixture, recordKimberleyProcess } from '../../ledger/src/testing/ledger-fixture';
import { ProjectionRunner } from './projection-runner';
import { stoppedAt } from './testing/stopped-at';

/** Stands for the ledger's own check: a member of a kind the ledger never records. */
const problemOf: EventProblem = (event) => (event.data['kind'] === 'martian' ? 'ParticipantAdmitted v1 is not valid: kind' : undefined);

async function ledgerWithAForgedRow() {
  const store = new InMemoryEventStore();
  await recordKimberleyProcess(ledgerFixture(store));
  const head = await store.headPosition();
  const projections = new InMemoryProjectionStore();
  const first = new ProjectionRunner(store, toDomainEvent, { projections, problemOf });
  await first.catchUp();
  await first.commit();
  const forged = {
    eventId: randomUUID(),
    type: 'ParticipantAdmitted',
    schemaVersion: 1,
    data: { bodyId: 'kp', participantId: 'fk', name: 'Forged', kind: 'martian', occurredAt: '2022-01-01T00:00:00.000Z' },
    metadata: {
      commandId: 'forged',
      correlationId: 'forged',
      causationId: null,
      actor: { id: 'nobody', role: 'secretariat' },
      recordedAt: '2026-01-01T00:00:00.000Z',
    },
  };
  await store.append('body-kp', [forged], { expectedRevision: 'any' });
  return { store, projections, first, forgedAt: head + 1 };
}

describe('the read side and events the ledger would not vouch for', () => {
  it('stops before one written after it last caught up, while it runs and after a start on its stored rows', async () => {
    const { store, projections, first, forgedAt } = await ledgerWithAForgedRow();
    expect(await stoppedAt(first.catchUp())).toBe(forgedAt);
    expect(await stoppedAt(new ProjectionRunner(store, toDomainEvent, { projections, problemOf }).catchUp())).toBe(forgedAt);
  });

  it('vets, in a fold from position 1, the events after those a signed checkpoint vouches for, and only those', async () => {
    const { store, forgedAt } = await ledgerWithAForgedRow();
    const fromStart = (vouched: number) =>
      new ProjectionRunner(store, toDomainEvent, { problemOf, vouchedThrough: async () => vouched }).rebuild().then((view) => view.bodyIds());
    expect(await stoppedAt(fromStart(forgedAt - 1))).toBe(forgedAt);
    expect(await stoppedAt(fromStart(0))).toBe(forgedAt);
    // Vetted when the checkpoint was signed: what was changed since is `concord verify`'s to find.
    expect(await fromStart(forgedAt)).toEqual(['kp']);
  });
});
