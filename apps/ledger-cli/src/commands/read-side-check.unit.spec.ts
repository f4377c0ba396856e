import { EventStore, InMemoryEventStore } from '@concord/event-store';
import { DEFAULT_CONSENSUS_POLICY } from '@concord/governance';
import { toDomainEvent } from '@concord/ledger';
import { LedgerView } from '@concord/projections';
import { admitMany, storyLedger } from '../../../../libs/projections/src/testing/long-body-ledger';
import { compareReadSides, comparisonProgress } from './read-side-check';

const NOW = new Date('2026-01-15T12:00:00.000Z');

async function foldedByHand(store: EventStore): Promise<LedgerView> {
  const view = new LedgerView(toDomainEvent, { store });
  for (const stored of await store.readAll()) view.apply(stored);
  return view;
}

/** The same log with one event's data changed, as rows altered behind the ledger would make one view read. */
async function copyWithChange(store: EventStore, change: (data: Record<string, unknown>) => Record<string, unknown> | undefined): Promise<EventStore> {
  const copy = new InMemoryEventStore();
  for (const event of await store.readAll()) {
    const { eventId, type, schemaVersion, metadata, stream } = event;
    const data = change({ ...event.data }) ?? event.data;
    await copy.append(stream, [{ eventId, type, schemaVersion, data, metadata }], { expectedRevision: 'any' });
  }
  return copy;
}

describe('compareReadSides', () => {
  it('finds two views of one log agreeing on every answer it asks, in recorded and world time', async () => {
    const ledger = await storyLedger();
    const comparison = await compareReadSides(await foldedByHand(ledger.store), await foldedByHand(ledger.store), DEFAULT_CONSENSUS_POLICY, NOW);
    expect(comparison).toMatchObject({ differing: 0, shown: [], bodies: 1 });
    expect(comparison.proposals).toBeGreaterThan(0);
    expect(comparison.meetings).toBeGreaterThan(0);
    expect(comparison.answers).toBeGreaterThan(2 * (8 * comparison.bodies + 2 * comparison.proposals + 2 * comparison.meetings));
  });

  it('counts its progress in answers, as its report does, not in events', async () => {
    const ledger = await storyLedger();
    const lines: string[] = [];
    const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
    const progress = comparisonProgress({ stream, intervalMs: 0 });
    const { store } = ledger;
    const comparison = await compareReadSides(await foldedByHand(store), await foldedByHand(store), DEFAULT_CONSENSUS_POLICY, NOW, () => progress.advance());
    progress.finish();
    expect(lines.at(-1)).toMatch(new RegExp(`^compare: ${comparison.answers} answers, \\d+/s, done\n$`));
  });

  it('compares in world time a record dated up to a day begun at UTC+14, which a clerk east of UTC may record before it begins in UTC', async () => {
    const ledger = await storyLedger();
    const admission = (await ledger.store.readAll()).filter((event) => event.type === 'ParticipantAdmitted').at(-1);
    const admittedAt = String(admission?.data['occurredAt']);
    // The latest admission, changed in one view, is dated ten hours after the comparison's now.
    const now = new Date(Date.parse(admittedAt) - 10 * 3600_000);
    const altered = await copyWithChange(ledger.store, (data) =>
      data['occurredAt'] === admittedAt && data['name'] !== undefined ? { ...data, name: 'Altered' } : undefined,
    );

    const comparison = await compareReadSides(await foldedByHand(altered), await foldedByHand(ledger.store), DEFAULT_CONSENSUS_POLICY, now);

    expect(comparison.shown.map((difference) => difference.answer)).toContain('body kp, world time');
  });

  it('names each answer that differs, with the path counted from the start of a list read a page at a time', async () => {
    const ledger = await storyLedger();
    await admitMany(ledger, 600, 's');
    const altered = await copyWithChange(ledger.store, (data) =>
      data['participantId'] === 's550' && data['name'] !== undefined ? { ...data, name: 'Altered' } : undefined,
    );

    const comparison = await compareReadSides(await foldedByHand(altered), await foldedByHand(ledger.store), DEFAULT_CONSENSUS_POLICY, NOW);

    const answers = comparison.shown.map((difference) => difference.answer);
    expect(answers).toEqual(expect.arrayContaining(['body kp, recorded time', 'the history of body kp, recorded time', 'the history of body kp, world time']));
    const history = comparison.shown.find((difference) => difference.answer === 'the history of body kp, recorded time');
    // The altered admission is past the first page of 500 entries: its place is counted from the list's start.
    expect(history?.path).toMatch(/^\$\[(\d+)\]\.data\.name$/);
    expect(Number(/\[(\d+)\]/.exec(history?.path ?? '')?.[1])).toBeGreaterThan(500);
    expect(history).toMatchObject({ stored: 'Altered', folded: 'State s550' });
    expect(comparison.differing).toBe(comparison.shown.length);
  });
});
