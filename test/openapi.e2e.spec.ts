import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { LedgerHarness } from './support/ledger-harness';
import { expectInvalidField } from './support/problems';

/** Every command of the API, as documented in the brief: one POST each. */
const COMMAND_PATHS = [
  '/v1/bodies',
  '/v1/bodies/{bodyId}/participants',
  '/v1/bodies/{bodyId}/observers',
  '/v1/bodies/{bodyId}/participants/{participantId}/suspension',
  '/v1/bodies/{bodyId}/participants/{participantId}/reinstatement',
  '/v1/bodies/{bodyId}/members/{memberId}/withdrawal',
  '/v1/bodies/{bodyId}/vice-chair',
  '/v1/bodies/{bodyId}/chair',
  '/v1/bodies/{bodyId}/meetings',
  '/v1/bodies/{bodyId}/proposals',
  '/v1/meetings/{meetingId}/statements',
  '/v1/meetings/{meetingId}/communique',
  '/v1/meetings/{meetingId}/closure',
  '/v1/proposals/{proposalId}/revisions',
  '/v1/proposals/{proposalId}/support',
  '/v1/proposals/{proposalId}/objections',
  '/v1/proposals/{proposalId}/objections/{participantId}/withdrawal',
  '/v1/proposals/{proposalId}/decision',
  '/v1/proposals/{proposalId}/deferral',
  '/v1/proposals/{proposalId}/withdrawal',
  '/v1/corrections',
];

const QUERY_PATHS = [
  '/v1/bodies',
  '/v1/bodies/{bodyId}',
  '/v1/bodies/{bodyId}/meetings',
  '/v1/bodies/{bodyId}/statements',
  '/v1/bodies/{bodyId}/chairs',
  '/v1/bodies/{bodyId}/proposals',
  '/v1/bodies/{bodyId}/definition',
  '/v1/bodies/{bodyId}/history',
  '/v1/meetings/{meetingId}',
  '/v1/proposals/{proposalId}',
  '/v1/proposals/{proposalId}/history',
];

interface OpenApiOperation {
  parameters?: { name: string; in: string; schema?: object }[];
  responses?: Record<string, { description?: string; headers?: Record<string, { $ref?: string }>; content?: Record<string, { schema?: { $ref?: string } }> }>;
}

interface OpenApiDocument {
  openapi: string;
  servers?: { url: string }[];
  info: { title: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: {
    securitySchemes?: Record<string, { type: string; scheme?: string }>;
    responses?: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema?: unknown }> }>;
    headers?: Record<string, { description?: string; schema?: unknown }>;
    schemas?: Record<string, { properties?: Record<string, { description?: string; example?: unknown; enum?: unknown[]; $ref?: string; allOf?: unknown[] }> }>;
  };
}

describe('The API describes itself', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
  });
  afterAll(() => ledger.stop());

  describe('GET /openapi.json', () => {
    let document: OpenApiDocument;
    beforeAll(async () => {
      const answer = await ledger.get('/openapi.json', { role: null });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json\b/);
      document = answer.body as unknown as OpenApiDocument;
    });

    it('is an OpenAPI 3 document, served without a key', () => {
      expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
      expect(document.info.title).toBe('Concord Ledger');
    });

    it("writes its schemas as OpenAPI 3.1 does: null in the type, not 3.0's nullable; whole numbers as integer", () => {
      const text = JSON.stringify(document);
      expect(document.openapi).toBe('3.1.0');
      expect(text).not.toContain('"nullable"');
      const schemas = document.components?.schemas as Record<string, { properties?: Record<string, { type?: unknown; enum?: unknown[] }> }>;
      const register = schemas['RegisterWebhookDto']?.properties ?? {};
      expect(register['bodyId']?.type).toEqual(['string', 'null']);
      expect(register['types']?.type).toEqual(['array', 'null']);
      expect(register['description']?.type).toEqual(['string', 'null']);
      expect(register['after']?.type).toBe('integer');
      expect(schemas['ReplayWebhookDto']?.properties?.['from']?.type).toBe('integer');
      // Every number a request may carry is a whole one (a revision, a term, a position).
      const requestNumbers = Object.entries(schemas)
        .filter(([name]) => name.endsWith('Dto'))
        .flatMap(([name, schema]) => Object.entries(schema.properties ?? {}).map(([field, property]) => [`${name}.${field}`, property.type] as const))
        .filter(([, type]) => type === 'number' || (Array.isArray(type) && type.includes('number')));
      expect(requestNumbers).toEqual([]);
    });

    it('lists every command as a POST', () => {
      const posts = Object.entries(document.paths)
        .filter(
          ([path, operations]) => 'post' in operations && !path.startsWith('/v1/webhooks') && !path.startsWith('/v1/keys') && !path.startsWith('/v1/audit'),
        )
        .map(([path]) => path);
      expect(posts.sort()).toEqual([...COMMAND_PATHS].sort());
    });

    it('lists every query as a GET', () => {
      for (const path of QUERY_PATHS) expect(document.paths[path]).toHaveProperty('get');
    });

    it('documents the page parameters of the lists', () => {
      for (const path of ['/v1/bodies', '/v1/bodies/{bodyId}/meetings', '/v1/bodies/{bodyId}/statements', '/v1/bodies/{bodyId}/history']) {
        const names = (document.paths[path]?.get?.parameters ?? []).map((parameter) => parameter.name);
        expect({ path, names }).toEqual({ path, names: expect.arrayContaining(['limit', 'cursor']) });
      }
    });

    it('lets every query be asked at a point in time', () => {
      for (const path of QUERY_PATHS) {
        const names = (document.paths[path]?.get?.parameters ?? []).map((parameter) => parameter.name);
        expect({ path, names }).toEqual({ path, names: expect.arrayContaining(['asOf', 'effectiveAt', 'atPosition']) });
      }
    });

    it('documents the problem answers of every endpoint and the headers of every command', () => {
      for (const [path, item] of Object.entries(document.paths).filter(([path]) => path.startsWith('/v1/'))) {
        for (const [method, operation] of Object.entries(item)) {
          // The published schemas take no parameters but the path, need no key and answer only 404 otherwise.
          const status = path.startsWith('/v1/schemas') ? '404' : '400';
          const problem = operation.responses?.[status]?.content?.['application/problem+json']?.schema?.$ref;
          expect({ path, method, problem, has404: '404' in (operation.responses ?? {}) }).toEqual({
            path,
            method,
            problem: '#/components/schemas/Problem',
            has404: true,
          });
          const headers = (operation.parameters ?? []).filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name);
          if (method === 'post' && ['/v1/bodies', '/v1/meetings', '/v1/proposals', '/v1/corrections'].some((prefix) => path.startsWith(prefix))) {
            expect({ path, headers }).toEqual({ path, headers: expect.arrayContaining(['Idempotency-Key', 'If-Match']) });
            expect(operation.responses?.['422']?.description).toContain('observer-cannot-object');
          } else {
            // Webhook and key management and checkpoint signing record no event: they refuse the command headers.
            expect({ path, method, headers: headers.filter((name) => name === 'Idempotency-Key' || name === 'If-Match') }).toEqual({
              path,
              method,
              headers: [],
            });
          }
        }
      }
    });

    it('declares the response headers the API sends: ETag and Idempotent-Replayed on a recorded command, Retry-After, WWW-Authenticate, X-Request-Id', async () => {
      const declared = (path: string, method: string, status: number): string[] =>
        Object.keys(document.paths[path]?.[method]?.responses?.[String(status)]?.headers ?? {});
      for (const [path, item] of Object.entries(document.paths).filter(([path]) => path.startsWith('/v1/'))) {
        for (const [method, operation] of Object.entries(item)) {
          // 408 and 431 are written to the socket before any hook of the framework: no request id.
          for (const status of Object.keys(operation.responses ?? {}).filter((status) => status !== '408' && status !== '431'))
            expect({ path, method, status, headers: declared(path, method, Number(status)) }).toMatchObject({
              headers: expect.arrayContaining(['X-Request-Id']),
            });
          expect([...declared(path, method, 408), ...declared(path, method, 431)]).not.toContain('X-Request-Id');
          if ('429' in (operation.responses ?? {})) expect(declared(path, method, 429)).toContain('Retry-After');
          if ('503' in (operation.responses ?? {})) expect(declared(path, method, 503)).toContain('Retry-After');
          if ('401' in (operation.responses ?? {})) expect(declared(path, method, 401)).toContain('WWW-Authenticate');
        }
      }
      expect(Object.keys(document.components?.headers ?? {}).sort()).toEqual([
        'ETag',
        'Idempotent-Replayed',
        'Retry-After',
        'WWW-Authenticate',
        'X-Request-Id',
      ]);

      // What a recorded command and a resource read now answer, against what their operations declare.
      const establish = () =>
        ledger.post(
          '/v1/bodies',
          {
            bodyId: 'headers-declared',
            name: 'Headers declared',
            definition: 'Rough diamonds used to finance wars against governments.',
            occurredAt: '2003-01-01',
          },
          { headers: { 'Idempotency-Key': 'headers-declared-1' } },
        );
      const established = await establish();
      const replayed = await establish();
      expect([established.status, replayed.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
      for (const header of ['etag', 'x-request-id', 'idempotent-replayed']) {
        expect(replayed.headers.get(header)).not.toBeNull();
        expect(declared('/v1/bodies', 'post', 201).map((name) => name.toLowerCase())).toContain(header);
      }
      const body = await ledger.get('/v1/bodies/headers-declared');
      expect(body.headers.get('etag')).not.toBeNull();
      expect(declared('/v1/bodies/{bodyId}', 'get', 200)).toContain('ETag');
      const causation = document.paths['/v1/bodies']?.['post']?.parameters?.find((parameter) => parameter.name === 'X-Causation-Id');
      const pattern = new RegExp((causation?.schema as { pattern?: string } | undefined)?.pattern ?? '');
      expect([pattern.test('cause-1'), pattern.test('é'), pattern.test('x'.repeat(129))]).toEqual([true, false, false]);
      const refusedCause = await ledger.post('/v1/bodies', { bodyId: 'headers-refused' }, { headers: { 'X-Causation-Id': 'x'.repeat(129) } });
      expectInvalidField(refusedCause, 'X-Causation-Id');
      const unauthorized = await ledger.get('/v1/bodies', { role: null });
      expect([unauthorized.status, unauthorized.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="concord-ledger"']);
    });

    it("documents the integrators' routes: the event feed and stream, and webhook management without command headers", () => {
      expect(Object.keys(document.paths['/v1/events'] ?? {})).toEqual(['get']);
      expect(Object.keys(document.paths['/v1/events/stream'] ?? {})).toEqual(['get']);
      expect(Object.keys(document.paths['/v1/webhooks'] ?? {}).sort()).toEqual(['get', 'post']);
      expect(Object.keys(document.paths['/v1/webhooks/{webhookId}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
      const register = document.paths['/v1/webhooks']?.post;
      expect((register?.parameters ?? []).map((parameter) => parameter.name)).not.toContain('Idempotency-Key');
      expect(register?.responses?.['422']?.description).toContain('webhook-url-refused');
      expect(Object.keys(document.paths['/v1/webhooks']?.get?.responses ?? {})).toContain('403');
      expect(Object.keys(document.paths['/v1/schemas']?.get?.responses ?? {})).not.toContain('401');
      expect(Object.keys(document.paths['/v1/schemas/{type}/{version}']?.get?.responses ?? {})).toEqual(expect.arrayContaining(['400', '404', '429']));
      expect(Object.keys(document.paths['/v1/keys']?.get?.responses ?? {})).toEqual(expect.arrayContaining(['403', '429', '431']));
      expect(Object.keys(document.paths['/v1/webhooks']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['415', '429', '431']));
    });

    it('describes the points a stream resumes after as the stream takes them: a position (zero-padded as a sequence too), with the id of its event or not, or empty before any event', () => {
      const ajv = new Ajv2020({ strict: false });
      const parameters = document.paths['/v1/events/stream']?.get?.parameters ?? [];
      for (const name of ['lastEventId', 'Last-Event-ID']) {
        const schema = parameters.find((parameter) => parameter.name === name)?.schema;
        expect({ name, schema: schema === undefined ? 'missing' : 'given' }).toEqual({ name, schema: 'given' });
        const accepts = (value: string): boolean => ajv.validate(schema as object, value);
        const eventId = '0b5e8a52-1f47-4a55-9d4e-2f4c1e6b7a90';
        expect({
          name,
          taken: ['', '0', '1200', '007', `1200:${eventId}`].map(accepts),
          refused: ['x', '-1', '1.5', '1200:', `1200:${eventId.toUpperCase()}`, `:${eventId}`].map(accepts),
        }).toEqual({
          name,
          taken: [true, true, true, true, true],
          refused: [false, false, false, false, false, false],
        });
      }
    });

    it('lists 409 feed-position-rewritten on the feed and the stream, and on no operation that never answers it', () => {
      for (const path of ['/v1/events', '/v1/events/stream']) {
        expect({ path, conflict: document.paths[path]?.get?.responses?.['409']?.description }).toEqual({ path, conflict: '`feed-position-rewritten`' });
      }
      const conflicts = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.entries(item as Record<string, { responses?: Record<string, { description?: string }> }>)
          .filter(([, operation]) => operation.responses?.['409']?.description?.includes('feed-position-rewritten'))
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      expect(conflicts.sort()).toEqual(['GET /v1/events', 'GET /v1/events/stream']);
    });

    it('lists the refusals of the health routes: 503 when the store does not answer or the ledger stops', () => {
      for (const path of ['/health', '/health/live', '/health/ready']) {
        expect({ path, statuses: Object.keys(document.paths[path]?.get?.responses ?? {}).sort() }).toEqual({
          path,
          statuses: ['200', '408', '431', '500', '503'],
        });
      }
      expect(document.paths['/health/ready']?.get?.responses?.['503']?.description).toMatch(
        /`not-ready`.*`store-unavailable`|`store-unavailable`.*`not-ready`/,
      );
    });

    it('lists on every operation of the API the 500 an event the ledger cannot read, or a failure of its own, is answered with', () => {
      const apiPaths = Object.entries(document.paths).filter(([path]) => path.startsWith('/v1/') || path.startsWith('/health'));
      expect(apiPaths.length).toBeGreaterThan(20);
      for (const [path, item] of apiPaths)
        for (const [method, operation] of Object.entries(item ?? {})) {
          const responses = (operation as { responses?: Record<string, { description?: string }> }).responses;
          if (responses === undefined) continue;
          expect({ path, method, described: responses['500']?.description ?? '' }).toEqual({
            path,
            method,
            described: expect.stringMatching(/`internal-error`.*`log-unreadable`|`log-unreadable`.*`internal-error`/),
          });
        }
    });

    it('describes the 405 that a method a path does not list is answered, as the API answers it on every path', async () => {
      expect(document.info.description).toContain('components.responses.MethodNotAllowed');
      const described = document.components?.responses?.['MethodNotAllowed'];
      expect(Object.keys(described?.headers ?? {})).toEqual(['Allow', 'X-Request-Id']);
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addSchema({ $id: 'openapi.json', components: document.components });
      const validate = ajv.compile({ $ref: 'openapi.json#/components/responses/MethodNotAllowed/content/application~1problem+json/schema' });
      for (const [path, item] of Object.entries(document.paths)) {
        // No path answers PUT; the methods it does answer are those the document lists, and HEAD wherever GET.
        const listed = Object.keys(item).map((method) => method.toUpperCase());
        const allow = [...listed, ...(listed.includes('GET') ? ['HEAD'] : [])].sort().join(', ');
        const answer = await ledger.request('PUT', path.replace(/\{[^}]+\}/g, 'x'), undefined, { role: null });
        expect({ path, status: answer.status, type: answer.headers.get('content-type'), allow: answer.headers.get('allow') }).toEqual({
          path,
          status: 405,
          type: 'application/problem+json; charset=utf-8',
          allow,
        });
        expect({ path, errors: validate(answer.body) ? [] : validate.errors }).toEqual({ path, errors: [] });
        expect(answer.body['allowed']).toEqual(allow.split(', '));
      }
    });

    it('declares bearer authentication with plain API keys, not JWTs', () => {
      const schemes = Object.values(document.components?.securitySchemes ?? {});
      expect(schemes).toContainEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
      expect(schemes.filter((scheme) => 'bearerFormat' in scheme)).toEqual([]);
    });

    it("describes the request bodies as the API takes them: no field besides those listed, a webhook's types named once each", () => {
      const bodies = Object.entries(document.components?.schemas ?? {}).filter(([name]) => name.endsWith('Dto'));
      expect(bodies.length).toBeGreaterThan(20);
      for (const [name, schema] of bodies)
        expect({ name, closed: (schema as { additionalProperties?: unknown }).additionalProperties }).toEqual({ name, closed: false });
      expect(document.components?.schemas?.['RegisterWebhookDto']?.properties?.['types']).toMatchObject({ minItems: 1, uniqueItems: true });
      // The answers keep their extension members open: a problem carries `errors`, `headPosition`….
      expect((document.components?.schemas?.['Problem'] as { additionalProperties?: unknown }).additionalProperties).not.toBe(false);
    });

    it('names the path the API is reached under, as CONCORD_PUBLIC_URL gives it, relative to where the document was read', async () => {
      expect(document.servers).toEqual([{ url: '/' }]);
      const behindAPath = await LedgerHarness.start({ CONCORD_PUBLIC_URL: 'https://ledger.example.org/kp/' });
      try {
        expect(((await behindAPath.get('/openapi.json', { role: null })).body as unknown as OpenApiDocument).servers).toEqual([{ url: '/kp' }]);
      } finally {
        await behindAPath.stop();
      }
    });

    it('describes each command field for the command it belongs to', () => {
      const field = (schema: string, property: string): string | undefined => document.components?.schemas?.[schema]?.properties?.[property]?.description;
      expect(field('AssignChairDto', 'participantId')).toMatch(/Chair/);
      expect(field('AssignChairDto', 'participantId')).not.toMatch(/Vice-Chair/);
      expect(field('AssignChairDto', 'term')).toMatch(/Chair's term/);
      expect(field('AssignChairDto', 'term')).not.toMatch(/Vice-Chair/);
      expect(field('SelectViceChairDto', 'participantId')).toMatch(/Vice-Chair/);
      expect(field('RaiseObjectionDto', 'participantId')).toMatch(/objection/);
      expect(field('ExpressSupportDto', 'participantId')).toMatch(/support/);
    });
  });

  describe('examples of command fields', () => {
    let document: OpenApiDocument;
    beforeAll(async () => {
      document = (await ledger.get('/openapi.json', { role: null })).body as unknown as OpenApiDocument;
    });

    it('give every field of every command body an example its own schema accepts', () => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      const problems: string[] = [];
      for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
        if (!name.endsWith('Dto')) continue;
        for (const [field, property] of Object.entries(schema.properties ?? {})) {
          // An enumeration (inline or by reference) lists its values; it needs no example.
          if (property.enum || property.$ref || property.allOf) continue;
          if (property.example === undefined) problems.push(`${name}.${field} has no example`);
          else if (!ajv.validate(property, property.example)) problems.push(`${name}.${field}: ${ajv.errorsText()}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('give each id field an id that field would hold', () => {
      const example = (schema: string, property: string): unknown => document.components?.schemas?.[schema]?.properties?.[property]?.example;
      expect(example('RaiseObjectionDto', 'participantId')).toBe('ru');
      expect(example('AssignChairDto', 'participantId')).toBe('bw');
      expect(example('RecordStatementDto', 'speakerId')).toBe('ua');
      expect(example('DeclareOutcomeDto', 'meetingId')).toBe('gaborone-2022');
      expect(example('EstablishBodyDto', 'bodyId')).toBe('kimberley-process');
    });
  });

  describe('GET /docs', () => {
    it('answers 200 with an HTML page, without a key', async () => {
      const response = await fetch(`${ledger.baseUrl}/docs`);
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html\b/);
      expect(html).toMatch(/<html/i);
      expect(html).toMatch(/swagger/i);
    });
  });
});
