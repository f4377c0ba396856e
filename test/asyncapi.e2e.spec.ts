import { join } from 'node:path';
import { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { ValidateFunction } from 'ajv';
import { parseAsyncApi, payloadValidators, strictAjv } from '../libs/integration/src/asyncapi/testing/parsed-asyncapi';
import { concord } from './support/concord-cli';
import { LedgerHarness } from './support/ledger-harness';
import { STREAM_PARAMETERS } from '../apps/ledger-api/src/integration/event-feed.parameters';
import { LedgerStorage, newStorage, removeStorage } from './support/ledger-storage';

jest.setTimeout(60_000); // imports the example log with the CLI, then starts a real ledger on it

const SHIPPED = join(__dirname, '..', 'examples', 'kimberley-process.jsonl');

/** An event as the feed answers it: only the members this test reads are typed. */
interface FeedEvent {
  readonly id: string;
  readonly type: string;
  readonly dataschema: string;
  readonly data: unknown;
}

/** A URL the ledger publishes (at its public URL), as a path to ask this ledger at its real address. */
function pathOf(url: string): string {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
}

describe('GET /asyncapi.json describes every event the ledger sends', () => {
  let storage: LedgerStorage;
  let ledger: LedgerHarness;
  let text: string;
  let document: AsyncAPIDocumentInterface;

  beforeAll(async () => {
    storage = newStorage();
    const imported = concord(storage, ['import', SHIPPED]);
    expect({ status: imported.status, stderr: imported.stderr }).toMatchObject({ status: 0 });
    ledger = await LedgerHarness.start({}, storage);
    const response = await fetch(`${ledger.baseUrl}/asyncapi.json`);
    expect({ status: response.status, contentType: response.headers.get('content-type') }).toEqual({
      status: 200,
      contentType: expect.stringMatching(/^application\/json\b/),
    });
    text = await response.text();
    const parsed = await parseAsyncApi(text);
    expect(parsed.errors).toEqual([]);
    if (parsed.document === undefined) throw new Error('the parser produced no document');
    document = parsed.document;
  });
  afterAll(async () => {
    await ledger?.stop();
    if (storage) await removeStorage(storage);
  });

  it('lists every query parameter the stream takes, and no other', () => {
    const query = (document.operations().get('streamEvents')?.bindings().get('http')?.value() as { query?: { properties?: object } } | undefined)?.query;
    expect(Object.keys(query?.properties ?? {}).sort()).toEqual([...STREAM_PARAMETERS].sort());
  });

  it('is a valid AsyncAPI 3.0.0 document, served without a key, naming this ledger as its server', () => {
    expect(document.version()).toBe('3.0.0');
    expect(document.info().title()).toBe('Concord Ledger');
    const server = document.servers().get('ledger');
    expect({ host: server?.host(), protocol: server?.protocol() }).toEqual({ host: `localhost:${new URL(ledger.baseUrl).port}`, protocol: 'http' });
    expect(
      document
        .channels()
        .all()
        .map((channel) => channel.address()),
    ).toContain('/v1/events/stream');
  });

  it('validates every event of the Kimberley Process example, as the feed answers it, against its message and its dataschema', async () => {
    const answer = await ledger.get('/v1/events?after=0&limit=1000', { role: 'integrator' });
    expect(answer.status).toBe(200);
    const events = answer.body.events as FeedEvent[];
    const lines = concord(storage, ['export']).stdout.trimEnd().split('\n');
    expect(events).toHaveLength(lines.length);
    expect(answer.body).toMatchObject({ next: lines.length, headPosition: lines.length });

    const channels = document
      .channels()
      .all()
      .map((channel) => channel.id());
    const validators = channels.map((channel) => ({ channel, byType: payloadValidators(document, channel) }));
    const dataSchemas = new Map<string, ValidateFunction>();
    for (const event of events) {
      for (const { channel, byType } of validators) {
        const validate = byType.get(event.type);
        expect({ id: event.id, channel, type: event.type, valid: validate?.(event), errors: validate?.errors ?? null }).toEqual({
          id: event.id,
          channel,
          type: event.type,
          valid: true,
          errors: null,
        });
      }

      let validateData = dataSchemas.get(event.dataschema);
      if (validateData === undefined) {
        const served = await ledger.get(pathOf(event.dataschema), { role: null });
        expect({ status: served.status, contentType: served.headers.get('content-type'), $id: served.body.$id }).toEqual({
          status: 200,
          contentType: expect.stringMatching(/^application\/schema\+json\b/),
          $id: event.dataschema,
        });
        validateData = strictAjv().compile(served.body);
        dataSchemas.set(event.dataschema, validateData);
      }
      expect({ id: event.id, valid: validateData(event.data), errors: validateData.errors ?? null }).toEqual({ id: event.id, valid: true, errors: null });
    }
    // The example records most kinds of event: the check above covered more than a token few.
    expect(dataSchemas.size).toBeGreaterThan(10);
  });
});
