import { StoredEvent } from '../event-store.port';
import { AppendNotifier } from './append-notifier';
import { catchUpSubscription } from './catch-up-subscription';

/** A log in memory that counts how often it is read. */
class CountedLog {
  readonly notifier = new AppendNotifier();
  readonly batchSize = 100;
  reads = 0;
  private readonly events: StoredEvent[] = [];

  readAfter = async (after: number, limit: number): Promise<StoredEvent[]> => {
    this.reads += 1;
    return this.events.filter((event) => event.position > after).slice(0, limit);
  };

  append(): void {
    const position = this.events.length + 1;
    this.events.push({ position, stream: `s-${position}`, streamRevision: 0, eventId: `e-${position}`, type: 'Noted' } as StoredEvent);
    this.notifier.notify();
  }
}

/** Consumes a subscription in the background, keeping the positions it yields. */
function follow(log: CountedLog, readEveryMs: number | undefined, signal: AbortSignal): { positions: number[]; ended: Promise<void> } {
  const positions: number[] = [];
  const ended = (async () => {
    for await (const event of catchUpSubscription(log, { signal, readEveryMs })) positions.push(event.position);
  })();
  return { positions, ended };
}

describe('catchUpSubscription with readEveryMs', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('reads appends made within the interval together, once, and yields each of them in order', async () => {
    const log = new CountedLog();
    const controller = new AbortController();
    const followed = follow(log, 10, controller.signal);
    await jest.advanceTimersByTimeAsync(0);
    expect(log.reads).toBe(1);

    for (let index = 0; index < 5; index += 1) {
      log.append();
      await jest.advanceTimersByTimeAsync(1);
    }
    expect(log.reads).toBe(1);
    expect(followed.positions).toEqual([]);

    await jest.advanceTimersByTimeAsync(5);
    expect(log.reads).toBe(2);
    expect(followed.positions).toEqual([1, 2, 3, 4, 5]);

    controller.abort();
    await followed.ended;
  });

  it('reads at once when woken after the interval has passed, so a lone append is not delayed', async () => {
    const log = new CountedLog();
    const controller = new AbortController();
    const followed = follow(log, 10, controller.signal);
    await jest.advanceTimersByTimeAsync(1_000);

    log.append();
    await jest.advanceTimersByTimeAsync(0);

    expect(followed.positions).toEqual([1]);
    expect(log.reads).toBe(2);
    controller.abort();
    await followed.ended;
  });

  it('without it, reads as soon as each append wakes it', async () => {
    const log = new CountedLog();
    const controller = new AbortController();
    const followed = follow(log, undefined, controller.signal);
    await jest.advanceTimersByTimeAsync(0);

    for (let index = 0; index < 5; index += 1) {
      log.append();
      await jest.advanceTimersByTimeAsync(1);
    }

    expect(log.reads).toBe(6);
    expect(followed.positions).toEqual([1, 2, 3, 4, 5]);
    controller.abort();
    await followed.ended;
  });

  it('ends without reading again when the store closed while it waited for an append', async () => {
    const log = new CountedLog();
    const followed = follow(log, 60_000, new AbortController().signal);
    await jest.advanceTimersByTimeAsync(0);
    log.append();
    log.notifier.close();

    await followed.ended;

    expect(log.reads).toBe(1);
  });

  it('holds events back no longer than the interval when the wall clock is set back', async () => {
    const log = new CountedLog();
    const controller = new AbortController();
    const followed = follow(log, 10, controller.signal);
    await jest.advanceTimersByTimeAsync(0);
    jest.setSystemTime(new Date('2026-11-30T00:00:00Z'));

    log.append();
    await jest.advanceTimersByTimeAsync(10);

    expect(followed.positions).toEqual([1]);
    controller.abort();
    await followed.ended;
  });

  it('ends while it waits out the interval when the signal aborts', async () => {
    const log = new CountedLog();
    const controller = new AbortController();
    const followed = follow(log, 60_000, controller.signal);
    await jest.advanceTimersByTimeAsync(0);
    log.append();
    await jest.advanceTimersByTimeAsync(0);

    controller.abort();
    await followed.ended;

    expect(followed.positions).toEqual([]);
    expect(log.reads).toBe(1);
  });
});
