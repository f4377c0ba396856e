import { aBatch } from '../contract/event-fixtures';
import { eventRecordId, linkRecordId } from './deterministic-id';
import { EsdbJson } from './esdb-client.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { LOG_STREAM_NAME } from './stream-names';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { FakeEsdbServer, textOf } from './testing/fake-esdb-server';

const LOG = LOG_STREAM_NAME;

/** A link written by hand, as anything but the adapter might write one. */
function aLink(target: string, index = 0) {
  return {
    id: eventRecordId('hand-made', index),
    contentType: 'application/octet-stream' as const,
    type: '$>',
    data: new TextEncoder().encode(target),
    metadata: undefined,
  };
}

describe('EventStoreDbEventStore stream entries as links to the log', () => {
  let server: FakeEsdbServer;
  let opened: EventStoreDbEventStore[];

  const open = async (client = new FakeEsdbClient(server), namespace = ''): Promise<EventStoreDbEventStore> => {
    const store = await EventStoreDbEventStore.over(client, { namespace, repairOnOpen: false });
    opened.push(store);
    return store;
  };

  /**
   * What versions before links wrote to a stream: full copies of the log events at these log
   * revisions, with the log events' own ids, data and metadata.
   */
  const writeOldCopies = async (client: FakeEsdbClient, stream: string, logRevisions: number[], firstRevision: number): Promise<void> => {
    const copies = logRevisions.map((revision) => {
      const record = server.recordAt(LOG, revision);
      if (record === undefined) throw new Error(`no log event at ${revision}`);
      const parse = (bytes: Uint8Array) => JSON.parse(textOf(bytes)) as EsdbJson;
      return { id: record.id, contentType: 'application/json' as const, type: record.type, data: parse(record.data), metadata: parse(record.metadata) };
    });
    await client.appendToStream(stream, copies, { expectedRevision: firstRevision === 0 ? 'no_stream' : BigInt(firstRevision - 1) });
  };

  beforeEach(() => {
    server = new FakeEsdbServer();
    opened = [];
  });

  afterEach(async () => {
    for (const store of opened) await store.close();
  });

  it('writes each stream entry as a binary $> link whose data is <log revision>@<log stream>, with an id of its own', async () => {
    const store = await open();
    await store.append('other', aBatch(1), { expectedRevision: 'no-stream' });

    await store.append('s', aBatch(2, { commandId: 'command-1' }), { expectedRevision: 'no-stream' });

    const entries = server.records('s') ?? [];
    expect(entries.map((entry) => [entry.revision, entry.type, entry.isJson, textOf(entry.data), entry.metadata.byteLength])).toEqual([
      [0n, '$>', false, `1@${LOG}`, 0],
      [1n, '$>', false, `2@${LOG}`, 0],
    ]);
    expect(entries.map((entry) => entry.id)).toEqual([linkRecordId('command-1', 0), linkRecordId('command-1', 1)]);
    expect(server.records(LOG)?.map((record) => record.type)).not.toContain('$>');
  });

  it("links a namespaced ledger's entries to its own log", async () => {
    const store = await open(new FakeEsdbClient(server), 'ns-');

    await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });

    expect(server.records('ns-s')?.map((entry) => textOf(entry.data))).toEqual([`0@ns-${LOG}`]);
  });

  it('reads the events a stream links to, with their stream revisions and positions', async () => {
    const store = await open();
    await store.append('a', aBatch(1), { expectedRevision: 'no-stream' });
    const events = aBatch(2);
    await store.append('s', events, { expectedRevision: 'no-stream' });

    const read = await store.readStream('s');

    expect(read.map((event) => [event.eventId, event.stream, event.streamRevision, event.position])).toEqual([
      [events[0]?.eventId, 's', 0, 2],
      [events[1]?.eventId, 's', 1, 3],
    ]);
  });

  it('reads a stream whose first entries are full copies written by an earlier version, followed by links', async () => {
    const client = new FakeEsdbClient(server);
    const store = await open(client);
    client.failNext('appendToStream', { streamName: 's' });
    await store.append('s', aBatch(2), { expectedRevision: 'no-stream' });
    await writeOldCopies(client, 's', [0, 1], 0);

    await store.append('s', aBatch(1), { expectedRevision: 1 });

    expect(server.records('s')?.map((entry) => entry.type)).toEqual(['ProposalSubmitted', 'ProposalSubmitted', '$>']);
    expect((await store.readStream('s')).map((event) => [event.streamRevision, event.position])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect((await store.readStream('s', { fromRevision: 2 })).map((event) => event.position)).toEqual([3]);
  });

  it('repairs a stream of old full copies with links after them', async () => {
    const client = new FakeEsdbClient(server);
    const store = await open(client);
    client.failNext('appendToStream', { streamName: 's', times: 2 });
    await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });
    await store.append('s', aBatch(1), { expectedRevision: 0 });
    await writeOldCopies(client, 's', [0], 0);

    expect((await store.readStream('s')).map((event) => event.position)).toEqual([1, 2]);
    expect(server.records('s')?.map((entry) => entry.type)).toEqual(['ProposalSubmitted', '$>']);
  });

  it('writes each link once when two instances repair the same stream at the same time', async () => {
    const failing = new FakeEsdbClient(server);
    const one = await open(failing);
    const two = await open();
    failing.failNext('appendToStream', { streamName: 's' });
    await one.append('s', aBatch(3), { expectedRevision: 'no-stream' });

    const [first, second] = await Promise.all([one.readStream('s'), two.readStream('s')]);

    expect(first.map((event) => event.position)).toEqual([1, 2, 3]);
    expect(second).toEqual(first);
    expect(server.records('s')?.map((entry) => textOf(entry.data))).toEqual([`0@${LOG}`, `1@${LOG}`, `2@${LOG}`]);
  });

  describe('integrity', () => {
    it('reports a link to an event the server cannot find as LedgerIntegrityError', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });

      await client.appendToStream('s', [aLink(`7@${LOG}`)], { expectedRevision: 0n });

      await expect(store.readStream('s')).rejects.toThrow(LedgerIntegrityError);
      await expect(store.readStream('s')).rejects.toThrow(/cannot read/);
    });

    it("reports a link to another stream's event as LedgerIntegrityError", async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });
      await store.append('t', aBatch(1), { expectedRevision: 'no-stream' });

      await client.appendToStream('t', [aLink(`0@${LOG}`)], { expectedRevision: 0n });

      await expect(store.readStream('t')).rejects.toThrow(/leads to s@0; expected t@1/);
    });

    it('reports a link at the wrong revision of its stream as LedgerIntegrityError', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      client.failNext('appendToStream', { streamName: 's' });
      await store.append('s', aBatch(2), { expectedRevision: 'no-stream' });

      // The right links in the wrong order: revision 0 leads to the event at s@1.
      await client.appendToStream('s', [aLink(`1@${LOG}`), aLink(`0@${LOG}`, 1)], { expectedRevision: 'no_stream' });

      await expect(store.readStream('s')).rejects.toThrow(/leads to s@1; expected s@0/);
    });

    it('reports a link that leads outside the log as LedgerIntegrityError, even to a faithful copy of the right event', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      client.failNext('appendToStream', { streamName: 's' });
      await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });
      await writeOldCopies(client, 'copies', [0], 0);

      await client.appendToStream('s', [aLink('0@copies')], { expectedRevision: 'no_stream' });

      await expect(store.readStream('s')).rejects.toThrow(/outside the log/);
    });

    it('reports a link whose data the server cannot read as a link (left unresolved) as LedgerIntegrityError', async () => {
      const client = new FakeEsdbClient(server);
      const store = await open(client);
      await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });

      await client.appendToStream('s', [aLink('not a link')], { expectedRevision: 0n });

      await expect(store.readStream('s')).rejects.toBeInstanceOf(LedgerIntegrityError);
    });
  });
});
