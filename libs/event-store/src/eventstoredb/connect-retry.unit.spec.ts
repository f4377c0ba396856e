import { aBatch } from '../contract/event-fixtures';
import { StoreUnavailableError } from '../event-store.errors';
import { DEFAULT_CONNECT_RETRY, RetryTiming, withConnectRetry } from './connect-retry';
import { toStoreError } from './esdb-errors';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { LOG_STREAM_NAME } from './stream-names';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { FakeUnavailableError } from './testing/fake-esdb-errors';
import { FakeEsdbServer } from './testing/fake-esdb-server';

/** A clock that moves only when the retry waits: the waits are the whole of the time spent. */
function fakeTiming(): RetryTiming & { readonly waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

/** What the store's log read fails with when the server is unavailable. */
const unavailable = () => toStoreError(new FakeUnavailableError(), 'reading the log');

describe('withConnectRetry', () => {
  it('waits twice as long after each failure, up to maxDelayMs, and cuts the last wait to the time left', async () => {
    const timing = fakeTiming();
    const attempt = jest.fn(() => Promise.reject(unavailable()));

    const error = await withConnectRetry(attempt, { forMs: 1000, initialDelayMs: 50, maxDelayMs: 300 }, timing).catch((caught: unknown) => caught);

    expect(timing.waits).toEqual([50, 100, 200, 300, 300, 50]);
    expect(attempt).toHaveBeenCalledTimes(7);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/could not be reached in 1000 ms \(7 attempts\)/);
    // The client's error, not the adapter's wrapper: it says why (gRPC 14).
    expect((error as Error).cause).toMatchObject({ type: 'unavailable', code: 14 });
  });

  it('defaults to about a minute, from 250 ms to 5 s', async () => {
    const timing = fakeTiming();

    await withConnectRetry(() => Promise.reject(unavailable()), {}, timing).catch(() => undefined);

    expect(DEFAULT_CONNECT_RETRY).toEqual({ forMs: 60_000, initialDelayMs: 250, maxDelayMs: 5000 });
    expect(timing.waits.slice(0, 6)).toEqual([250, 500, 1000, 2000, 4000, 5000]);
    expect(timing.waits.reduce((sum, wait) => sum + wait, 0)).toBe(60_000);
  });

  it('tells onRetry of each failed attempt, its error and the wait, before waiting', async () => {
    const timing = fakeTiming();
    const errors = [unavailable(), unavailable()];
    let calls = 0;
    const seen: Array<[number, unknown, number, number]> = [];

    const result = await withConnectRetry(
      async () => {
        const error = errors[calls];
        calls += 1;
        if (error !== undefined) throw error;
        return 'read';
      },
      { initialDelayMs: 10, onRetry: (attempt, error, delayMs) => seen.push([attempt, error, delayMs, timing.waits.length]) },
      timing,
    );

    expect(result).toBe('read');
    expect(seen).toEqual([
      [1, errors[0], 10, 0],
      [2, errors[1], 20, 1],
    ]);
  });

  it('fails at once, with the error unchanged, when the error is not transient or forMs is 0', async () => {
    const denied = Object.assign(new Error('access denied'), { type: 'access-denied' });
    const onRetry = jest.fn();
    const first = unavailable();

    await expect(withConnectRetry(() => Promise.reject(denied), { onRetry }, fakeTiming())).rejects.toBe(denied);
    await expect(withConnectRetry(() => Promise.reject(first), { forMs: 0, onRetry }, fakeTiming())).rejects.toBe(first);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('refuses negative or infinite settings', async () => {
    await expect(withConnectRetry(async () => 1, { forMs: -1 })).rejects.toBeInstanceOf(TypeError);
    await expect(withConnectRetry(async () => 1, { maxDelayMs: Number.POSITIVE_INFINITY })).rejects.toBeInstanceOf(TypeError);
  });
});

describe('EventStoreDbEventStore retrying its first connection', () => {
  const logReads = (client: FakeEsdbClient) => client.calls.filter((call) => call.operation === 'readStream' && call.streamName === LOG_STREAM_NAME);

  it('opens once the server answers, after retrying the log read while it was unavailable', async () => {
    const server = new FakeEsdbServer();
    const writer = await EventStoreDbEventStore.over(new FakeEsdbClient(server));
    await writer.append('s', aBatch(2), { expectedRevision: 'no-stream' });
    await writer.close();
    const client = new FakeEsdbClient(server);
    client.failNext('readStream', { streamName: LOG_STREAM_NAME, times: 3 });
    const retries: Array<[number, number, unknown]> = [];

    const store = await EventStoreDbEventStore.over(client, {
      connectRetry: { initialDelayMs: 1, onRetry: (attempt, error, delayMs) => retries.push([attempt, delayMs, error]) },
    });

    expect(await store.headPosition()).toBe(2);
    expect(retries.map(([attempt, delayMs]) => [attempt, delayMs])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
    expect(retries[0]?.[2]).toBeInstanceOf(StoreUnavailableError);
    expect(logReads(client).length).toBeGreaterThanOrEqual(4);
    await store.close();
  });

  it('does not retry an error that waiting would not clear, and disposes the client', async () => {
    const client = new FakeEsdbClient();
    const denied = Object.assign(new Error('access denied'), { type: 'access-denied' });
    client.failNext('readStream', { error: denied, times: 5 });
    const onRetry = jest.fn();

    await expect(EventStoreDbEventStore.over(client, { connectRetry: { initialDelayMs: 1, onRetry } })).rejects.toBe(denied);

    expect(onRetry).not.toHaveBeenCalled();
    expect(logReads(client)).toHaveLength(1);
    expect(client.isDisposed).toBe(true);
  });

  it('fails with StoreUnavailableError, disposing the client, once the retry budget is spent', async () => {
    const client = new FakeEsdbClient();
    client.failNext('readStream', { times: Number.POSITIVE_INFINITY });
    const onRetry = jest.fn();

    const opening = EventStoreDbEventStore.over(client, { connectRetry: { forMs: 40, initialDelayMs: 5, maxDelayMs: 10, onRetry } });

    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opening).rejects.toMatchObject({ cause: { code: 14 } });
    expect(onRetry.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(logReads(client)).toHaveLength(onRetry.mock.calls.length + 1);
    expect(client.isDisposed).toBe(true);
  });
});
