import { randomUUID } from 'node:crypto';
import { BodyState, evolveBody, GovernanceEvent, initialBodyState, isBodyEvent } from '@concord/governance';
import { EventStore, EventToAppend, InMemoryEventStore } from '@concord/event-store';
import { StreamCachingStore } from '../support/stream-caching-store';
import { loadBody, loadBodyAt, loadFolded, TargetRead } from './aggregate-loader';

const metadata = (): EventToAppend['metadata'] => ({
  commandId: randomUUID(),
  correlationId: 'c',
  causationId: null,
  actor: { id: 'a', role: 'secretariat' },
  recordedAt: '2026-01-01T00:00:00.000Z',
});
const at = '2003-01-01T00:00:00.000Z';

function event(type: string, data: Record<string, unknown>, eventId = randomUUID()): EventToAppend {
  return { eventId, type, schemaVersion: 1, data, metadata: metadata() };
}

async function admit(store: EventStore, count: number, from = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let index = from; index < from + count; index += 1) {
    const eventId = randomUUID();
    ids.push(eventId);
    await store.append(
      'body-kp',
      [event('ParticipantAdmitted', { bodyId: 'kp', participantId: `p${index}`, name: `P${index}`, kind: 'state', occurredAt: at }, eventId)],
      { expectedRevision: 'any' },
    );
  }
  return ids;
}

describe("loading an aggregate through the command side's cache", () => {
  let store: StreamCachingStore;
  let folded: number;
  const countingEvolve = (state: BodyState, events: readonly GovernanceEvent[]): BodyState => {
    folded += events.length;
    return events.reduce((current, domainEvent) => (isBodyEvent(domainEvent) ? evolveBody(current, domainEvent) : current), state);
  };
  const load = () => loadFolded(store, 'body-kp', 'counted-body', initialBodyState, countingEvolve);

  beforeEach(async () => {
    store = new StreamCachingStore(new InMemoryEventStore());
    await store.append('body-kp', [event('BodyEstablished', { bodyId: 'kp', name: 'KP', definition: 'D', occurredAt: at })], { expectedRevision: 'no-stream' });
    folded = 0;
  });

  it('folds only the events recorded since the last load, however long the stream', async () => {
    await admit(store, 2000);
    await load();
    expect(folded).toBe(2001);
    for (let round = 0; round < 5; round += 1) {
      folded = 0;
      await admit(store, 1, 2000 + round);
      const loaded = await load();
      expect(folded).toBe(1);
      expect(loaded.revision).toBe(2001 + round);
    }
  });

  it('folds only what is new also on a stream too long for the cache to hold its events', async () => {
    const inner = new InMemoryEventStore();
    store = new StreamCachingStore(inner, 100);
    await inner.append('body-kp', [event('BodyEstablished', { bodyId: 'kp', name: 'KP', definition: 'D', occurredAt: at })], { expectedRevision: 'no-stream' });
    await admit(inner, 1000);
    folded = 0;
    await load();
    expect(folded).toBe(1001);
    folded = 0;
    await admit(inner, 2, 1000);
    const loaded = await load();
    expect(folded).toBe(2);
    expect(loaded.revision).toBe(1002);
    expect(loaded.state).toEqual((await loadBody(new StreamCachingStore(inner), 'kp')).state);
  });

  it('answers exactly what a fold from the start answers, also after a correction, which makes it fold again', async () => {
    const [first] = await admit(store, 50);
    await load();
    await store.append(
      'body-kp',
      [
        event('CorrectionRecorded', {
          correctsEventId: first,
          correctedType: 'ParticipantAdmitted',
          reason: 'typo',
          corrections: { name: 'Renamed' },
          occurredAt: at,
        }),
      ],
      { expectedRevision: 'any' },
    );
    folded = 0;
    const afterCorrection = await load();
    expect(folded).toBeGreaterThan(50);
    const fromScratch = await loadBody(new StreamCachingStore(store), 'kp');
    expect(afterCorrection.state).toEqual(fromScratch.state);
    expect(afterCorrection.revision).toBe(fromScratch.revision);
    await admit(store, 3, 50);
    expect((await loadBody(store, 'kp')).state).toEqual((await loadBody(new StreamCachingStore(store), 'kp')).state);
  });

  it('gives the body as it stood on a date exactly as a fresh read does, across late entries and corrections', async () => {
    const ids = await admit(store, 30);
    const late = (participantId: string, occurredAt: string): EventToAppend =>
      event('ParticipantSuspended', { bodyId: 'kp', participantId, reason: 'late entry', occurredAt });
    const moments = ['2002-12-31T00:00:00.000Z', at, '2010-06-30T00:00:00.000Z', '2030-01-01T00:00:00.000Z'];
    const compare = async (): Promise<void> => {
      for (const moment of moments.slice(1)) {
        const cached = await loadBodyAt(store, 'kp', moment);
        const fresh = await loadBodyAt(new StreamCachingStore(store), 'kp', moment);
        expect(cached.state).toStrictEqual(fresh.state);
        expect(cached.revision).toBe(fresh.revision);
      }
      await expect(loadBodyAt(store, 'kp', moments[0] as string)).rejects.toMatchObject({ code: 'occurred-out-of-order' });
    };
    await compare();
    await store.append('body-kp', [late('p3', '2012-01-01T00:00:00.000Z')], { expectedRevision: 'any' });
    await compare();
    await store.append('body-kp', [late('p4', '2008-01-01T00:00:00.000Z')], { expectedRevision: 'any' });
    await compare();
    await store.append(
      'body-kp',
      [
        event('CorrectionRecorded', {
          correctsEventId: ids[4],
          correctedType: 'ParticipantAdmitted',
          reason: 'date',
          corrections: { occurredAt: '2011-01-01T00:00:00.000Z' },
          occurredAt: at,
        }),
      ],
      { expectedRevision: 'any' },
    );
    await compare();
    expect((await loadBodyAt(store, 'kp', '2010-06-30T00:00:00.000Z')).state).toMatchObject({ status: 'established' });
    const before = await loadBodyAt(store, 'kp', '2010-06-30T00:00:00.000Z');
    expect(before.state.status === 'established' && before.state.members.has('p4')).toBe(false);
  });

  it("keeps the state a command's own events lead to, except after a correction, and never fails the command over it", async () => {
    const admitted = (participantId: string): GovernanceEvent => ({
      type: 'ParticipantAdmitted',
      data: { bodyId: 'kp', participantId, name: participantId, kind: 'state', occurredAt: at },
    });
    const loaded = await load();
    const appended = await store.append('body-kp', [event('ParticipantAdmitted', admitted('p1').data as Record<string, unknown>)], {
      expectedRevision: loaded.revision,
    });
    const last = { position: appended.lastPosition, eventId: appended.eventIds[0] ?? '' };
    loaded.recorded([admitted('p1')], last);
    folded = 0;
    const kept = await loadFolded(store, 'body-kp', 'counted-body', initialBodyState, countingEvolve, new TargetRead(true));
    expect(folded).toBe(0);
    expect(kept.revision).toBe(1);
    expect(kept.state).toEqual((await loadBody(new StreamCachingStore(store), 'kp')).state);

    const throwing = await loadFolded(
      store,
      'body-kp',
      'counted-body',
      initialBodyState,
      () => {
        throw new Error('a defect in a fold');
      },
      new TargetRead(true),
    );
    expect(() => throwing.recorded([admitted('p2')], last)).not.toThrow();
    kept.recorded(
      [
        {
          type: 'CorrectionRecorded',
          data: { correctsEventId: 'x', correctedType: 'ParticipantAdmitted', reason: 'typo', corrections: {}, occurredAt: at },
        } as GovernanceEvent,
      ],
      last,
    );
    expect((await loadFolded(store, 'body-kp', 'counted-body', initialBodyState, countingEvolve, new TargetRead(true))).revision).toBe(1);
  });
});
