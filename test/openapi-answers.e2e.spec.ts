import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { decide, object, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { HttpAnswer, LedgerHarness } from './support/ledger-harness';
import { record } from './support/ledger-client';
import { WebhookReceiver } from './support/webhook-receiver';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

/** The document's operation that serves `path` (a concrete path, query string left out): a literal path first, then a template. */
function templateOf(document: OpenApiDocument, path: string): string {
  const bare = path.split('?')[0] as string;
  if (Object.hasOwn(document.paths, bare)) return bare;
  const template = Object.keys(document.paths).find((candidate) => new RegExp(`^${candidate.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare));
  if (!template) throw new Error(`no operation of the document serves ${bare}`);
  return template;
}

describe('Every success answer is the one the OpenAPI document describes', () => {
  let ledger: LedgerHarness;
  let receiver: WebhookReceiver;
  let document: OpenApiDocument;
  let ajv: Ajv2020;
  const checked = new Set<string>();

  /** Validates an answer against the schema of its operation's success status; returns it for chaining. */
  const described = (method: string, path: string, answer: HttpAnswer): HttpAnswer => {
    const template = templateOf(document, path);
    const operation = document.paths[template]?.[method.toLowerCase()];
    const success = Object.keys(operation?.responses ?? {}).find((status) => status.startsWith('2'));
    expect({ method, path, status: String(answer.status), body: answer.body }).toEqual({ method, path, status: success, body: answer.body });
    const response = operation?.responses?.[String(answer.status)];
    const schema = response?.content?.['application/json']?.schema;
    expect({ method, template, hasSchema: schema !== undefined }).toEqual({ method, template, hasSchema: true });
    const reference = schema?.['$ref'];
    const validate = ajv.compile(typeof reference === 'string' ? { $ref: `openapi.json${reference}` } : (schema as object));
    const valid = validate(answer.body);
    expect({ method, path, errors: valid ? [] : validate.errors }).toEqual({ method, path, errors: [] });
    checked.add(`${method} ${template}`);
    return answer;
  };
  const get = async (path: string, role: 'secretariat' | 'auditor' | 'integrator' | 'admin' = 'auditor') =>
    described('GET', path, await ledger.get(path, { role }));
  const post = async (path: string, body: unknown, role: 'secretariat' | 'integrator' | 'admin' = 'secretariat') =>
    described('POST', path, await ledger.post(path, body, { role }));

  beforeAll(async () => {
    ledger = await LedgerHarness.start({ CONCORD_WEBHOOK_ALLOW_PRIVATE: 'true' });
    receiver = await WebhookReceiver.start();
    document = (await ledger.get('/openapi.json', { role: null })).body as unknown as OpenApiDocument;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi.json', components: document.components });
  });
  afterAll(async () => {
    await receiver.stop();
    await ledger.stop();
  });

  it('is an OpenAPI 3.1 document a 3.1 validator accepts', () => {
    expect(document.openapi).toBe('3.1.0');
    const directory = mkdtempSync(join(tmpdir(), 'concord-openapi-'));
    try {
      const file = join(directory, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      // The validator is an ES module: it runs in a process of its own.
      const script = `import { Validator } from '@seriousme/openapi-schema-validator';
        const validator = new Validator();
        const result = await validator.validate(process.argv[1]);
        process.stdout.write(JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors ?? null }));`;
      const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], { cwd: process.cwd(), encoding: 'utf8' });
      expect(JSON.parse(output)).toEqual({ valid: true, version: '3.1', errors: null });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("is the source of the console's typed client, which is up to date with it (UPDATE_DOCS=1 rewrites it)", () => {
    const directory = mkdtempSync(join(tmpdir(), 'concord-openapi-'));
    try {
      const file = join(directory, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      // openapi-typescript is an ES module: it runs in a process of its own.
      const script = `import { readFileSync } from 'node:fs';
        import openapiTS, { astToString } from 'openapi-typescript';
        const ast = await openapiTS(JSON.parse(readFileSync(process.argv[1], 'utf8')));
        process.stdout.write(astToString(ast));`;
      const generated = `// Generated from /openapi.json by openapi-typescript: do not edit (UPDATE_DOCS=1 npx jest test/openapi-answers).\n${execFileSync(
        process.execPath,
        ['--input-type=module', '-e', script, file],
        { cwd: process.cwd(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      )}`;
      const client = join(process.cwd(), 'apps/console/src/api/schema.d.ts');
      if (process.env['UPDATE_DOCS'] === '1') writeFileSync(client, generated);
      expect(readFileSync(client, 'utf8')).toBe(generated);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('gives every operation a success answer, with a schema unless it answers nothing or text', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
        expect({ path, method, successes: successes.length }).toEqual({ path, method, successes: 1 });
        const [status, response] = successes[0] as [string, { content?: Record<string, { schema?: unknown }> }];
        if (status === '204') continue;
        const media = Object.entries(response.content ?? {});
        expect({ path, method, media: media.length, schema: media[0]?.[1].schema !== undefined }).toEqual({ path, method, media: 1, schema: true });
      }
    }
  });

  it('answers the story of the Kimberley Process as described, query by query and command by command', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional, title: 'Discuss the war' });
    const support = await post(`/v1/proposals/${proposalId}/support`, { participantId: 'eu', occurredAt: '2022-06-22' });
    await object(ledger, proposalId, 'ru');
    await post(`/v1/meetings/${kp.intersessional}/statements`, { speakerId: 'ua', proposalId, summary: 'Ukraine speaks.', occurredAt: '2022-06-21T10:00:00Z' });
    await post('/v1/corrections', {
      correctsEventId: (support.body.eventIds as string[])[0],
      reason: 'keyed late',
      corrections: { occurredAt: '2022-06-21T12:00:00Z' },
      occurredAt: '2022-07-01',
    });
    expect((await decide(ledger, proposalId, { outcome: 'no-consensus', meetingId: kp.plenary })).status).toBe(201);

    await get('/v1/bodies');
    await get(`/v1/bodies/${kp.bodyId}`);
    await get(`/v1/bodies/${kp.bodyId}?effectiveAt=2021-06-01`);
    await get(`/v1/bodies/${kp.bodyId}/chairs`);
    await get(`/v1/bodies/${kp.bodyId}/proposals`);
    await get(`/v1/bodies/${kp.bodyId}/meetings?limit=1`);
    await get(`/v1/bodies/${kp.bodyId}/statements?q=ukraine`);
    await get(`/v1/bodies/${kp.bodyId}/definition`);
    await get(`/v1/bodies/${kp.bodyId}/history?limit=3`);
    await get(`/v1/meetings/${kp.intersessional}`);
    await get(`/v1/meetings/${kp.intersessional}/statements?q=ukraine`);
    await get(`/v1/proposals/${proposalId}`);
    await get(`/v1/proposals/${proposalId}/history`);
    await get(`/v1/proposals/${proposalId}/history?effectiveAt=2022-06-30`);
    await get('/v1/events?limit=5', 'integrator');
    await get('/health');
    await get('/health/live');
    await get('/health/ready');
    await get('/v1/schemas');
    await get('/asyncapi.json');

    const signed = await post('/v1/audit/checkpoints', undefined, 'secretariat');
    await get('/v1/audit/checkpoints');
    await get('/v1/audit/keys');
    await get(`/v1/audit/proofs/inclusion?position=1&treeSize=${signed.body.treeSize as number}`);
    await get(`/v1/audit/proofs/consistency?from=1&to=${signed.body.treeSize as number}`);

    const hook = await post('/v1/webhooks', { url: receiver.url }, 'integrator');
    await get('/v1/webhooks', 'integrator');
    await get(`/v1/webhooks/${hook.body.webhookId as string}`, 'integrator');
    await post(`/v1/webhooks/${hook.body.webhookId as string}/replay`, { from: 1 }, 'integrator');
    await post(`/v1/webhooks/${hook.body.webhookId as string}/resume`, undefined, 'integrator');

    const key = await post('/v1/keys', { name: 'Desk clerk', role: 'secretariat' }, 'admin');
    await get('/v1/keys', 'admin');
    described(
      'DELETE',
      `/v1/keys/${key.body.keyId as string}`,
      await ledger.request('DELETE', `/v1/keys/${key.body.keyId as string}`, undefined, { role: 'admin' }),
    );

    await record(ledger, `/v1/meetings/${kp.plenary}/closure`, { occurredAt: '2022-11-11' });
    expect(checked.size).toBeGreaterThanOrEqual(34);
  });
});
