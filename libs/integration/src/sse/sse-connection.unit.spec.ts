import { EventEmitter } from 'node:events';
import { EVERY_EVENT } from '../feed/event-selection';
import { LAST_MESSAGE_LIMIT_MS, LAST_MESSAGE_PROGRESS_MS, SseConnection, SseIds } from './sse-connection';
import { DEFAULT_SSE_SETTINGS, SseSink } from './sse-sink';

/** A socket whose unsent bytes the test sets: a client reading slowly, or not at all. */
class SlowSink extends EventEmitter implements SseSink {
  text = '';
  writableLength = 0;
  writableEnded = false;
  destroyed = false;
  /** While set, every write is kept unsent, as by a client that stopped reading. */
  full = false;

  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (this.full) this.writableLength += chunk.length;
    return !this.full;
  }

  end(chunk?: string): void {
    this.write(chunk ?? '');
    this.writableEnded = true;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
}

const message = (position: number) => (): string => `id: ${position}\ndata: {}\n\n`;

/** Opens a connection on `sink` (from position 1), then offers events until it overflows. */
function overflowed(sink: SlowSink, ids?: SseIds): SseConnection {
  const connection = new SseConnection(
    sink,
    EVERY_EVENT,
    1,
    { ...DEFAULT_SSE_SETTINGS, bufferEvents: 3, flushMs: 0, socketHighWaterBytes: 10 },
    () => undefined,
    ids,
  );
  sink.full = true;
  for (let position = 2; connection.isOpen; position += 1) connection.offer(position, `event-${position}`, 'MemberAdmitted', 'kp', message(position));
  expect(sink.text).toContain('event: overflow');
  return connection;
}

describe('SseConnection overflowing', () => {
  it('names where to resume as the connection writes ids: the position, or the position and its event', () => {
    const positions = new SlowSink();
    overflowed(positions);
    expect(positions.text).toContain('"lastDeliveredPosition":2,');
    expect(positions.text).toContain('reconnect with Last-Event-ID: 2"');
    const checked = new SlowSink();
    overflowed(checked, { form: 'position-and-event', afterEventId: 'event-1' });
    expect(checked.text).toContain('"lastDeliveredPosition":2,');
    expect(checked.text).toContain('reconnect with Last-Event-ID: 2:event-2"');
  });
});

describe('SseConnection after its last message', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('leaves a client that keeps reading, however slowly, the time to reach the overflow message', () => {
    const sink = new SlowSink();
    overflowed(sink);
    for (let step = 0; step < 5; step += 1) {
      sink.writableLength = Math.floor(sink.writableLength / 2);
      jest.advanceTimersByTime(LAST_MESSAGE_PROGRESS_MS);
      expect(sink.destroyed).toBe(false);
    }
  });

  it('cuts off a client that takes nothing more', () => {
    const sink = new SlowSink();
    overflowed(sink);
    sink.writableLength -= 1;
    jest.advanceTimersByTime(LAST_MESSAGE_PROGRESS_MS);
    expect(sink.destroyed).toBe(false);
    jest.advanceTimersByTime(LAST_MESSAGE_PROGRESS_MS);
    expect(sink.destroyed).toBe(true);
  });

  it('cuts off a client that trickles for longer than the limit', () => {
    const sink = new SlowSink();
    sink.writableLength = 1e9;
    overflowed(sink);
    for (let waited = LAST_MESSAGE_PROGRESS_MS; waited < LAST_MESSAGE_LIMIT_MS; waited += LAST_MESSAGE_PROGRESS_MS) {
      sink.writableLength -= 1;
      jest.advanceTimersByTime(LAST_MESSAGE_PROGRESS_MS);
      expect(sink.destroyed).toBe(false);
    }
    sink.writableLength -= 1;
    jest.advanceTimersByTime(LAST_MESSAGE_PROGRESS_MS);
    expect(sink.destroyed).toBe(true);
  });

  it('stops watching once the socket has sent everything', () => {
    const sink = new SlowSink();
    overflowed(sink);
    sink.emit('close');
    jest.advanceTimersByTime(LAST_MESSAGE_LIMIT_MS);
    expect(sink.destroyed).toBe(false);
  });
});
