import { positionsFrom, rejectionOf } from '../contract/contract-context';
import { aBatch, anEvent } from '../contract/event-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { SubscriptionProbe } from '../contract/subscription-probe';
import { ConcurrencyError, DuplicateEventIdError, StoreUnavailableError } from '../event-store.errors';
import { AppendResult } from '../event-store.port';
import { eventRecordId, linkRecordId } from './deterministic-id';
import { EventStoreDbEventStore, EventStoreDbEventStoreOptions } from './eventstoredb-event-store';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { LOG_STREAM_NAME } from './stream-names';
import { EsdbReadStreamOptions, EsdbResolvedEvent } from './esdb-client.port';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { FakeWrongExpectedVersionError } from './testing/fake-esdb-errors';
import { FakeEsdbServer, textOf } from './testing/fake-esdb-server';

describeEventStoreContract('EventStoreDbEventStore over the fake client', () => EventStoreDbEventStore.over(new FakeEsdbClient()));

const LOG = LOG_STREAM_NAME;

describe('EventStoreDbEventStore over the fake client', () => {
  let server: FakeEsdbServer;
  let opened: EventStoreDbEventStore[];
  let probes: SubscriptionProbe[];

  /** An instance with a connection of its own to the shared fake server: another process, in effect. */
  const open = async (client = new FakeEsdbClient(server), options: EventStoreDbEventStoreOptions = {}): Promise<EventStoreDbEventStore> => {
    const store = await EventStoreDbEventStore.over(client, { resubscribe: { initialDelayMs: 1 }, ...options });
    opened.push(store);
    return store;
  };
  const subscribe = (store: EventStoreDbEventStore, after?: number): SubscriptionProbe => {
    const probe = new SubscriptionProbe((signal) => store.subscribe({ after, signal }));
    probes.push(probe);
    return probe;
  };
  const logAppends = (client: FakeEsdbClient) => client.calls.filter((call) => call.operation === 'appendToStream' && call.streamName === LOG);

  beforeEach(() => {
    server = new FakeEsdbServer();
    opened = [];
    probes = [];
  });

  afterEach(async () => {
    await Promise.all(probes.map((probe) => probe.stop().catch(() => undefined)));
    for (const store of opened) await store.close();
  });

  describe('on EventStoreDB', () => {
    it('commits each append as one write to the log, expecting the revision it last read, as a bigint', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);

      await store.append('a', aBatch(2), { expectedRevision: 'no-stream' });
      await store.append('b', aBatch(1), { expectedRevision: 'no-stream' });

      expect(logAppends(client).map((call) => call.expectedRevision)).toEqual(['no_stream', 1n]);
      expect(server.records(LOG)?.map((record) => record.revision)).toEqual([0n, 1n, 2n]);
    });

    it('numbers positions 1, 2, 3… whatever the sparse bigint positions of the transaction log', async () => {
      const store = await open();

      await store.append('a', aBatch(3), { expectedRevision: 'no-stream' });

      const commits = server.records(LOG)?.map((record) => record.position.commit) ?? [];
      expect(commits.every((commit, index) => index === 0 || commit > (commits[index - 1] ?? 0n) + 1n)).toBe(true);
      expect((await store.readAll()).map((event) => event.position)).toEqual([1, 2, 3]);
    });

    it("derives EventStoreDB's event ids from the command id and keeps the application's ids in the envelope", async () => {
      const store = await open();
      const events = aBatch(2, { commandId: 'command-1' });

      await store.append('s', events, { expectedRevision: 'no-stream' });

      const derived = [eventRecordId('command-1', 0), eventRecordId('command-1', 1)];
      expect(server.records(LOG)?.map((record) => record.id)).toEqual(derived);
      expect(server.records('s')?.map((record) => record.id)).toEqual([linkRecordId('command-1', 0), linkRecordId('command-1', 1)]);
      const envelopes = server.records(LOG)?.map((record) => (JSON.parse(textOf(record.metadata)) as Record<string, unknown>)['$concord']);
      expect(envelopes).toEqual([
        { v: 1, stream: 's', streamRevision: 0, position: 1, eventId: events[0]?.eventId, schemaVersion: 1, batch: { firstPosition: 1, size: 2 } },
        { v: 1, stream: 's', streamRevision: 1, position: 2, eventId: events[1]?.eventId, schemaVersion: 1, batch: { firstPosition: 1, size: 2 } },
      ]);
      expect((await store.readStream('s')).map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
    });

    it('accepts application event ids that are not UUIDs', async () => {
      const store = await open();

      await store.append('s', [anEvent({ eventId: 'not-a-uuid' })], { expectedRevision: 'no-stream' });

      expect((await store.readStream('s'))[0]?.eventId).toBe('not-a-uuid');
    });

    it('refuses the log name and $ system streams as ledger streams, and reads them as empty', async () => {
      const store = await open();
      await store.append('a', aBatch(1), { expectedRevision: 'no-stream' });

      await expect(store.append(LOG, aBatch(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);
      await expect(store.append('$settings', aBatch(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);
      expect(await store.readStream(LOG)).toEqual([]);
      expect(await store.readStream('$settings')).toEqual([]);
    });

    it('refuses $-prefixed event types, which EventStoreDB reserves for system events and links', async () => {
      const store = await open();

      await expect(store.append('s', [anEvent({ type: '$>' })], { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);
      expect(await store.headPosition()).toBe(0);
    });

    it('keeps ledgers with different namespaces apart on one server', async () => {
      const one = await open(new FakeEsdbClient(server), { namespace: 'one-' });
      const two = await open(new FakeEsdbClient(server), { namespace: 'two-' });

      await one.append('s', aBatch(2), { expectedRevision: 'no-stream' });
      await two.append('s', aBatch(1), { expectedRevision: 'no-stream' });

      expect(await one.headPosition()).toBe(2);
      expect(await two.readStream('s')).toHaveLength(1);
      expect(server.streamNames().sort()).toEqual([`one-${LOG}`, 'one-s', `two-${LOG}`, 'two-s']);
    });
  });

  describe('several instances on one server', () => {
    it('keeps positions gapless when instances race for the log, retrying on the lost race', async () => {
      const clients = [new FakeEsdbClient(server), new FakeEsdbClient(server)];
      const [one, two] = [await open(clients[0]), await open(clients[1])];

      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? one : two).append(`s-${index}`, aBatch(2), { expectedRevision: 'no-stream' })),
      );

      const claimed = results.flatMap((result: AppendResult) => positionsFrom(result.firstPosition, result.lastPosition)).sort((a, b) => a - b);
      expect(claimed).toEqual(positionsFrom(1, 20));
      expect((await two.readAll()).map((event) => event.position)).toEqual(positionsFrom(1, 20));
      // Lost races show as more log writes than appends: each loser re-read the log and tried again.
      expect(clients.flatMap(logAppends).length).toBeGreaterThan(10);
    });

    it('waits before trying again after each race it lost, longer as it keeps losing', async () => {
      const waits: number[][] = [[], []];
      const clients = [new FakeEsdbClient(server), new FakeEsdbClient(server)];
      const stores = await Promise.all(clients.map((client, index) => open(client, { conflictBackoff: async (attempt) => void waits[index]?.push(attempt) })));

      await Promise.all(Array.from({ length: 10 }, (_, index) => stores[index % 2]?.append(`s-${index}`, aBatch(1), { expectedRevision: 'no-stream' })));

      // One wait per lost race: log writes beyond the ten appends are the retries.
      const lost = clients.flatMap(logAppends).length - 10;
      expect(waits.flat().length).toBe(lost);
      expect(lost).toBeGreaterThan(0);
      for (const attempts of waits) for (const attempt of attempts) expect(attempt).toBeGreaterThanOrEqual(1);
    });

    it('gives ConcurrencyError with the actual revision when another instance committed to the stream first', async () => {
      const one = await open();
      const two = await open();
      await one.append('s', aBatch(1), { expectedRevision: 'no-stream' });

      const outcomes = await Promise.allSettled([one.append('s', aBatch(1), { expectedRevision: 0 }), two.append('s', aBatch(1), { expectedRevision: 0 })]);

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(lost?.reason).toBeInstanceOf(ConcurrencyError);
      expect(lost?.reason).toMatchObject({ stream: 's', expectedRevision: 0, actualRevision: 1 });
      expect(await two.readStream('s')).toHaveLength(2);
    });

    it('writes a command once when two instances append it concurrently, even to different streams', async () => {
      const one = await open();
      const two = await open();

      const [first, second] = await Promise.all([
        one.append('s', aBatch(2, { commandId: 'command-1' }), { expectedRevision: 'any' }),
        two.append('t', aBatch(2, { commandId: 'command-1' }), { expectedRevision: 'any' }),
      ]);

      expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
      expect(second).toEqual({ ...first, duplicate: second.duplicate });
      expect(await one.headPosition()).toBe(2);
      expect(await two.findCommand('command-1')).toEqual({ ...first, duplicate: false });
    });

    it('refuses an event id another instance committed', async () => {
      const one = await open();
      const two = await open();
      const event = anEvent();
      await one.append('s', [event], { expectedRevision: 'no-stream' });

      const error = await rejectionOf(two.append('t', [{ ...event, metadata: { ...event.metadata, commandId: 'other' } }], { expectedRevision: 'no-stream' }));

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(await two.headPosition()).toBe(1);
    });

    it("delivers another instance's appends to a live subscription", async () => {
      const reader = await open();
      const writer = await open();
      const probe = subscribe(reader);

      await writer.append('s', aBatch(3), { expectedRevision: 'no-stream' });

      await probe.waitForCount(3);
      expect(probe.positions).toEqual([1, 2, 3]);
    });
  });

  describe('errors', () => {
    it('fails an append with StoreUnavailableError when the server is unavailable (gRPC 14), writing nothing', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      client.failNext('appendToStream', { streamName: LOG });

      const error = await rejectionOf(store.append('s', aBatch(1), { expectedRevision: 'no-stream' }));

      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).cause).toMatchObject({ type: 'unavailable', code: 14 });
      expect(await store.headPosition()).toBe(0);
      await expect(store.append('s', aBatch(1), { expectedRevision: 'no-stream' })).resolves.toMatchObject({ firstPosition: 1 });
    });

    it('answers the retry of a command as a duplicate when the first attempt committed but its answer was lost', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      const firstAttempt = aBatch(2, { commandId: 'command-1' });
      client.failNext('appendToStream', { streamName: LOG, afterCommit: true });

      await expect(store.append('s', firstAttempt, { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(StoreUnavailableError);
      // The retry is built anew, with new event ids, and its expected revision is now stale.
      const retry = await store.append('s', aBatch(2, { commandId: 'command-1' }), { expectedRevision: 'no-stream' });

      expect(retry).toMatchObject({ duplicate: true, firstPosition: 1, lastPosition: 2, eventIds: firstAttempt.map((event) => event.eventId) });
      expect(await store.headPosition()).toBe(2);
      expect(await store.readStream('s')).toHaveLength(2);
    });

    it('fails reads with StoreUnavailableError when the server is unavailable', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      await store.append('s', aBatch(1, { commandId: 'command-1' }), { expectedRevision: 'no-stream' });

      for (const read of [() => store.readStream('s'), () => store.readAll(), () => store.headPosition(), () => store.findCommand('command-1')]) {
        client.failNext('readStream');
        await expect(read()).rejects.toBeInstanceOf(StoreUnavailableError);
      }
      expect(await store.findCommand('command-1')).toMatchObject({ firstPosition: 1 });
    });

    it('fails to open with StoreUnavailableError, disposing the client, when the server cannot be reached and retrying is off', async () => {
      const client = new FakeEsdbClient(server);
      client.failNext('readStream');

      await expect(EventStoreDbEventStore.over(client, { connectRetry: { forMs: 0 } })).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(client.isDisposed).toBe(true);
    });

    it('passes on client errors that waiting would not clear', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      const denied = Object.assign(new Error('access denied'), { type: 'access-denied' });
      client.failNext('appendToStream', { streamName: LOG, error: denied });

      await expect(store.append('s', aBatch(1), { expectedRevision: 'any' })).rejects.toBe(denied);
    });

    it('reports events written around the adapter, in a stream or in the log, as LedgerIntegrityError', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });
      const foreign = { id: eventRecordId('foreign', 0), contentType: 'application/json' as const, type: 'Foreign', data: {}, metadata: undefined };

      await client.appendToStream('s', [foreign], { expectedRevision: 'any' });
      await expect(store.readStream('s')).rejects.toBeInstanceOf(LedgerIntegrityError);

      await client.appendToStream(LOG, [foreign], { expectedRevision: 'any' });
      await expect(store.readAll()).rejects.toBeInstanceOf(LedgerIntegrityError);
      await expect(store.headPosition()).rejects.toBeInstanceOf(LedgerIntegrityError);
    });
  });

  describe('stream copies', () => {
    it("stands by a committed append whose stream copy failed, and copies it on the stream's next read", async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      client.failNext('appendToStream', { streamName: 's' });

      const result = await store.append('s', aBatch(2), { expectedRevision: 'no-stream' });

      expect(result).toMatchObject({ duplicate: false, firstPosition: 1, lastPosition: 2 });
      expect(server.records('s')).toBeUndefined();
      expect((await store.readStream('s')).map((event) => event.position)).toEqual([1, 2]);
      // The repair writes links, as the append would have.
      expect(server.records('s')?.map((record) => [record.type, textOf(record.data)])).toEqual([
        ['$>', `0@${LOG}`],
        ['$>', `1@${LOG}`],
      ]);
    });

    it('copies the appends another instance left uncopied before its own', async () => {
      const failing = new FakeEsdbClient(server);
      const one = await open(failing);
      const two = await open();
      failing.failNext('appendToStream', { streamName: 's' });
      await one.append('s', aBatch(2), { expectedRevision: 'no-stream' });

      await two.append('s', aBatch(1), { expectedRevision: 1 });

      expect(server.records('s')?.map((record) => [record.revision, record.type])).toEqual([
        [0n, '$>'],
        [1n, '$>'],
        [2n, '$>'],
      ]);
      expect((await one.readStream('s')).map((event) => event.position)).toEqual([1, 2, 3]);
    });

    it('checks the stream itself when EventStoreDB does not recognise a repeated copy write', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      const forgotten = () => new FakeWrongExpectedVersionError('s', 'no_stream', 1n);
      // The first copy write is refused; the repair's write lands but is answered as a conflict,
      // as from a server that no longer remembers the ids it holds.
      client.failNext('appendToStream', { streamName: 's', error: forgotten() });
      client.failNext('appendToStream', { streamName: 's', error: forgotten(), afterCommit: true });

      await store.append('s', aBatch(2), { expectedRevision: 'no-stream' });

      expect(server.records('s')).toHaveLength(2);
      expect((await store.readStream('s')).map((event) => event.position)).toEqual([1, 2]);
    });
  });

  describe('partial reads', () => {
    /** A store whose copy of `s` holds its first `copied` events and lacks the `uncopied` appended after them. */
    const openWithLaggingCopy = async (copied: number, uncopied: number): Promise<{ client: FakeEsdbClient; store: EventStoreDbEventStore }> => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      await store.append('s', aBatch(copied), { expectedRevision: 'no-stream' });
      client.failNext('appendToStream', { streamName: 's' });
      await store.append('s', aBatch(uncopied), { expectedRevision: copied - 1 });
      return { client, store };
    };
    /** A server whose reads of `s` (forward ones only, unless `backwardsToo`) return only the entries `keep` accepts. */
    class FilteringClient extends FakeEsdbClient {
      constructor(
        server: FakeEsdbServer,
        private readonly keep: (resolved: EsdbResolvedEvent) => boolean,
        private readonly backwardsToo: boolean,
      ) {
        super(server);
      }

      override readStream(streamName: string, options: EsdbReadStreamOptions = {}): AsyncIterable<EsdbResolvedEvent> {
        const read = super.readStream(streamName, options);
        if (streamName !== 's' || (options.direction === 'backwards' && !this.backwardsToo)) return read;
        const keep = this.keep;
        return (async function* () {
          for await (const resolved of read) if (keep(resolved)) yield resolved;
        })();
      }
    }
    const copyReads = (client: FakeEsdbClient) =>
      client.calls
        .filter((call) => call.operation === 'readStream' && call.streamName === 's')
        .map(({ fromRevision, maxCount }) => ({ fromRevision, maxCount }));

    it('reads the copy from the revision asked for, and no further than the limit', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      for (let revision = -1; revision < 19; revision += 5) await store.append('s', aBatch(5), { expectedRevision: revision < 0 ? 'no-stream' : revision });

      expect((await store.readStream('s', { fromRevision: 15 })).map((event) => event.streamRevision)).toEqual([15, 16, 17, 18, 19]);
      expect((await store.readStream('s', { fromRevision: 7, limit: 2 })).map((event) => event.streamRevision)).toEqual([7, 8]);
      expect(await store.readStream('s', { fromRevision: 20 })).toEqual([]);

      expect(copyReads(client)).toEqual([
        { fromRevision: 15n, maxCount: undefined },
        { fromRevision: 7n, maxCount: 2 },
        { fromRevision: 20n, maxCount: undefined },
      ]);
    });

    it('brings a lagging copy level when a partial read finds it short, and reads the range again', async () => {
      const { client, store } = await openWithLaggingCopy(3, 3);
      expect(server.records('s')).toHaveLength(3);

      expect((await store.readStream('s', { fromRevision: 2, limit: 3 })).map((event) => event.position)).toEqual([3, 4, 5]);

      expect(server.records('s')).toHaveLength(6);
      expect(copyReads(client).filter((read) => read.fromRevision === 2n)).toHaveLength(2);
    });

    it('reads nothing more when the range asked for lies within what a lagging copy holds', async () => {
      const { client, store } = await openWithLaggingCopy(3, 3);

      expect((await store.readStream('s', { fromRevision: 1, limit: 2 })).map((event) => event.position)).toEqual([2, 3]);

      expect(server.records('s')).toHaveLength(3);
      expect(copyReads(client)).toEqual([{ fromRevision: 1n, maxCount: 2 }]);
    });

    it('links a lagging copy up when the range asked for starts past its end', async () => {
      const { store } = await openWithLaggingCopy(2, 3);

      expect((await store.readStream('s', { fromRevision: 3 })).map((event) => event.position)).toEqual([4, 5]);
      expect(server.records('s')).toHaveLength(5);
    });

    it("reports an entry written to the copy past the log, as its stream's next event, when a read reaches it", async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      await store.append('s', aBatch(3), { expectedRevision: 'no-stream' });
      // A full copy of the log's third event, as earlier versions wrote them, numbered as s@3: well
      // formed, but the log holds no s@3.
      const third = server.recordAt(LOG, 2)!;
      const metadata = JSON.parse(textOf(third.metadata)) as { $concord: { streamRevision: number } };
      metadata.$concord.streamRevision = 3;
      const data = JSON.parse(textOf(third.data)) as Record<string, unknown>;
      await client.appendToStream('s', [{ id: eventRecordId('foreign', 0), contentType: 'application/json', type: third.type, data, metadata }], {
        expectedRevision: 2n,
      });

      await expect(store.readStream('s', { fromRevision: 2 })).rejects.toThrow(/holds at least 4 events, the log 3/);
      await expect(store.readStream('s', { fromRevision: 2, limit: 5 })).rejects.toBeInstanceOf(LedgerIntegrityError);
      expect((await store.readStream('s', { fromRevision: 1, limit: 2 })).map((event) => event.position)).toEqual([2, 3]);
    });

    it('reports a copy whose entries do not start at the revision asked for (truncated by stream metadata, say)', async () => {
      // A server that has truncated `s` before revision 2, as `$tb` would.
      const truncating = new FilteringClient(server, (resolved) => (resolved.link?.revision ?? resolved.event?.revision ?? 0n) >= 2n, true);
      const store = await open(truncating);
      await store.append('s', aBatch(4), { expectedRevision: 'no-stream' });

      await expect(store.readStream('s')).rejects.toThrow(/holds s@2 where s@0 belongs/);
      await expect(store.readStream('s', { fromRevision: 1 })).rejects.toBeInstanceOf(LedgerIntegrityError);
      expect((await store.readStream('s', { fromRevision: 2 })).map((event) => event.position)).toEqual([3, 4]);
    });

    it('reports a copy that still reads short after it was linked up (a server that ends forward reads early, say)', async () => {
      // A server whose forward reads of `s` stop before its last entry, though a backwards read finds it.
      const client = new FilteringClient(server, (resolved) => (resolved.link?.revision ?? 0n) < 3n, false);
      const store = await open(client);
      await store.append('s', aBatch(4), { expectedRevision: 'no-stream' });

      await expect(store.readStream('s', { fromRevision: 1 })).rejects.toThrow(/holds 2 of the 3 events the log has from s@1/);
      expect(client.calls.filter((call) => call.operation === 'appendToStream' && call.streamName === 's')).toHaveLength(1);
    });
  });

  describe('subscribe', () => {
    it('resubscribes from the last event it yielded when the subscription drops', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      await store.append('a', aBatch(2), { expectedRevision: 'no-stream' });
      const probe = subscribe(store);
      await probe.waitForCount(2);

      client.dropSubscriptions();
      await store.append('a', aBatch(2), { expectedRevision: 1 });
      await probe.waitForCount(4);

      expect(probe.positions).toEqual([1, 2, 3, 4]);
      const subscriptions = client.calls.filter((call) => call.operation === 'subscribeToStream');
      expect(subscriptions.map((call) => call.fromRevision)).toEqual(['start', 1n]);
    });

    it('resubscribes when the server ends the subscription', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      const probe = subscribe(store);
      await store.append('a', aBatch(1), { expectedRevision: 'no-stream' });
      await probe.waitForCount(1);

      client.endSubscriptions();
      await store.append('a', aBatch(1), { expectedRevision: 0 });

      await probe.waitForCount(2);
      expect(probe.positions).toEqual([1, 2]);
    });

    it('resubscribes from where it was asked to start when the first subscription fails at once', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      await store.append('a', aBatch(3), { expectedRevision: 'no-stream' });
      client.failNext('subscribeToStream');

      const probe = subscribe(store, 1);
      await probe.waitForCount(2);

      expect(probe.positions).toEqual([2, 3]);
      expect(client.calls.filter((call) => call.operation === 'subscribeToStream').map((call) => call.fromRevision)).toEqual([0n, 0n]);
    });

    it('fails the iteration with StoreUnavailableError once the subscription has dropped too often in a row', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client, { resubscribe: { initialDelayMs: 1, maxAttempts: 2 } });
      client.failNext('subscribeToStream', { times: 3 });

      const probe = subscribe(store);

      await expect(probe.waitForCount(1)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(client.openSubscriptions).toBe(0);
    });

    it('does not resubscribe after an error that waiting would not clear', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      const foreign = { id: eventRecordId('foreign', 0), contentType: 'application/json' as const, type: 'Foreign', data: {}, metadata: undefined };
      await client.appendToStream(LOG, [foreign], { expectedRevision: 'no_stream' });

      await expect(subscribe(store).waitForCount(1)).rejects.toBeInstanceOf(LedgerIntegrityError);
      expect(client.calls.filter((call) => call.operation === 'subscribeToStream')).toHaveLength(1);
    });

    it('unsubscribes when the consumer stops iterating', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      await store.append('a', aBatch(3), { expectedRevision: 'no-stream' });

      for await (const event of store.subscribe()) {
        if (event.position === 2) break;
      }

      expect(client.openSubscriptions).toBe(0);
    });
  });
});
