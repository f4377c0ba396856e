import { InMemoryEventStore } from '@concord/event-store';
import { at, ledgerFixture, metadata } from '../testing/ledger-fixture';
import { PendingStamps } from './pending-stamps';

const settledWithin = async (settling: Promise<void>, ms: number): Promise<boolean> =>
  Promise.race([settling.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('PendingStamps', () => {
  it('settles at once when no command stamped by then is on its way, and once the last such command settles otherwise', async () => {
    const stamps = new PendingStamps();
    expect(await settledWithin(stamps.settled(Date.parse('2026-01-15T12:00:00Z')), 20)).toBe(true);
    const first = stamps.begin(new Date('2026-01-15T12:00:00Z'));
    const second = stamps.begin(new Date('2026-01-15T12:00:01Z'));
    stamps.begin(new Date('2026-01-15T12:00:05Z'));
    const settling = stamps.settled(Date.parse('2026-01-15T12:00:01Z'));
    first();
    expect(await settledWithin(settling, 20)).toBe(false);
    second();
    // The command stamped after the moment asked about does not hold the answer up.
    expect(await settledWithin(settling, 20)).toBe(true);
  });

  it('does not wait past its bound for a command that never settles', async () => {
    const stamps = new PendingStamps();
    stamps.begin(new Date('2026-01-15T12:00:00Z'));
    expect(await settledWithin(stamps.settled(Date.parse('2026-01-15T12:00:00Z'), 30), 500)).toBe(true);
  });
});

/** A store whose appends wait for `release` once they have begun, as a slow commit does. */
class HeldStore extends InMemoryEventStore {
  appendBegun!: Promise<void>;
  private begin!: () => void;
  private released!: Promise<void>;
  release!: () => void;

  hold(): void {
    this.appendBegun = new Promise((resolve) => (this.begin = resolve));
    this.released = new Promise((resolve) => (this.release = resolve));
  }

  override async append(...args: Parameters<InMemoryEventStore['append']>): ReturnType<InMemoryEventStore['append']> {
    this.begin?.();
    await this.released;
    return super.append(...args);
  }
}

describe('an answer as of a moment', () => {
  it('includes a command stamped by that moment but stored after the question came: asked again later, it answers the same', async () => {
    const store = new HeldStore();
    const ledger = ledgerFixture(store);
    store.hold();
    store.release();
    await ledger.bodies.handle('kp', { type: 'EstablishBody', data: { bodyId: 'kp', name: 'KP', definition: 'd', occurredAt: at('2003-01-01') } }, metadata());

    store.hold();
    ledger.clock.set('2026-01-15T12:00:01.000Z');
    const admitting = ledger.bodies.handle(
      'kp',
      { type: 'AdmitParticipant', data: { participantId: 'ua', name: 'Ukraine', kind: 'state', occurredAt: at('2003-01-01') } },
      metadata(),
    );
    await store.appendBegun;
    ledger.clock.set('2026-01-15T12:00:02.000Z');
    const answering = ledger.queries.at({ kind: 'as-of', at: '2026-01-15T12:00:01.000Z' });
    expect(
      await settledWithin(
        answering.then(() => undefined),
        30,
      ),
    ).toBe(false);
    store.release();
    await admitting;
    const first = await answering;
    const again = await ledger.queries.at({ kind: 'as-of', at: '2026-01-15T12:00:01.000Z' });
    expect(first.point.position).toBe(2);
    expect(again.point.position).toBe(first.point.position);
  });
});
