import { aBatch } from '../contract/event-fixtures';
import { AppendResult } from '../event-store.port';
import { eventRecordId } from './deterministic-id';
import { EsdbJson } from './esdb-client.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { StreamCopier } from './stream-copies';
import { LOG_STREAM_NAME } from './stream-names';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { FakeEsdbServer, textOf } from './testing/fake-esdb-server';

const LOG = LOG_STREAM_NAME;

/**
 * The copier on its own, for the races a store cannot be made to lose on cue: another writer
 * filling the stream between the copier's look at it and its write.
 */
/** What the ledger index's `appendsTo` lists for these appends of one stream. */
const appendsFrom =
  (appends: readonly AppendResult[]) =>
  (revision: number): AppendResult[] =>
    appends.filter((append) => append.streamRevision >= revision);

describe('StreamCopier', () => {
  let server: FakeEsdbServer;
  let client: FakeEsdbClient;
  let store: EventStoreDbEventStore;

  /** A committed append of `count` events to `stream` whose stream entries were never written. */
  const committedUncopied = async (stream: string, count: number) => {
    client.failNext('appendToStream', { streamName: stream });
    return store.append(stream, aBatch(count), { expectedRevision: 'any' });
  };

  beforeEach(async () => {
    server = new FakeEsdbServer();
    client = new FakeEsdbClient(server);
    store = await EventStoreDbEventStore.over(client, { repairOnOpen: false });
  });

  afterEach(async () => {
    await store.close();
  });

  it("accepts the full copies an earlier version wrote while it looked away, as the same events as its links'", async () => {
    const append = await committedUncopied('s', 2);
    // The copies an instance of the earlier version wrote after this copier found the stream empty.
    const copies = [0, 1].map((revision) => {
      const record = server.recordAt(LOG, revision);
      const parse = (bytes: Uint8Array | undefined) => JSON.parse(textOf(bytes ?? new Uint8Array())) as EsdbJson;
      return {
        id: record?.id ?? '',
        contentType: 'application/json' as const,
        type: record?.type ?? '',
        data: parse(record?.data),
        metadata: parse(record?.metadata),
      };
    });
    await client.appendToStream('s', copies, { expectedRevision: 'no_stream' });

    await new StreamCopier(client, LOG).copyMissing('s', 's', appendsFrom([append]), 0);

    expect(server.records('s')?.map((entry) => entry.type)).toEqual(['ProposalSubmitted', 'ProposalSubmitted']);
  });

  it('accepts the links another instance wrote while it looked away', async () => {
    const append = await committedUncopied('s', 2);
    await new StreamCopier(new FakeEsdbClient(server), LOG).copyMissing('s', 's', appendsFrom([append]));

    await new StreamCopier(client, LOG).copyMissing('s', 's', appendsFrom([append]), 0);

    expect(server.records('s')?.map((entry) => textOf(entry.data))).toEqual([`0@${LOG}`, `1@${LOG}`]);
  });

  it('refuses, as LedgerIntegrityError, other entries found where its links were to go', async () => {
    const append = await committedUncopied('s', 1);
    await committedUncopied('t', 1);
    const linkToT = {
      id: eventRecordId('other', 0),
      contentType: 'application/octet-stream' as const,
      type: '$>',
      data: new TextEncoder().encode(`1@${LOG}`),
      metadata: undefined,
    };
    await client.appendToStream('s', [linkToT], { expectedRevision: 'no_stream' });

    await expect(new StreamCopier(client, LOG).copyMissing('s', 's', appendsFrom([append]), 0)).rejects.toBeInstanceOf(LedgerIntegrityError);
  });

  describe('levelUp', () => {
    it('links what a lagging stream lacks, after reading only its last entry', async () => {
      const first = await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });
      const second = await committedUncopied('s', 2);
      client.calls.length = 0;

      expect(await new StreamCopier(client, LOG).levelUp('s', 's', second.streamRevision, appendsFrom([first, second]))).toBe(true);

      expect(server.records('s')?.map((entry) => textOf(entry.data))).toEqual([`0@${LOG}`, `1@${LOG}`, `2@${LOG}`]);
      const streamReads = client.calls.filter((call) => call.operation === 'readStream' && call.streamName === 's');
      expect(streamReads).toEqual([
        { operation: 'readStream', streamName: 's', fromRevision: 'end', direction: 'backwards', maxCount: 1, resolveLinkTos: undefined },
      ]);
    });

    it('writes nothing to a stream that is level, or longer than the log says', async () => {
      const append = await store.append('s', aBatch(2), { expectedRevision: 'no-stream' });
      const copier = new StreamCopier(client, LOG);
      client.calls.length = 0;

      expect(await copier.levelUp('s', 's', append.streamRevision, appendsFrom([append]))).toBe(false);
      expect(await copier.levelUp('s', 's', 0, appendsFrom([{ ...append, streamRevision: 0, lastPosition: 1 }]))).toBe(false);
      expect(await copier.levelUp('none', 'none', -1, appendsFrom([]))).toBe(false);

      expect(client.calls.filter((call) => call.operation === 'appendToStream')).toEqual([]);
    });
  });
});
