import { EventStore, InMemoryEventStore, ReadStreamOptions, StoredEvent } from '@concord/event-store';
import { describeEventStoreContract } from '@concord/event-store/contract/event-store.contract';
import { StreamCachingStore } from './stream-caching-store';

describeEventStoreContract('StreamCachingStore over InMemoryEventStore', async () => new StreamCachingStore(new InMemoryEventStore()));

/** Counts the events the store hands out for stream reads: what a command pays for reading. */
class CountingStore extends InMemoryEventStore {
  eventsRead = 0;

  override async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const events = await super.readStream(stream, options);
    this.eventsRead += events.length;
    return events;
  }
}

function participant(index: number) {
  return {
    eventId: `00000000-0000-7000-8000-${String(index).padStart(12, '0')}`,
    type: 'ParticipantAdmitted',
    schemaVersion: 1,
    data: { index },
    metadata: {
      commandId: `command-${index}`,
      correlationId: 'c',
      causationId: null,
      actor: { id: 'a', role: 'secretariat' },
      recordedAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

async function appendMany(store: EventStore, stream: string, from: number, count: number): Promise<void> {
  for (let index = from; index < from + count; index += 1) await store.append(stream, [participant(index)], { expectedRevision: 'any' });
}

describe('StreamCachingStore', () => {
  it('reads from the store only the events after what it read before, however long the stream', async () => {
    const counting = new CountingStore();
    const cached = new StreamCachingStore(counting);
    await appendMany(counting, 'body-kp', 0, 5000);
    expect(await cached.readStream('body-kp')).toHaveLength(5000);
    expect(counting.eventsRead).toBe(5000);
    for (let round = 0; round < 10; round += 1) {
      counting.eventsRead = 0;
      await appendMany(cached, 'body-kp', 5000 + round, 1);
      const events = await cached.readStream('body-kp');
      expect(events).toHaveLength(5001 + round);
      expect(events.at(-1)?.streamRevision).toBe(5000 + round);
      expect(counting.eventsRead).toBe(1);
    }
  });

  it('sees what another writer appended to the store behind its back', async () => {
    const store = new InMemoryEventStore();
    const cached = new StreamCachingStore(store);
    await appendMany(store, 's', 0, 3);
    await cached.readStream('s');
    await appendMany(store, 's', 3, 2);
    expect((await cached.readStream('s')).map((event) => event.streamRevision)).toEqual([0, 1, 2, 3, 4]);
    expect((await cached.readStream('s', { fromRevision: 3 })).map((event) => event.streamRevision)).toEqual([3, 4]);
  });

  it('holds at most its bound of events, forgetting the least recently read stream first', async () => {
    const counting = new CountingStore();
    const cached = new StreamCachingStore(counting, 10);
    await appendMany(counting, 'a', 0, 6);
    await appendMany(counting, 'b', 100, 6);
    await cached.readStream('a');
    await cached.readStream('b');
    counting.eventsRead = 0;
    await cached.readStream('b');
    expect(counting.eventsRead).toBe(0);
    await cached.readStream('a');
    expect(counting.eventsRead).toBe(6);
  });

  it('reads a stream longer than its bound whole each time, as without a cache', async () => {
    const counting = new CountingStore();
    const cached = new StreamCachingStore(counting, 4);
    await appendMany(counting, 'long', 0, 5);
    await cached.readStream('long');
    await cached.readStream('long');
    expect(counting.eventsRead).toBe(10);
  });

  it('reads from the store only the part asked for, when it does not hold the stream', async () => {
    const inner = new CountingStore();
    const store = new StreamCachingStore(inner, 10);
    await appendMany(inner, 'long', 0, 50);

    const tail = await store.readStream('long', { fromRevision: 45 });

    expect(tail.map((event) => event.streamRevision)).toEqual([45, 46, 47, 48, 49]);
    expect(inner.eventsRead).toBe(5);
  });

  it('keeps each revision once when reads of one stream overlap', async () => {
    const store = new StreamCachingStore(new InMemoryEventStore());
    await appendMany(store, 's', 0, 10);
    await store.readStream('s');
    await appendMany(store, 's', 10, 10);

    const reads = await Promise.all([store.readStream('s'), store.readStream('s'), store.readStream('s', { fromRevision: 15 })]);

    const all = Array.from({ length: 20 }, (_, revision) => revision);
    expect(reads[0].map((event) => event.streamRevision)).toEqual(all);
    expect(reads[1].map((event) => event.streamRevision)).toEqual(all);
    expect(reads[2].map((event) => event.streamRevision)).toEqual([15, 16, 17, 18, 19]);
    expect((await store.readStream('s')).map((event) => event.streamRevision)).toEqual(all);
  });

  it('keeps folded states apart from events, the furthest one per fold and stream, up to its bound', () => {
    const store = new StreamCachingStore(new InMemoryEventStore(), 10, 2);
    store.rememberFoldedState('f', 'a', 5, 'a@5');
    store.rememberFoldedState('f', 'a', 3, 'a@3');
    expect(store.foldedState('f', 'a')).toEqual({ length: 5, state: 'a@5' });
    store.rememberFoldedState('f', 'b', 1, 'b@1');
    store.foldedState('f', 'a');
    store.rememberFoldedState('g', 'a', 1, 'other fold');
    expect(store.foldedState('f', 'b')).toBeUndefined();
    expect(store.foldedState('f', 'a')).toEqual({ length: 5, state: 'a@5' });
    expect(store.foldedState('g', 'a')).toEqual({ length: 1, state: 'other fold' });
  });
});
