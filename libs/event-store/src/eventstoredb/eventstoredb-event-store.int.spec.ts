/**
 * The contract on a real EventStoreDB, started with testcontainers. Where no Docker engine answers,
 * the suite is registered with `describe.skip` under a title that says so, so that Jest reports
 * its tests as skipped (never as passed) and a warning names the reason; with
 * CONCORD_REQUIRE_ESDB=1 the file fails instead. The last block needs no server at all and always
 * runs: it checks the real client's "unreachable" errors map to `StoreUnavailableError`.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { GenericContainer, StartedTestContainer, Wait } from 'testcontainers';
import { positionsFrom } from '../contract/contract-context';
import { aBatch } from '../contract/event-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { StoreUnavailableError } from '../event-store.errors';
import { openStore } from '../open-store';
import { createEsdbClient, processEsdbClients } from './esdb-client';
import { readExisting } from './esdb-reads';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { SharedEsdbClients } from './shared-esdb-clients';
import { detectDockerEngine } from './testing/docker-engine';

const IMAGE = 'eventstore/eventstore:24.10';
const engine = detectDockerEngine();

if (!engine.available && process.env['CONCORD_REQUIRE_ESDB'] === '1') {
  throw new Error(`CONCORD_REQUIRE_ESDB=1, but no Docker engine can run EventStoreDB: ${engine.reason}`);
}
if (!engine.available) {
  console.warn(`EventStoreDB contract on a real server SKIPPED: no Docker engine (${engine.reason}). Set CONCORD_REQUIRE_ESDB=1 to make this a failure.`);
}

const describeOnServer = engine.available ? describe : describe.skip;
const title = engine.available
  ? `EventStoreDB contract on a real server (${IMAGE})`
  : `EventStoreDB contract on a real server — SKIPPED: no Docker engine (${engine.reason})`;

describeOnServer(title, () => {
  let container: StartedTestContainer | undefined;
  let connectionString = '';
  const opened: EventStoreDbEventStore[] = [];

  /** A namespace of its own makes each store a fresh, empty ledger on the one server. */
  const openFresh = (namespace = `t-${randomUUID()}-`): Promise<EventStoreDbEventStore> => EventStoreDbEventStore.open({ connectionString, namespace });

  beforeAll(async () => {
    container = await new GenericContainer(IMAGE)
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
        EVENTSTORE_START_STANDARD_PROJECTIONS: 'false',
        EVENTSTORE_MEM_DB: 'true',
        EVENTSTORE_CLUSTER_SIZE: '1',
        EVENTSTORE_NODE_PORT: '2113',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCodeMatching((status) => status >= 200 && status < 300))
      .withStartupTimeout(120_000)
      .start();
    connectionString = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    await untilWritable(openFresh);
  }, 180_000);

  afterAll(async () => {
    for (const store of opened) await store.close();
    await container?.stop();
  }, 60_000);

  describeEventStoreContract(`EventStoreDbEventStore on ${IMAGE}`, () => openFresh());

  describe('on a real server', () => {
    /** Two instances of one ledger, each on a connection of its own, as two processes would be. */
    const openTwo = async (): Promise<[EventStoreDbEventStore, EventStoreDbEventStore]> => {
      const namespace = `t-${randomUUID()}-`;
      const elsewhere = new SharedEsdbClients(createEsdbClient);
      const pair: [EventStoreDbEventStore, EventStoreDbEventStore] = [
        await openFresh(namespace),
        await EventStoreDbEventStore.open({ connectionString, namespace, clients: elsewhere }),
      ];
      opened.push(...pair);
      return pair;
    };

    it('keeps positions gapless when two instances (two connections) race for the log', async () => {
      const [one, two] = await openTwo();

      await Promise.all(
        Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? one : two).append(`s-${index}`, aBatch(2), { expectedRevision: 'no-stream' })),
      );

      expect((await one.readAll()).map((event) => event.position)).toEqual(positionsFrom(1, 20));
    });

    it('writes a command once when two instances append it concurrently to different streams', async () => {
      const [one, two] = await openTwo();

      const results = await Promise.all([
        one.append('s', aBatch(2, { commandId: 'command-1' }), { expectedRevision: 'any' }),
        two.append('t', aBatch(2, { commandId: 'command-1' }), { expectedRevision: 'any' }),
      ]);

      expect(results.map((result) => result.duplicate).sort()).toEqual([false, true]);
      expect(await two.headPosition()).toBe(2);
    });

    it('keeps each ledger stream as an ordinary EventStoreDB stream of links to the log, revisions from 0', async () => {
      const namespace = `t-${randomUUID()}-`;
      const store = await openFresh(namespace);
      opened.push(store);
      await store.append('proposal-1', aBatch(3), { expectedRevision: 'no-stream' });

      const client = createEsdbClient(connectionString);
      try {
        const raw: Array<[bigint | undefined, string | undefined, boolean | undefined, string]> = [];
        for await (const { event } of readExisting(client, `${namespace}proposal-1`)) {
          raw.push([event?.revision, event?.type, event?.isJson, Buffer.from(event?.data as Uint8Array).toString('utf8')]);
        }
        const log = `${namespace}concord-ledger`;
        expect(raw).toEqual([
          [0n, '$>', false, `0@${log}`],
          [1n, '$>', false, `1@${log}`],
          [2n, '$>', false, `2@${log}`],
        ]);
        const resolved: Array<[string | undefined, bigint | undefined, bigint | undefined]> = [];
        for await (const { event, link } of readExisting(client, `${namespace}proposal-1`, { resolveLinkTos: true })) {
          resolved.push([event?.streamId, event?.revision, link?.revision]);
        }
        expect(resolved).toEqual([
          [log, 0n, 0n],
          [log, 1n, 1n],
          [log, 2n, 2n],
        ]);
      } finally {
        await client.dispose();
      }
    });

    it('reports a link to an event the server cannot find as LedgerIntegrityError', async () => {
      const namespace = `t-${randomUUID()}-`;
      const store = await openFresh(namespace);
      opened.push(store);
      await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });

      const client = createEsdbClient(connectionString);
      try {
        const dangling = {
          id: randomUUID(),
          contentType: 'application/octet-stream' as const,
          type: '$>',
          data: new TextEncoder().encode(`99@${namespace}concord-ledger`),
          metadata: undefined,
        };
        await client.appendToStream(`${namespace}s`, [dangling], { expectedRevision: 0n });
        const read: Array<[boolean, bigint | undefined]> = [];
        for await (const { event, link } of readExisting(client, `${namespace}s`, { fromRevision: 1n, resolveLinkTos: true }))
          read.push([event === undefined, link?.revision]);
        expect(read).toEqual([[true, 1n]]);
      } finally {
        await client.dispose();
      }
      await expect(store.readStream('s')).rejects.toBeInstanceOf(LedgerIntegrityError);
    });
  });
});

describe('EventStoreDbEventStore with the real client and no server listening', () => {
  it('fails to open with StoreUnavailableError (gRPC UNAVAILABLE, code 14) when retrying is off', async () => {
    const port = await closedPort();

    const opening = EventStoreDbEventStore.open({ connectionString: `esdb://127.0.0.1:${port}?tls=false`, connectRetry: { forMs: 0 } });

    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opening).rejects.toMatchObject({ cause: { code: 14 } });
  });

  it('retries an unreachable server with backoff for the time allowed, then fails with StoreUnavailableError', async () => {
    const port = await closedPort();
    const retries: Array<[number, number]> = [];

    const opening = EventStoreDbEventStore.open({
      connectionString: `esdb://127.0.0.1:${port}?tls=false`,
      connectRetry: { forMs: 1500, initialDelayMs: 100, maxDelayMs: 400, onRetry: (attempt, _error, delayMs) => retries.push([attempt, delayMs]) },
    });

    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opening).rejects.toMatchObject({ cause: { code: 14 } });
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries[0]).toEqual([1, 100]);
  });

  it('is opened by openStore with the retry it is given, telling onRetry of each retry', async () => {
    const port = await closedPort();
    const retries: number[] = [];

    const opening = openStore(
      { kind: 'eventstoredb', url: `esdb://127.0.0.1:${port}?tls=false` },
      { connectRetry: { forMs: 600, initialDelayMs: 100, onRetry: (attempt) => retries.push(attempt) } },
    );

    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(retries.slice(0, 2)).toEqual([1, 2]);
  });

  it('hands out one real client per connection string, disposed with its last holder', async () => {
    const port = await closedPort();
    const connection = `esdb://127.0.0.1:${port}?tls=false`;
    const before = processEsdbClients.openClients;

    const one = processEsdbClients.acquire(connection);
    const two = processEsdbClients.acquire(connection);
    expect(processEsdbClients.openClients).toBe(before + 1);

    await one.dispose();
    expect(processEsdbClients.openClients).toBe(before + 1);
    await two.dispose();
    expect(processEsdbClients.openClients).toBe(before);
  });
});

/** A single node answers /health/live before it has elected itself leader; writes wait for that. */
async function untilWritable(open: () => Promise<EventStoreDbEventStore>): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const store = await open();
      try {
        await store.append('readiness', aBatch(1), { expectedRevision: 'any' });
        return;
      } finally {
        await store.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** A port nothing listens on: one the OS just handed out and took back. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
