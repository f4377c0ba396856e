import { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { StoredEvent } from '@concord/event-store';
import { EVENT_SCHEMAS, JsonSchema } from '@concord/governance/schemas';
import { cloudEventType, dataSchemaUrl, LedgerCloudEvent, toCloudEvent } from '../cloud-events/cloud-event';
import { servedDataSchema } from '../schemas/published-schemas';
import { newWebhookSecret, signWebhook } from '../webhooks/webhook-signature';
import { asyncApiDocument } from './asyncapi-document';
import { EVENT_STREAM_CHANNEL } from './event-stream-channel';
import { fixedCloudEventType, parseAsyncApi, payloadSchema, payloadValidators, SchemaJson, strictAjv } from './testing/parsed-asyncapi';
import { PING_MESSAGE_KEY, WEBHOOK_CHANNEL } from './webhook-channel';
import { WEBHOOK_PING_TYPE, webhookPing } from '../webhooks/webhook-ping';

const PUBLIC_URL = 'https://ledger.example.org/kp';

/** Every (type, version) straight from the registry, so a version added there is checked here too. */
const REGISTERED = Object.entries(EVENT_SCHEMAS).flatMap(([type, versions]) =>
  Object.entries(versions).map(([version, schema]: [string, JsonSchema]) => ({ type, version: Number(version), schema })),
);

function exampleOf(schema: JsonSchema): Record<string, unknown> {
  const example = schema.examples?.[0];
  if (typeof example !== 'object' || example === null || Array.isArray(example)) throw new Error(`${schema.$id ?? '?'} has no example object`);
  return example as Record<string, unknown>;
}

/** A stored event as the ledger would hand it to `toCloudEvent`. */
function stored(type: string, schemaVersion: number, data: Record<string, unknown>): StoredEvent {
  return {
    stream: 'body-kp',
    streamRevision: 3,
    position: 42,
    eventId: '0190d6a8-6c1e-7b3a-9d4e-2f5a6b7c8d9e',
    type,
    schemaVersion,
    data,
    metadata: {
      commandId: 'cmd-1',
      correlationId: 'corr-1',
      causationId: null,
      actor: { id: 'secretariat-0123', role: 'secretariat' },
      recordedAt: '2024-03-01T10:00:00.000Z',
    },
  };
}

describe('the AsyncAPI document', () => {
  let parsed: AsyncAPIDocumentInterface;

  beforeAll(async () => {
    const { document, errors } = await parseAsyncApi(JSON.stringify(asyncApiDocument(PUBLIC_URL)));
    expect(errors).toEqual([]);
    if (document === undefined) throw new Error('the parser produced no document');
    parsed = document;
  });

  it('is AsyncAPI 3.0.0 about the Concord Ledger, served from the public URL', () => {
    expect(parsed.version()).toBe('3.0.0');
    expect(parsed.info().title()).toBe('Concord Ledger');
    const server = parsed.servers().get('ledger');
    expect({ host: server?.host(), protocol: server?.protocol(), pathname: server?.pathname() }).toEqual({
      host: 'ledger.example.org',
      protocol: 'https',
      pathname: '/kp',
    });
    const local = asyncApiDocument('http://localhost:3000').servers['ledger'];
    expect(local).toMatchObject({ host: 'localhost:3000', protocol: 'http' });
    expect(local).not.toHaveProperty('pathname');
  });

  it.each([EVENT_STREAM_CHANNEL, WEBHOOK_CHANNEL])(
    'has a message on %s for every type and version in EVENT_SCHEMAS, its payload the envelope of that version',
    (channelId) => {
      const payloads = new Map<string, SchemaJson>();
      for (const message of parsed.channels().get(channelId)?.messages() ?? []) {
        const schema = payloadSchema(message);
        const type = fixedCloudEventType(schema);
        // The ping is no event of the log; its own test below checks it.
        if (type !== undefined && type !== WEBHOOK_PING_TYPE) payloads.set(type, schema);
      }
      expect(payloads.size).toBe(REGISTERED.length);
      for (const { type, version } of REGISTERED) {
        const properties = payloads.get(cloudEventType(type, version))?.['properties'] as Record<string, SchemaJson> | undefined;
        expect({ type, version, dataschema: properties?.['dataschema']?.['const'] }).toEqual({
          type,
          version,
          dataschema: dataSchemaUrl(PUBLIC_URL, type, version),
        });
        const { $schema: _dialect, ...served } = servedDataSchema(PUBLIC_URL, type, version) ?? {};
        expect(withoutParserAnnotations(properties?.['data'])).toEqual(served);
      }
    },
  );

  it('documents the ping exactly as the ledger builds it', () => {
    const ping = parsed.channels().get(WEBHOOK_CHANNEL)?.messages().get(PING_MESSAGE_KEY);
    const validate = strictAjv().compile(ping ? payloadSchema(ping) : {});
    const sent = webhookPing(PUBLIC_URL, '0190d6a8-6c1e-4b3a-9d4e-2f5a6b7c8d9e', '0190d6a8-6c1e-4b3a-9d4e-2f5a6b7c8d9f', new Date('2026-06-01T12:00:00Z'));
    expect({ valid: validate(JSON.parse(JSON.stringify(sent))), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
    expect(validate({ ...sent, position: 7 })).toBe(false);
  });

  it('streams the overflow message, and signs every webhook delivery with the Standard Webhooks headers', () => {
    const overflow = parsed.channels().get(EVENT_STREAM_CHANNEL)?.messages().get('overflow');
    expect(overflow && payloadSchema(overflow)['required']).toEqual(['lastDeliveredPosition', 'lastDeliveredId', 'bufferedEvents', 'detail']);
    // What the dispatcher actually sends must pass the documented headers.
    const sent = {
      ...signWebhook(newWebhookSecret(), '0190d6a8-6c1e-7b3a-9d4e-2f5a6b7c8d9e', 1_700_000_000, '{}'),
      'content-type': 'application/cloudevents+json',
    };
    for (const message of parsed.channels().get(WEBHOOK_CHANNEL)?.messages() ?? []) {
      expect(message.contentType()).toBe('application/cloudevents+json');
      const headers = message.headers()?.json() as SchemaJson | undefined;
      const schema = (headers?.['schema'] ?? headers) as SchemaJson | undefined;
      expect(schema?.['required']).toEqual(['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature']);
      const validate = strictAjv().compile(schema ?? {});
      expect({ valid: validate(sent), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
      expect(validate({ ...sent, 'webhook-signature': 'sha256=abc' })).toBe(false);
    }
  });

  it('describes how to follow the stream and where webhooks go', () => {
    const stream = parsed.operations().get('streamEvents');
    expect(stream?.action()).toBe('send');
    expect(
      stream
        ?.channels()
        .all()
        .map((channel) => channel.address()),
    ).toEqual(['/v1/events/stream']);
    const query = (stream?.bindings().get('http')?.value() as { query?: SchemaJson } | undefined)?.query;
    // Every query parameter the stream takes, as OpenAPI lists them too (test/openapi.e2e.spec.ts).
    expect(Object.keys((query?.['properties'] ?? {}) as object).sort()).toEqual(['after', 'afterEventId', 'bodyId', 'ids', 'lastEventId', 'types']);
    expect(JSON.stringify(stream?.json())).toContain('Last-Event-ID');
    const webhook = parsed.operations().get('deliverWebhook');
    expect(webhook?.action()).toBe('send');
    expect(webhook?.bindings().get('http')?.value()).toMatchObject({ method: 'POST' });
  });

  it('validates the envelope toCloudEvent builds for an example of every type and version, and refuses a broken one', () => {
    for (const channelId of [EVENT_STREAM_CHANNEL, WEBHOOK_CHANNEL]) {
      const validators = payloadValidators(parsed, channelId);
      const check = (event: LedgerCloudEvent): unknown => {
        const validate = validators.get(event.type);
        return validate === undefined ? `no message for ${event.type}` : validate(event) || validate.errors;
      };
      for (const { type, version, schema } of REGISTERED) {
        const example = exampleOf(schema);
        // toCloudEvent upcasts to the current version: the shape the ledger actually sends.
        const sent = toCloudEvent(stored(type, version, example), 'kp', PUBLIC_URL);
        expect({ type, version, result: check(sent) }).toEqual({ type, version, result: true });
        // The message of this very version describes the event as it was sent when it was current.
        const asOfThen = { ...sent, type: cloudEventType(type, version), dataschema: dataSchemaUrl(PUBLIC_URL, type, version), data: example };
        expect({ type, version, result: check(asOfThen) }).toEqual({ type, version, result: true });

        const { occurredAt: _missing, ...incomplete } = example;
        expect(check({ ...asOfThen, data: incomplete })).not.toBe(true);
        expect(check({ ...asOfThen, source: 'https://elsewhere.example.org/v1/bodies/kp' })).not.toBe(true);
        expect(check({ ...asOfThen, dataschema: dataSchemaUrl(PUBLIC_URL, type, version + 1) })).not.toBe(true);
      }
    }
  });
});

/** The parser marks every schema it reads with `x-parser-schema-id`; the comparison is with what was written. */
function withoutParserAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutParserAnnotations);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'x-parser-schema-id')
      .map(([key, inner]) => [key, withoutParserAnnotations(inner)]),
  );
}
