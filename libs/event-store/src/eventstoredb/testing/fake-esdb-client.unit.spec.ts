import { eventRecordId } from '../deterministic-id';
import { EsdbBinaryEventData, EsdbJsonEventData, EsdbResolvedEvent } from '../esdb-client.port';
import { FakeEsdbClient } from './fake-esdb-client';

function events(count: number, prefix = 'e'): EsdbJsonEventData[] {
  return Array.from({ length: count }, (_, index) => ({
    id: eventRecordId(prefix, index),
    contentType: 'application/json' as const,
    type: 'Happened',
    data: { index },
    metadata: { note: prefix },
  }));
}

async function collect(iterable: AsyncIterable<EsdbResolvedEvent>): Promise<EsdbResolvedEvent[]> {
  const collected: EsdbResolvedEvent[] = [];
  for await (const resolved of iterable) collected.push(resolved);
  return collected;
}

/** A link as the client's `binaryEvent({ type: '$>', data })` builds it: data as bytes. */
function link(target: string, prefix = 'link', index = 0): EsdbBinaryEventData {
  return { id: eventRecordId(prefix, index), contentType: 'application/octet-stream', type: '$>', data: new TextEncoder().encode(target), metadata: undefined };
}

const text = (bytes: unknown): string => Buffer.from(bytes as Uint8Array).toString('utf8');

const revisionsOf = (resolved: EsdbResolvedEvent[]): Array<bigint | undefined> => resolved.map((event) => event.event?.revision);

describe('FakeEsdbClient behaves as the EventStoreDB client where the adapter relies on it', () => {
  let client: FakeEsdbClient;

  beforeEach(() => {
    client = new FakeEsdbClient();
  });

  it('numbers revisions from 0 as bigints, with sparse increasing bigint positions', async () => {
    const result = await client.appendToStream('s', events(3), { expectedRevision: 'no_stream' });

    const read = await collect(client.readStream('s'));
    expect(result.nextExpectedRevision).toBe(2n);
    expect(revisionsOf(read)).toEqual([0n, 1n, 2n]);
    const commits = read.map((event) => event.commitPosition ?? 0n);
    expect(commits.every((commit, index) => index === 0 || commit > (commits[index - 1] ?? 0n) + 1n)).toBe(true);
  });

  it('reports a missing stream while iterating, not when the read is asked for', async () => {
    const reading = client.readStream('missing');

    await expect(collect(reading)).rejects.toMatchObject({ type: 'stream-not-found', streamName: 'missing' });
  });

  it('refuses a wrong expected revision with the shape of WrongExpectedVersionError', async () => {
    await expect(client.appendToStream('s', events(1), { expectedRevision: 0n })).rejects.toMatchObject({
      type: 'wrong-expected-version',
      streamName: 's',
      expectedVersion: 0n,
      actualVersion: 'no_stream',
    });
    await client.appendToStream('s', events(2), { expectedRevision: 'no_stream' });
    await expect(client.appendToStream('s', events(1, 'f'), { expectedRevision: 'no_stream' })).rejects.toMatchObject({ actualVersion: 1n });
    await expect(client.appendToStream('s', events(1, 'f'), { expectedRevision: 0n })).rejects.toMatchObject({ expectedVersion: 0n, actualVersion: 1n });
    await expect(client.appendToStream('t', events(1, 'f'), { expectedRevision: 'stream_exists' })).rejects.toMatchObject({ actualVersion: 'no_stream' });
  });

  it('takes the same event ids written again where the expected revision puts them as a repeat, writing nothing', async () => {
    await client.appendToStream('s', events(2), { expectedRevision: 'no_stream' });
    await client.appendToStream('s', events(1, 'later'), { expectedRevision: 1n });

    await expect(client.appendToStream('s', events(2), { expectedRevision: 'no_stream' })).resolves.toMatchObject({ success: true, nextExpectedRevision: 1n });
    await expect(client.appendToStream('s', events(2), { expectedRevision: 'any' })).resolves.toMatchObject({ nextExpectedRevision: 1n });
    await expect(client.appendToStream('s', events(2, 'other'), { expectedRevision: 'no_stream' })).rejects.toMatchObject({ type: 'wrong-expected-version' });
    expect(await collect(client.readStream('s'))).toHaveLength(3);
  });

  it('refuses event ids that are not UUIDs', async () => {
    const notUuid = events(1).map((event) => ({ ...event, id: 'not-a-uuid' }));

    await expect(client.appendToStream('s', notUuid, { expectedRevision: 'any' })).rejects.toMatchObject({ type: 'invalid-argument' });
  });

  it('reads from a revision inclusively, forwards or backwards, up to maxCount', async () => {
    await client.appendToStream('s', events(5), { expectedRevision: 'no_stream' });

    expect(revisionsOf(await collect(client.readStream('s', { fromRevision: 2n, maxCount: 2 })))).toEqual([2n, 3n]);
    expect(revisionsOf(await collect(client.readStream('s', { fromRevision: 9n })))).toEqual([]);
    expect(revisionsOf(await collect(client.readStream('s', { direction: 'backwards', fromRevision: 'end', maxCount: 1 })))).toEqual([4n]);
  });

  it('parses data afresh on every read, so a reader cannot alter what others read', async () => {
    await client.appendToStream('s', events(1), { expectedRevision: 'no_stream' });
    const [first] = await collect(client.readStream('s'));
    (first?.event?.data as Record<string, unknown>)['index'] = 99;

    const [second] = await collect(client.readStream('s'));

    expect(second?.event?.data).toEqual({ index: 0 });
  });

  it('subscribes from a revision exclusively, then delivers live events until unsubscribed', async () => {
    await client.appendToStream('s', events(3), { expectedRevision: 'no_stream' });
    const subscription = client.subscribeToStream('s', { fromRevision: 0n });
    const received: Array<bigint | undefined> = [];

    const consumed = (async () => {
      for await (const resolved of subscription) {
        received.push(resolved.event?.revision);
        if (received.length === 3) await subscription.unsubscribe();
      }
    })();
    await client.appendToStream('s', events(1, 'live'), { expectedRevision: 2n });
    await consumed;

    expect(received).toEqual([1n, 2n, 3n]);
    expect(client.openSubscriptions).toBe(0);
  });

  it('fails a dropped subscription at its next read with an unavailable error (gRPC 14)', async () => {
    const subscription = client.subscribeToStream('s');
    const consumed = collect(subscription);

    client.dropSubscriptions();

    await expect(consumed).rejects.toMatchObject({ type: 'unavailable', code: 14 });
  });

  it('can commit an append and still fail it, as when the answer is lost', async () => {
    client.failNext('appendToStream', { afterCommit: true });

    await expect(client.appendToStream('s', events(1), { expectedRevision: 'no_stream' })).rejects.toMatchObject({ code: 14 });
    expect(await collect(client.readStream('s'))).toHaveLength(1);
  });

  describe('binary events and links', () => {
    it('stores binary data as bytes and reads it back as a Uint8Array, not JSON', async () => {
      await client.appendToStream('s', [link('0@target')], { expectedRevision: 'no_stream' });

      const [read] = await collect(client.readStream('s'));

      expect(read?.event).toMatchObject({ type: '$>', isJson: false, metadata: undefined });
      expect(read?.event?.data).toBeInstanceOf(Uint8Array);
      expect(text(read?.event?.data)).toBe('0@target');
      expect(read?.link).toBeUndefined();
    });

    it('takes a string as base64 for binary data, as protobuf does, refusing text that is not', async () => {
      const asString = (data: string) => ({ ...link(''), data }) as unknown as EsdbBinaryEventData;

      await expect(client.appendToStream('s', [asString('0@target')], { expectedRevision: 'any' })).rejects.toThrow(/base64/);
      await client.appendToStream('s', [asString(Buffer.from('hi').toString('base64'))], { expectedRevision: 'any' });
      expect(text((await collect(client.readStream('s')))[0]?.event?.data)).toBe('hi');
    });

    it('sends a plain Uint8Array as metadata bytes, and anything else (a Buffer too) as JSON, as the client does', async () => {
      const withMetadata = (metadata: EsdbBinaryEventData['metadata'], index: number) => ({ ...link('0@x', 'm', index), metadata });

      await client.appendToStream(
        's',
        [withMetadata(new TextEncoder().encode('not json'), 0), withMetadata({ a: 1 }, 1), withMetadata(Buffer.from('raw'), 2)],
        {
          expectedRevision: 'no_stream',
        },
      );

      const metadata = (await collect(client.readStream('s'))).map((read) => read.event?.metadata);
      expect(metadata[0]).toBeInstanceOf(Uint8Array);
      expect(text(metadata[0])).toBe('not json');
      expect(metadata[1]).toEqual({ a: 1 });
      expect(metadata[2]).toEqual({ type: 'Buffer', data: [114, 97, 119] });
    });

    it('resolves links when asked: the target as event, the link record as link', async () => {
      await client.appendToStream('target', events(2), { expectedRevision: 'no_stream' });
      await client.appendToStream('links', [link('1@target')], { expectedRevision: 'no_stream' });

      const [resolved] = await collect(client.readStream('links', { resolveLinkTos: true }));

      expect(resolved?.event).toMatchObject({ streamId: 'target', revision: 1n, type: 'Happened', isJson: true, data: { index: 1 } });
      expect(resolved?.link).toMatchObject({ streamId: 'links', revision: 0n, type: '$>', isJson: false });
    });

    it('gives a link to a missing event with the link and no event, as the server does', async () => {
      await client.appendToStream('target', events(1), { expectedRevision: 'no_stream' });
      await client.appendToStream('links', [link('5@target'), link('0@nowhere', 'link', 1), link('0@target', 'link', 2)], { expectedRevision: 'no_stream' });

      const read = await collect(client.readStream('links', { resolveLinkTos: true }));

      expect(read.map((resolved) => [resolved.event?.streamId, resolved.link?.revision])).toEqual([
        [undefined, 0n],
        [undefined, 1n],
        ['target', 2n],
      ]);
    });

    it('leaves a link whose data is not <revision>@<stream> unresolved, as 24.10 does', async () => {
      await client.appendToStream('links', [link('not-a-number@target')], { expectedRevision: 'no_stream' });

      const [read] = await collect(client.readStream('links', { resolveLinkTos: true }));

      expect(read?.event).toMatchObject({ streamId: 'links', type: '$>' });
      expect(read?.link).toBeUndefined();
    });

    it('reads a stream mixing full events and links, resolving only the links', async () => {
      await client.appendToStream('target', events(1), { expectedRevision: 'no_stream' });
      await client.appendToStream('mixed', [...events(1, 'copy'), link('0@target')], { expectedRevision: 'no_stream' });

      const read = await collect(client.readStream('mixed', { resolveLinkTos: true }));

      expect(read.map((resolved) => [resolved.event?.streamId, resolved.link?.streamId])).toEqual([
        ['mixed', undefined],
        ['target', 'mixed'],
      ]);
    });
  });
});
