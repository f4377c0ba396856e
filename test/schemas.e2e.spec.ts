import { CURRENT_SCHEMA_VERSION, EVENT_SCHEMAS } from '../libs/governance/src/schemas/event-schemas';
import { strictAjv } from '../libs/integration/src/asyncapi/testing/parsed-asyncapi';
import { LedgerHarness } from './support/ledger-harness';
import { expectProblem } from './support/problems';

interface Listed {
  readonly type: string;
  readonly version: number;
  readonly current: boolean;
  readonly url: string;
  readonly cloudEventType: string;
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}

describe('GET /v1/schemas: the JSON Schemas events are published with, open without a key', () => {
  let ledger: LedgerHarness;
  let publicUrl: string;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    // The harness leaves CONCORD_PUBLIC_URL unset: the ledger names itself http://localhost:<PORT>.
    publicUrl = `http://localhost:${new URL(ledger.baseUrl).port}`;
  });
  afterAll(() => ledger.stop());

  it('lists every type and version of EVENT_SCHEMAS, which version is current, where its schema is and its CloudEvent type', async () => {
    const answer = await ledger.get('/v1/schemas', { role: null });
    expect(answer.status).toBe(200);
    const expected = Object.entries(EVENT_SCHEMAS).flatMap(([type, versions]) =>
      Object.keys(versions).map((version) => ({
        type,
        version: Number(version),
        current: CURRENT_SCHEMA_VERSION[type as keyof typeof CURRENT_SCHEMA_VERSION] === Number(version),
        url: `${publicUrl}/v1/schemas/${type}/v${version}`,
        cloudEventType: `org.concordledger.${type}.v${version}`,
      })),
    );
    expect(answer.body.schemas).toEqual(expected);
  });

  it('serves each listed schema exactly as the ledger validates with, its $id the URL it is served at', async () => {
    const listed = (await ledger.get('/v1/schemas', { role: null })).body.schemas as Listed[];
    for (const { type, version, url } of listed) {
      const answer = await ledger.get(pathOf(url), { role: null });
      expect({ url, status: answer.status, contentType: answer.headers.get('content-type') }).toEqual({
        url,
        status: 200,
        contentType: expect.stringMatching(/^application\/schema\+json\b/),
      });
      const registered = (EVENT_SCHEMAS as Record<string, Record<number, object>>)[type]?.[version];
      expect(answer.body).toEqual({ ...registered, $id: url });
    }
  });

  it("serves the envelope's own schema, which every event the feed answers satisfies", async () => {
    const answer = await ledger.get('/v1/schemas/CloudEvent', { role: null });
    expect({ status: answer.status, contentType: answer.headers.get('content-type'), $id: answer.body.$id }).toEqual({
      status: 200,
      contentType: expect.stringMatching(/^application\/schema\+json\b/),
      $id: `${publicUrl}/v1/schemas/CloudEvent`,
    });
    expect(
      await ledger.post('/v1/bodies', { bodyId: 'kp', name: 'Kimberley Process', definition: 'Conflict diamonds.', occurredAt: '2003-01-01' }),
    ).toMatchObject({ status: 201 });
    const feed = await ledger.get('/v1/events?after=0&limit=10', { role: 'integrator' });
    const events = feed.body.events as unknown[];
    expect(events).toHaveLength(1);
    const validate = strictAjv().compile(answer.body);
    expect({ valid: validate(events[0]), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
    expect(validate({ ...(events[0] as object), specversion: '0.3' })).toBe(false);
  });

  it.each([
    ['an unknown event type', '/v1/schemas/TreatySigned/v1'],
    ['an event type in the wrong case', '/v1/schemas/bodyestablished/v1'],
    ['a version never published', '/v1/schemas/BodyEstablished/v999'],
    ['version 0', '/v1/schemas/BodyEstablished/v0'],
    ['a version without its v', '/v1/schemas/BodyEstablished/1'],
    ['a version with a leading zero', '/v1/schemas/BodyEstablished/v01'],
  ])('answers %s with 404 schema-not-found problem+json, without a key', async (_case, path) => {
    const problem = expectProblem(await ledger.get(path, { role: null }), 404, 'schema-not-found');
    expect(problem.detail).toContain('GET /v1/schemas');
    const [, , , eventType, version] = path.split('/');
    expect(problem).toMatchObject({ eventType, version, type: 'https://concord-ledger.dev/errors/schema-not-found' });
  });

  it('answers the same with a key as without one', async () => {
    const [open, keyed] = await Promise.all([
      ledger.get('/v1/schemas/ObjectionRaised/v1', { role: null }),
      ledger.get('/v1/schemas/ObjectionRaised/v1', { role: 'auditor' }),
    ]);
    expect(keyed.body).toEqual(open.body);
  });
});
