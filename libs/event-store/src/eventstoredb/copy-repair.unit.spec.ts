import { aBatch } from '../contract/event-fixtures';
import { eventRecordId } from './deterministic-id';
import { EsdbClient, EsdbReadStreamOptions, EsdbResolvedEvent } from './esdb-client.port';
import { EventStoreDbEventStore, EventStoreDbEventStoreOptions } from './eventstoredb-event-store';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { LOG_STREAM_NAME } from './stream-names';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { FakeEsdbServer, textOf } from './testing/fake-esdb-server';

const LOG = LOG_STREAM_NAME;

/** A client whose reads of streams other than the log wait until `open()`: a slow server, on cue. */
class GatedClient implements EsdbClient {
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  constructor(readonly inner: FakeEsdbClient) {}

  open(): void {
    this.release();
  }

  appendToStream(...args: Parameters<EsdbClient['appendToStream']>) {
    return this.inner.appendToStream(...args);
  }

  readStream(streamName: string, options?: EsdbReadStreamOptions): AsyncIterable<EsdbResolvedEvent> {
    if (streamName === LOG) return this.inner.readStream(streamName, options);
    const { gate, inner } = this;
    return (async function* () {
      await gate;
      yield* inner.readStream(streamName, options);
    })();
  }

  subscribeToStream(...args: Parameters<EsdbClient['subscribeToStream']>) {
    return this.inner.subscribeToStream(...args);
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

describe('EventStoreDbEventStore repairing stream copies when it opens', () => {
  let server: FakeEsdbServer;
  let opened: EventStoreDbEventStore[];

  const open = async (client: EsdbClient = new FakeEsdbClient(server), options: EventStoreDbEventStoreOptions = {}): Promise<EventStoreDbEventStore> => {
    const store = await EventStoreDbEventStore.over(client, options);
    opened.push(store);
    return store;
  };

  /**
   * A writer that dies between its log commit and its stream write, as a crash leaves things:
   * the stream write of each of these appends never happens.
   */
  const crashAfterCommit = async (appends: Array<[stream: string, count: number]>): Promise<void> => {
    const client = new FakeEsdbClient(server);
    const writer = await open(client, { repairOnOpen: false });
    for (const [stream, count] of appends) {
      client.failNext('appendToStream', { streamName: stream, error: Object.assign(new Error('the process died'), { type: 'crash' }) });
      await expect(writer.append(stream, aBatch(count), { expectedRevision: 'any' })).rejects.toThrow('the process died');
    }
  };

  const linkTargets = (stream: string): string[] | undefined => server.records(stream)?.map((entry) => `${entry.type} ${textOf(entry.data)}`);

  beforeEach(() => {
    server = new FakeEsdbServer();
    opened = [];
  });

  afterEach(async () => {
    for (const store of opened) await store.close();
  });

  it("brings every lagging stream's entries level with the log, reading each stream's last entry once", async () => {
    const writer = await open(new FakeEsdbClient(server), { repairOnOpen: false });
    await writer.append('b', aBatch(1), { expectedRevision: 'no-stream' });
    await writer.append('c', aBatch(2), { expectedRevision: 'no-stream' });
    await crashAfterCommit([
      ['a', 2],
      ['b', 1],
    ]);
    expect(linkTargets('a')).toBeUndefined();
    expect(linkTargets('b')).toHaveLength(1);

    const client = new FakeEsdbClient(server);
    const reopened = await open(client);
    const report = await reopened.copiesRepaired;

    expect({ ...report, repaired: [...report.repaired].sort() }).toEqual({ checked: 3, repaired: ['a', 'b'], failed: [] });
    // Read from the fake's streams directly: the adapter's own reads would repair them themselves.
    expect(linkTargets('a')).toEqual([`$> 3@${LOG}`, `$> 4@${LOG}`]);
    expect(linkTargets('b')).toEqual([`$> 0@${LOG}`, `$> 5@${LOG}`]);
    expect(linkTargets('c')).toEqual([`$> 1@${LOG}`, `$> 2@${LOG}`]);
    for (const stream of ['a', 'b', 'c']) {
      const reads = client.calls.filter((call) => call.operation === 'readStream' && call.streamName === stream);
      expect(reads).toEqual([
        { operation: 'readStream', streamName: stream, fromRevision: 'end', direction: 'backwards', maxCount: 1, resolveLinkTos: undefined },
      ]);
    }
  });

  it('writes nothing when every stream is level with the log', async () => {
    const writer = await open(new FakeEsdbClient(server), { repairOnOpen: false });
    await writer.append('a', aBatch(2), { expectedRevision: 'no-stream' });
    await writer.append('b', aBatch(1), { expectedRevision: 'no-stream' });

    const client = new FakeEsdbClient(server);
    const report = await (await open(client)).copiesRepaired;

    expect(report).toEqual({ checked: 2, repaired: [], failed: [] });
    expect(client.calls.filter((call) => call.operation === 'appendToStream')).toEqual([]);
  });

  it('does not look at the streams when repairOnOpen is false', async () => {
    await crashAfterCommit([['a', 1]]);

    const client = new FakeEsdbClient(server);
    const report = await (await open(client, { repairOnOpen: false })).copiesRepaired;

    expect(report).toEqual({ checked: 0, repaired: [], failed: [] });
    expect(client.calls.filter((call) => call.streamName === 'a')).toEqual([]);
    expect(linkTargets('a')).toBeUndefined();
  });

  it('opens and serves without waiting for the repair', async () => {
    await crashAfterCommit([['a', 1]]);
    const client = new GatedClient(new FakeEsdbClient(server));

    const store = await open(client);
    let settled = false;
    void store.copiesRepaired.then(() => (settled = true));
    await store.append('b', aBatch(1), { expectedRevision: 'no-stream' });

    expect(await store.headPosition()).toBe(2);
    expect(settled).toBe(false);
    client.open();
    expect((await store.copiesRepaired).repaired).toEqual(['a']);
    expect(linkTargets('a')).toEqual([`$> 0@${LOG}`]);
  });

  it('stops at an unavailable server, saying so, and leaves the stream to its next read', async () => {
    await crashAfterCommit([['a', 1]]);
    const client = new FakeEsdbClient(server);
    client.failNext('readStream', { streamName: 'a' });

    const store = await open(client);
    const report = await store.copiesRepaired;

    expect(report).toMatchObject({ checked: 0, repaired: [], stopped: { reason: 'unavailable', error: { code: 14 } } });
    expect(linkTargets('a')).toBeUndefined();
    expect(await store.readStream('a')).toHaveLength(1);
    expect(linkTargets('a')).toEqual([`$> 0@${LOG}`]);
  });

  it('notes a stream it cannot repair and goes on with the others', async () => {
    await crashAfterCommit([
      ['a', 2],
      ['b', 1],
    ]);
    // Half of a's append linked by hand: its entries now end inside an append.
    const halfLink = {
      id: eventRecordId('hand', 0),
      contentType: 'application/octet-stream' as const,
      type: '$>',
      data: new TextEncoder().encode(`0@${LOG}`),
      metadata: undefined,
    };
    await new FakeEsdbClient(server).appendToStream('a', [halfLink], { expectedRevision: 'no_stream' });

    const report = await (await open()).copiesRepaired;

    expect(report.repaired).toEqual(['b']);
    expect(report.failed.map(({ stream }) => stream)).toEqual(['a']);
    expect(report.failed[0]?.error).toBeInstanceOf(LedgerIntegrityError);
    expect(report.checked).toBe(2);
  });

  it('stops when the store closes, finishing the streams under way', async () => {
    await crashAfterCommit(Array.from({ length: 12 }, (_, index): [string, number] => [`s-${index}`, 1]));
    const client = new GatedClient(new FakeEsdbClient(server));
    const store = await open(client);

    const closing = store.close();
    client.open();
    await closing;
    const report = await store.copiesRepaired;

    expect(report.stopped).toEqual({ reason: 'closed' });
    expect(report.checked).toBeGreaterThan(0);
    expect(report.checked).toBeLessThan(12);
    expect(report.repaired).toHaveLength(report.checked);
  });
});
