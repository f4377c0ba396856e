import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aBatch, anEvent } from '../contract/event-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { ConcurrencyError, StoreUnavailableError } from '../event-store.errors';
import { EsdbReadStreamOptions, EsdbResolvedEvent } from './esdb-client.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { LOG_STREAM_NAME } from './stream-names';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { FakeEsdbServer } from './testing/fake-esdb-server';

const LOG = LOG_STREAM_NAME;

let dir: string;
let files = 0;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'concord-esdb-index-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describeEventStoreContract('EventStoreDbEventStore over the fake client, with an index file', () =>
  EventStoreDbEventStore.over(new FakeEsdbClient(), { indexFile: join(dir, `index-${(files += 1)}.sqlite`) }),
);

/** A client that counts the log events its reads hand over: what an open costs. */
class CountingClient extends FakeEsdbClient {
  logEventsRead = 0;

  override readStream(streamName: string, options?: EsdbReadStreamOptions): AsyncIterable<EsdbResolvedEvent> {
    const events = super.readStream(streamName, options);
    if (streamName !== LOG) return events;
    const count = (): void => {
      this.logEventsRead += 1;
    };
    return (async function* counted() {
      for await (const event of events) {
        count();
        yield event;
      }
    })();
  }
}

describe('EventStoreDbEventStore with its index in a file', () => {
  let server: FakeEsdbServer;
  let opened: EventStoreDbEventStore[];
  const indexFile = (): string => join(dir, 'log-index.sqlite');

  const open = async (client: FakeEsdbClient = new CountingClient(server), file: string | null = indexFile()): Promise<EventStoreDbEventStore> => {
    const store = await EventStoreDbEventStore.over(client, file === null ? {} : { indexFile: file });
    opened.push(store);
    return store;
  };

  /** `commands` appends of one event each, over five streams. */
  const record = async (store: EventStoreDbEventStore, commands: number, prefix = 's'): Promise<void> => {
    for (let index = 0; index < commands; index += 1) {
      const stream = `${prefix}${index % 5}`;
      await store.append(stream, [anEvent({ commandId: `${prefix}-command-${index}` })], { expectedRevision: 'any' });
    }
  };

  beforeEach(() => {
    server = new FakeEsdbServer();
    opened = [];
  });

  afterEach(async () => {
    for (const store of opened) await store.close();
  });

  it('reads at an open only the two events it checks, not the log the file already indexes', async () => {
    const first = await open();
    await record(first, 60);
    await first.close();

    const client = new CountingClient(server);
    const again = await open(client);

    expect(client.logEventsRead).toBe(2);
    expect(await again.headPosition()).toBe(60);
  });

  it('reads at an open only what other instances appended since, and answers as if it had read it all', async () => {
    const first = await open();
    await record(first, 40);
    await first.close();
    const elsewhere = await open(new FakeEsdbClient(server), null);
    await record(elsewhere, 10, 't');
    const retriedEvent = anEvent({ commandId: 's-command-3' });

    const client = new CountingClient(server);
    const again = await open(client);

    expect(client.logEventsRead).toBe(2 + 10);
    expect(await again.headPosition()).toBe(50);
    const retried = await again.append('s3', [retriedEvent], { expectedRevision: 'any' });
    expect(retried).toMatchObject({ duplicate: true, stream: 's3', firstPosition: 4 });
    await expect(again.append('s0', aBatch(1), { expectedRevision: 6 })).rejects.toBeInstanceOf(ConcurrencyError);
    const appended = await again.append('s0', aBatch(1), { expectedRevision: 7 });
    expect(appended.streamRevision).toBe(8);
    const tEvents = await again.readStream('t1');
    expect(tEvents.map((event) => event.position)).toEqual([42, 47]);
    expect(await again.streamOf(tEvents[0]?.eventId ?? '')).toBe('t1');
    expect(await again.findCommand('t-command-6')).toMatchObject({ stream: 't1', firstPosition: 47 });
  });

  it('starts its index again when the file indexes another log: another server, or the log written anew', async () => {
    const first = await open();
    await record(first, 20);
    await first.close();

    server = new FakeEsdbServer();
    const other = await open(new FakeEsdbClient(server), null);
    await record(other, 25, 'u');
    await other.close();
    const again = await open();
    expect(await again.headPosition()).toBe(25);
    expect(await again.findCommand('s-command-3')).toBeUndefined();
    expect(await again.findCommand('u-command-3')).toMatchObject({ stream: 'u3', firstPosition: 4 });
    await again.close();

    server = new FakeEsdbServer();
    const onEmpty = await open();
    expect(await onEmpty.headPosition()).toBe(0);
    expect((await onEmpty.append('u3', aBatch(1), { expectedRevision: 'no-stream' })).firstPosition).toBe(1);
  });

  it('checks at an open only the stream copies appended to since a repair found every copy level', async () => {
    const first = await open();
    expect(await first.copiesRepaired).toMatchObject({ checked: 0 });
    await record(first, 10);
    await first.close();

    const second = await open();
    expect(await second.copiesRepaired).toMatchObject({ checked: 5, failed: [] });
    await second.close();

    const third = await open();
    expect(await third.copiesRepaired).toMatchObject({ checked: 0 });
    await record(third, 2, 'v');
    await third.close();

    const fourth = await open();
    expect(await fourth.copiesRepaired).toMatchObject({ checked: 2 });
  });

  it('still repairs, at the next open, the copies a repair could not bring level', async () => {
    const first = await open();
    await record(first, 5);
    await first.close();
    const failing = new CountingClient(server);
    failing.failNext('readStream', { streamName: 's2', error: new Error('not transient'), times: 1 });

    const second = await open(failing);
    expect(await second.copiesRepaired).toMatchObject({ checked: 5, failed: [expect.objectContaining({ stream: 's2' })] });
    await second.close();

    const third = await open();
    expect(await third.copiesRepaired).toMatchObject({ checked: 5, failed: [] });
  });
  it('refuses to decide from a file another process started again for another log, and a restart indexes its own log again', async () => {
    const first = await open();
    await first.append('s0', [anEvent({ commandId: 'command-1' })], { expectedRevision: 'no-stream' });
    const ownServer = server;
    server = new FakeEsdbServer();
    await (await open()).close();

    const retried = await first.append('s0', [anEvent({ commandId: 'command-1' })], { expectedRevision: 'any' }).catch((error: unknown) => error);
    const created = await first.append('s0', aBatch(1), { expectedRevision: 'no-stream' }).catch((error: unknown) => error);

    expect(retried).toBeInstanceOf(StoreUnavailableError);
    expect(created).toBeInstanceOf(StoreUnavailableError);
    expect(String(retried)).toMatch(/started again by another process/);
    expect(await first.readAll()).toHaveLength(1);
    server = ownServer;
    const restarted = await open();
    expect(await restarted.append('s0', [anEvent({ commandId: 'command-1' })], { expectedRevision: 'any' })).toMatchObject({
      duplicate: true,
      firstPosition: 1,
    });
  });

  it('keeps its repair and its close whole when the index file cannot store how far the copies are level', async () => {
    await record(await open(), 3);
    const blocker = new Database(indexFile());
    blocker.exec(
      `CREATE TRIGGER refuse_mark BEFORE UPDATE ON index_state WHEN NEW.key = 'copies_level_through' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
    );
    blocker.close();
    const client = new CountingClient(server);

    const store = await open(client);

    expect(await store.copiesRepaired).toMatchObject({ checked: 3, failed: [] });
    await store.close();
    expect(client.isDisposed).toBe(true);
    const again = await open();
    expect(await again.copiesRepaired).toMatchObject({ checked: 3 });
  });
});
