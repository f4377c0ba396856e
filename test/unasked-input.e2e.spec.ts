import { LedgerHarness, TEST_KEYS } from './support/ledger-harness';
import { expectProblem } from './support/problems';

/**
 * A parameter or a body that a route does not read is refused, not silently dropped: a misspelt
 * `?asof=` or a body sent to `POST .../resume` must not look as if it had been taken into account.
 */
describe('Input a route does not read', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
  });
  afterAll(() => ledger.stop());

  it.each([
    ['GET', '/v1/webhooks?foo=1', 'integrator'],
    ['GET', '/v1/schemas?foo=1', null],
    ['GET', '/asyncapi.json?foo=1', null],
    ['GET', '/v1/audit/keys?x=1', 'auditor'],
    ['GET', '/v1/audit/checkpoint?x=1', 'auditor'],
    ['GET', '/health?verbose=1', null],
    ['GET', '/v1/keys?all=1', 'admin'],
  ] as const)('refuses a query parameter of %s %s with 400 naming it', async (method, path, role) => {
    const answer = await ledger.request(method, path, undefined, { role });
    expectProblem(answer, 400, 'validation-failed');
    const name = new URL(path, 'http://x').searchParams.keys().next().value as string;
    expect(answer.body.errors).toEqual([{ field: name, messages: ['is not a parameter of this route, which takes none'] }]);
  });

  it('refuses a query parameter of a command, and records nothing', async () => {
    const answer = await ledger.post('/v1/bodies?dryRun=true', {
      bodyId: 'kp-unasked',
      name: 'KP',
      definition: 'Conflict diamonds.',
      occurredAt: '2003-01-01',
    });
    expectProblem(answer, 400, 'validation-failed');
    expect((await ledger.get('/v1/bodies/kp-unasked')).status).toBe(404);
  });

  it.each([
    ['POST', '/v1/webhooks', { url: 'https://receiver.example.org/concord' }, 'integrator', 'Idempotency-Key', 'register-decisions-1'],
    ['POST', '/v1/keys', { name: 'Registry Bot', role: 'integrator' }, 'admin', 'Idempotency-Key', 'issue-key-bot-1'],
    ['POST', '/v1/audit/checkpoints', undefined, 'auditor', 'If-Match', '"3"'],
  ] as const)('refuses the command header %s %s takes no command header from, naming it, and does nothing', async (method, path, body, role, name, value) => {
    // What the route would have added to: the webhooks, the keys, the checkpoints listed.
    const listed = async (): Promise<number> => {
      const answer = await ledger.get(path, { role: path === '/v1/audit/checkpoints' ? 'auditor' : role });
      return (Object.values(answer.body).find(Array.isArray) as unknown[]).length;
    };
    const before = await listed();
    const answer = await ledger.request(method, path, body, { role, headers: { [name.toLowerCase()]: value } });
    expectProblem(answer, 400, 'validation-failed');
    const why =
      name === 'If-Match' ? 'nothing here is held to a stream revision, so it would guard nothing' : 'sending it again would not be recognised as a retry';
    expect(answer.body.errors).toEqual([{ field: name, messages: [`is taken by commands only: this route records no event, and ${why}`] }]);
    expect(await listed()).toBe(before);
  });

  it('refuses a body sent to a route that takes none, and takes an empty one', async () => {
    expectProblem(await ledger.post('/v1/audit/checkpoints', { treeSize: 1 }, { role: 'auditor' }), 400, 'validation-failed');
    expect([200, 201]).toContain((await ledger.post('/v1/audit/checkpoints', {}, { role: 'auditor' })).status);
    // Declared JSON, but no bytes: no body, as a client library sends a POST it was given none for.
    const declaredEmpty = await fetch(`${ledger.baseUrl}/v1/audit/checkpoints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_KEYS.auditor}`, 'content-type': 'application/json' },
      body: '',
    });
    expect([200, 201]).toContain(declaredEmpty.status);
    expect([200, 201]).toContain((await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' })).status);
  });

  it('checks the key first: an unknown caller learns nothing of the route', async () => {
    expectProblem(await ledger.request('GET', '/v1/webhooks?foo=1', undefined, { role: null }), 401, 'unauthorized');
  });

  it("refuses control characters, bidirectional overrides and unpaired surrogates in a webhook's description", async () => {
    for (const description of ['abc\u202edef', 'nul\u0000', 'half \ud800']) {
      const answer = await ledger.post('/v1/webhooks', { url: 'https://registry.example.org/hook', description }, { role: 'integrator' });
      expectProblem(answer, 400, 'validation-failed');
      expect(JSON.stringify(answer.body.errors)).toContain('description');
    }
  });
});
