import { EventEmitter } from 'node:events';
import { EventStore, InMemoryEventStore } from '@concord/event-store';
import { EventFeed } from '../feed/event-feed';
import { EVERY_EVENT, readSelection } from '../feed/event-selection';
import { admitParticipants, conveneMeeting, establishBody } from '../testing/ledger-events';
import { LiveEventHub } from './live-event-hub';
import { DEFAULT_SSE_SETTINGS, SseSettings, SseSink } from './sse-sink';

/** A socket stand-in: keeps what is written; `stalled` makes it look like a client that stopped reading. */
class FakeSink extends EventEmitter implements SseSink {
  text = '';
  readonly chunks: (string | Uint8Array)[] = [];
  writes = 0;
  stalled = false;
  writableEnded = false;
  destroyed = false;

  get writableLength(): number {
    return this.stalled ? 10 * 1024 * 1024 : 0;
  }

  write(chunk: string | Uint8Array): boolean {
    this.chunks.push(chunk);
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.writes += 1;
    return !this.stalled;
  }

  end(chunk?: string): void {
    if (chunk !== undefined) this.text += chunk;
    this.writableEnded = true;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }

  /** The positions of the event messages received, in order. */
  get positions(): number[] {
    return [...this.text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
  }

  get messages(): { id: number; data: { position: number; bodyid: string; type: string } }[] {
    return [...this.text.matchAll(/^id: (\d+)\ndata: (.*)$/gm)].map((match) => ({ id: Number(match[1]), data: JSON.parse(match[2] ?? '{}') }));
  }
}

async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('LiveEventHub', () => {
  let store: InMemoryEventStore;
  let hub: LiveEventHub;

  async function startHub(settings: Partial<SseSettings> = {}): Promise<void> {
    hub = new LiveEventHub(store, new EventFeed(store, 'https://ledger.example.org'), { ...DEFAULT_SSE_SETTINGS, ...settings }, { warn: () => undefined });
    await hub.start();
  }

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await establishBody(store, 'kp');
  });

  afterEach(async () => {
    await hub.stop();
  });

  it('catches a subscriber up from its position, then follows live, every event once and in order, while writers append', async () => {
    await admitParticipants(store, 'kp', 600);
    await startHub();
    const sinks = [new FakeSink(), new FakeSink(), new FakeSink()];
    const writing = admitParticipants(store, 'kp', 300, 'live');
    hub.open(sinks[0] as FakeSink, 0, EVERY_EVENT);
    await new Promise((resolve) => setTimeout(resolve, 3));
    hub.open(sinks[1] as FakeSink, 250, EVERY_EVENT);
    await writing;
    hub.open(sinks[2] as FakeSink, 900, EVERY_EVENT);
    await admitParticipants(store, 'kp', 20, 'late');
    await eventually(() => sinks.every((sink) => sink.positions.at(-1) === 921), 'every subscriber at the head');
    expect(sinks[0]?.positions).toEqual(range(1, 921));
    expect(sinks[1]?.positions).toEqual(range(251, 921));
    expect(sinks[2]?.positions).toEqual(range(901, 921));
    expect(sinks[0]?.messages[0]?.data).toMatchObject({ position: 1, type: 'org.concordledger.BodyEstablished.v1', bodyid: 'kp' });
  });

  it('sends a subscriber only the types and body it asked for', async () => {
    await establishBody(store, 'other');
    await startHub();
    const sink = new FakeSink();
    hub.open(sink, 0, readSelection('MeetingConvened', 'kp').selection);
    await conveneMeeting(store, 'other', 'm-other');
    await admitParticipants(store, 'kp', 2);
    const kpMeeting = await conveneMeeting(store, 'kp', 'm-kp');
    await eventually(() => sink.positions.length === 1, 'the kp meeting');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sink.positions).toEqual([kpMeeting]);
  });

  it('gathers live events into one write per flush', async () => {
    await startHub({ flushMs: 30 });
    const sink = new FakeSink();
    hub.open(sink, 1, EVERY_EVENT);
    await eventually(() => hub.subscriberCount === 1 && sink.writes >= 1, 'the connection');
    const before = sink.writes;
    await admitParticipants(store, 'kp', 50);
    await eventually(() => sink.positions.length === 50, 'fifty events');
    expect(sink.writes - before).toBeLessThan(10);
  });

  it('tells a subscriber that stopped reading where it stopped, and lets it go, without holding anyone else back', async () => {
    await startHub({ bufferEvents: 10, flushMs: 1 });
    const slow = new FakeSink();
    const fast = new FakeSink();
    hub.open(slow, 1, EVERY_EVENT);
    hub.open(fast, 1, EVERY_EVENT);
    const first = await admitParticipants(store, 'kp', 3);
    await eventually(() => slow.positions.length === 3, 'the first three');
    slow.stalled = true;
    await admitParticipants(store, 'kp', 30);
    await eventually(() => slow.writableEnded, 'the overflow');
    expect(slow.text).toMatch(/event: overflow\ndata: \{"lastDeliveredPosition":(\d+),"lastDeliveredId":"\1","bufferedEvents":10,/);
    expect(fast.writableEnded).toBe(false);
    const lastDelivered = Number(/"lastDeliveredPosition":(\d+)/.exec(slow.text)?.[1]);
    expect(lastDelivered).toBe(slow.positions.at(-1));
    expect(lastDelivered).toBeGreaterThanOrEqual(first.at(-1) ?? 0);
    await eventually(() => fast.positions.length === 33, 'the fast subscriber');
    expect(hub.subscriberCount).toBe(1);
  });

  it('ends with why a stream resumed past a gap in the log, and the live streams once the log reads past one', async () => {
    await admitParticipants(store, 'kp', 5);
    // The row at position 3 removed by hand.
    const readAll: EventStore['readAll'] = async (options) => (await store.readAll(options)).filter((event) => event.position !== 3);
    const gapped = Object.assign(Object.create(store) as EventStore, { readAll });
    hub = new LiveEventHub(gapped, new EventFeed(gapped, 'https://ledger.example.org'), { ...DEFAULT_SSE_SETTINGS, flushMs: 1 }, { warn: () => undefined });
    await hub.start();
    const resumedPast = new FakeSink();
    hub.open(resumedPast, 4, EVERY_EVENT);
    await eventually(() => resumedPast.writableEnded, 'the resumed stream ended');
    expect(resumedPast.text).toMatch(/event: unreadable\ndata: \{"position":3,"detail":".*no event at position 3, but one at 4/);

    const live = new FakeSink();
    hub.open(live, 6, EVERY_EVENT);
    await eventually(() => hub.subscriberCount === 1, 'the live stream');
    await admitParticipants(store, 'kp', 1, 'late');
    await eventually(() => live.writableEnded, 'the live stream ended');
    expect(live.text).toMatch(/event: unreadable\ndata: \{"position":3,/);
    expect(live.positions).toEqual([]);
  });

  it('encodes a flush once for every subscriber following the same selection over the same span', async () => {
    await startHub({ flushMs: 20 });
    const [first, second, filtered] = [new FakeSink(), new FakeSink(), new FakeSink()];
    for (const sink of [first, second]) hub.open(sink, 1, EVERY_EVENT);
    hub.open(filtered, 1, readSelection('MeetingConvened', null).selection);
    await eventually(() => hub.subscriberCount === 3, 'three subscribers');
    await admitParticipants(store, 'kp', 5);
    await conveneMeeting(store, 'kp', 'shared-m');
    await eventually(() => first.positions.length === 6 && second.positions.length === 6 && filtered.positions.length === 1, 'the events');
    const lastOf = (sink: FakeSink): string | Uint8Array | undefined => sink.chunks.at(-1);
    expect(lastOf(first)).toBe(lastOf(second));
    expect(lastOf(filtered)).not.toBe(lastOf(first));
    expect(second.text).toBe(first.text);
  });

  it('has room for a key while it holds fewer streams than streamsPerOwner, and again once one ends', async () => {
    await startHub({ streamsPerOwner: 2 });
    const [first, second] = [new FakeSink(), new FakeSink()];
    hub.open(first, 1, EVERY_EVENT, 'key-a');
    expect(hub.hasRoomFor('key-a')).toBe(true);
    hub.open(second, 1, EVERY_EVENT, 'key-a');
    expect(hub.hasRoomFor('key-a')).toBe(false);
    expect(hub.hasRoomFor('key-b')).toBe(true);
    first.destroy();
    expect(hub.hasRoomFor('key-a')).toBe(true);
    await hub.stop();
    await startHub({ streamsPerOwner: 0 });
    for (let opened = 0; opened < 3; opened += 1) hub.open(new FakeSink(), 1, EVERY_EVENT, 'key-a');
    expect(hub.hasRoomFor('key-a')).toBe(true);
  });

  it('writes a heartbeat comment to an idle subscriber', async () => {
    await startHub({ heartbeatMs: 20 });
    const sink = new FakeSink();
    hub.open(sink, 1, EVERY_EVENT);
    await eventually(() => sink.text.includes(': heartbeat\n\n'), 'a heartbeat', 1000);
  });

  it('tells a filtered subscriber, at a heartbeat, how far it read past its last event, as an id to resume after, once per stretch', async () => {
    await startHub({ heartbeatMs: 30 });
    const filtered = new FakeSink();
    const everything = new FakeSink();
    hub.open(filtered, 1, readSelection('MeetingConvened', null).selection);
    hub.open(everything, 1, EVERY_EVENT);
    const caughtUp = await admitParticipants(store, 'kp', 3);
    const progress = (through: number): string => `event: progress\nid: ${through}\ndata: {"scannedThrough":${through}}\n\n`;
    await eventually(() => filtered.text.includes(progress(caughtUp[2] ?? 0)), 'the progress over the admissions');
    const meeting = await conveneMeeting(store, 'kp', 'm1');
    await eventually(() => filtered.positions.includes(meeting), 'the meeting');
    await eventually(() => filtered.text.split(': heartbeat').length > 2, 'heartbeats once nothing was passed over');
    expect(filtered.positions).toEqual([caughtUp[2], meeting]);
    expect(filtered.text.match(/event: progress/g)).toHaveLength(1);
    // An unfiltered subscriber is sent every event: its last id is always where it read to.
    expect(everything.text).not.toContain('event: progress');
  });

  it('writes ids as the position and the event id there to a subscriber that asks, in catch-up, live and in progress messages, beside one that reads positions', async () => {
    await startHub({ heartbeatMs: 30, flushMs: 20 });
    const [first] = await store.readAll({ after: 0, limit: 1 });
    await admitParticipants(store, 'kp', 2);
    const checked = new FakeSink();
    const filtered = new FakeSink();
    const positions = new FakeSink();
    hub.open(checked, 1, EVERY_EVENT, undefined, { form: 'position-and-event', afterEventId: first?.eventId ?? null });
    hub.open(filtered, 1, readSelection('MeetingConvened', null).selection, undefined, { form: 'position-and-event', afterEventId: first?.eventId ?? null });
    hub.open(positions, 1, EVERY_EVENT);
    await eventually(() => hub.subscriberCount === 3 && checked.text.split('\nid: ').length === 3, 'the catch-up');
    await admitParticipants(store, 'kp', 1);
    const log = await store.readAll();
    const idOf = (position: number): string => `${position}:${log[position - 1]?.eventId}`;
    await eventually(() => checked.text.includes(`id: ${idOf(4)}\n`) && positions.positions.length === 3, 'the live event');
    expect([...checked.text.matchAll(/^id: (.*)$/gm)].map((match) => match[1])).toEqual([idOf(2), idOf(3), idOf(4)]);
    expect(positions.positions).toEqual([2, 3, 4]);
    await eventually(() => filtered.text.includes(`event: progress\nid: ${idOf(4)}\ndata: {"scannedThrough":4}`), 'the progress over the admissions');
  });

  it('sends the events before one the ledger will not serve, then ends the stream saying why, live and on a reconnect; streams that do not select it go on', async () => {
    hub = new LiveEventHub(
      store,
      new EventFeed(store, 'https://ledger.example.org', (event) => (event.data['participantId'] === 'p1' ? 'written by hand' : undefined)),
      DEFAULT_SSE_SETTINGS,
      { warn: () => undefined },
    );
    await hub.start();
    const head = await store.headPosition();
    const admissions = new FakeSink();
    const meetings = new FakeSink();
    hub.open(admissions, head, readSelection('ParticipantAdmitted', null).selection);
    hub.open(meetings, head, readSelection('MeetingConvened', null).selection);
    await eventually(() => hub.subscriberCount === 2, 'both subscribers');
    // In one flush interval: the first is served, the second refused.
    const [served, refused] = await admitParticipants(store, 'kp', 2);
    const meeting = await conveneMeeting(store, 'kp', 'm1');
    await eventually(() => meetings.positions.includes(meeting), 'the meeting');
    const endsSayingWhy = (sink: FakeSink): void => {
      expect(sink.positions).toEqual([served]);
      expect(sink.writableEnded).toBe(true);
      expect(sink.text).toMatch(
        new RegExp(
          `event: unreadable\\ndata: \\{"position":${refused},"detail":"the log's event at position ${refused} cannot be read by this ledger \\(written by hand\\)`,
        ),
      );
    };
    await eventually(() => admissions.writableEnded, 'the live stream ended');
    endsSayingWhy(admissions);

    const reconnected = new FakeSink();
    hub.open(reconnected, head, readSelection('ParticipantAdmitted', null).selection);
    await eventually(() => reconnected.writableEnded, 'the reconnect ended');
    endsSayingWhy(reconnected);
  });

  it('forgets a subscriber whose connection closed', async () => {
    await startHub();
    const sink = new FakeSink();
    hub.open(sink, 1, EVERY_EVENT);
    await eventually(() => hub.subscriberCount === 1, 'the subscriber');
    sink.destroy();
    expect(hub.subscriberCount).toBe(0);
  });
});
