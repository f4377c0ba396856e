import { existsSync } from 'node:fs';
import { headPosition, uniqueId } from './support/ledger-client';
import { HttpAnswer, LedgerHarness, RequestOptions, TEST_KEYS } from './support/ledger-harness';
import { expectProblem } from './support/problems';

const establish = () => ({ bodyId: uniqueId('body'), name: 'A body', definition: 'A definition.', occurredAt: '2020-01-01' });
const from = (address: string, options: RequestOptions = {}): RequestOptions => ({ ...options, headers: { ...options.headers, 'x-forwarded-for': address } });

/** A 429 as catalogued, naming the allowance spent and when to come back. */
function expectRateLimited(answer: HttpAnswer, limit: string, perMinute: number): void {
  expect(expectProblem(answer, 429, 'rate-limited')).toMatchObject({ limit, perMinute });
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
}

/** Helmet's headers, with the policy that keeps every resource on this origin. */
function expectSecurityHeaders(answer: HttpAnswer): void {
  const policy = answer.headers.get('content-security-policy') ?? '';
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('upgrade-insecure-requests');
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
  expect(answer.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
}

describe('Abuse: request limits, security headers, CORS', () => {
  describe('limits per key and wrong keys per address', () => {
    let ledger: LedgerHarness;
    beforeAll(async () => {
      ledger = await LedgerHarness.start({ CONCORD_RATE_LIMIT_KEY_PER_MINUTE: '5', CONCORD_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '3' });
    });
    afterAll(() => ledger.stop({ checkEvents: false }));

    it('refuses a key past its allowance with 429 and Retry-After, records nothing, and leaves other keys and health probes alone', async () => {
      const head = await headPosition(ledger);
      // One key however its header is spelled: five requests spend its allowance.
      const key = TEST_KEYS.secretariat;
      for (const authorization of [`Bearer ${key}`, `bearer ${key}`, `BEARER ${key}`, `Bearer   ${key}`, `Bearer\t${key}`]) {
        expectProblem(await ledger.get('/v1/bodies/nothing-here', { role: null, headers: { authorization } }), 404, 'body-not-found');
      }

      const refused = await ledger.post('/v1/bodies', establish());
      expectRateLimited(refused, 'key', 5);
      expectSecurityHeaders(refused);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(11);

      expectProblem(await ledger.get('/v1/bodies/nothing-here', { role: 'auditor' }), 404, 'body-not-found');
      for (let i = 0; i < 20; i += 1) expect((await ledger.get('/health/ready', { role: null })).status).toBe(200);
      expect(await headPosition(ledger)).toBe(head);
    });

    it('tells a key sent under another scheme to use Bearer, and counts it as no guess against the address', async () => {
      for (const [index, scheme] of ['Basic', 'Token', 'Basic', 'ApiKey'].entries()) {
        const answer = await ledger.get('/v1/bodies/nothing-here', { role: null, headers: { authorization: `${scheme} ${TEST_KEYS.integrator}-${index}` } });
        expect(expectProblem(answer, 401, 'unauthorized')['detail']).toBe(`the Authorization header uses the "${scheme}" scheme: send the key as Bearer <key>`);
      }
      const bare = await ledger.get('/v1/bodies/nothing-here', { role: null, headers: { authorization: TEST_KEYS.integrator } });
      expect(expectProblem(bare, 401, 'unauthorized')['detail']).toBe('the Authorization header is not Bearer <key>: send the key after the word Bearer');
      // Five headers that tried no key, past the three wrong keys allowed: the right key is still let in.
      expectProblem(await ledger.get('/v1/bodies/nothing-here', { role: 'integrator' }), 404, 'body-not-found');
    });

    it('tells a client still sending a revoked key so, and counts it as no guess against the address', async () => {
      const issued = (await ledger.post('/v1/keys', { name: 'Feed Reader To Revoke', role: 'integrator' }, { role: 'admin' })).body as {
        key: string;
        keyId: string;
      };
      expect((await ledger.request('DELETE', `/v1/keys/${issued.keyId}`, undefined, { role: 'admin' })).status).toBe(200);
      // Four tries, past the three wrong keys allowed: a client reconnecting with the key it was given.
      for (let i = 0; i < 4; i += 1) {
        const refused = await ledger.get('/v1/events', { role: null, headers: { authorization: `Bearer ${issued.key}` } });
        expect(expectProblem(refused, 401, 'unauthorized')['detail']).toMatch(
          /^this key was revoked at \d{4}-\d{2}-\d{2}T[\d:.]+Z: ask an admin for a new one$/,
        );
      }
      expectProblem(await ledger.get('/v1/bodies/nothing-here', { role: 'integrator' }), 404, 'body-not-found');
    });

    it('after too many wrong keys from one address, refuses even a right key from it until the allowance refills', async () => {
      const wrong: RequestOptions = { role: null, headers: { authorization: 'Bearer not-a-key-of-this-ledger-000' } };
      for (let i = 0; i < 3; i += 1) expectProblem(await ledger.get('/v1/bodies/nothing-here', wrong), 401, 'unauthorized');

      expectRateLimited(await ledger.get('/v1/bodies/nothing-here', { role: 'integrator' }), 'authentication-failures', 3);
      expectRateLimited(await ledger.get('/v1/bodies/nothing-here', wrong), 'authentication-failures', 3);
      // Unkeyed requests are not guesses: the public routes still answer.
      expect((await ledger.get('/v1/schemas', { role: null })).status).toBe(200);
    });
  });

  describe('limits per address', () => {
    it("counts the connection's address, not X-Forwarded-For, unless the proxy is trusted", async () => {
      const ledger = await LedgerHarness.start({ CONCORD_RATE_LIMIT_ADDRESS_PER_MINUTE: '4' });
      try {
        for (let i = 0; i < 4; i += 1) expect((await ledger.get('/v1/schemas', from(`203.0.113.${i}`, { role: null }))).status).toBe(200);
        expectRateLimited(await ledger.get('/v1/schemas', from('203.0.113.99', { role: null })), 'address', 4);
        expectRateLimited(await ledger.get('/v1/bodies/x', from('203.0.113.98')), 'address', 4);
      } finally {
        await ledger.stop({ checkEvents: false });
      }
    });

    it.each([
      ['by its address', '127.0.0.1'],
      ['by a count of proxy hops', '1'],
    ])('counts each client behind a proxy trusted %s apart', async (_how, trusted) => {
      const ledger = await LedgerHarness.start({ CONCORD_RATE_LIMIT_ADDRESS_PER_MINUTE: '2', CONCORD_TRUST_PROXY: trusted });
      try {
        for (let i = 0; i < 2; i += 1) expect((await ledger.get('/v1/schemas', from('203.0.113.1', { role: null }))).status).toBe(200);
        expectRateLimited(await ledger.get('/v1/schemas', from('203.0.113.1', { role: null })), 'address', 2);
        expect((await ledger.get('/v1/schemas', from('203.0.113.2', { role: null }))).status).toBe(200);
      } finally {
        await ledger.stop({ checkEvents: false });
      }
    });
  });

  describe('with the defaults: CORS closed', () => {
    let ledger: LedgerHarness;
    beforeAll(async () => {
      ledger = await LedgerHarness.start();
    });
    afterAll(() => ledger.stop());

    it('puts the security headers on every kind of answer', async () => {
      expectSecurityHeaders(await ledger.get('/health', { role: null }));
      expectSecurityHeaders(await ledger.get('/docs', { role: null }));
      expectSecurityHeaders(await ledger.get('/v1/bodies/x', { role: null }));
      expectSecurityHeaders(await ledger.get('/v1/no-such-route'));
      expectSecurityHeaders(await ledger.post('/v1/bodies', { bodyId: 'x' }));
    });

    it('refuses a preflight from any origin as problem+json, and gives a plain request no CORS headers', async () => {
      const preflight = await ledger.request('OPTIONS', '/v1/bodies', undefined, {
        role: null,
        headers: {
          origin: 'https://desk.example.org',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(expectProblem(preflight, 403, 'cors-origin-refused')).toMatchObject({ origin: 'https://desk.example.org' });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

      const plain = await ledger.get('/health', { role: null, headers: { origin: 'https://desk.example.org' } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('with CONCORD_CORS_ORIGINS', () => {
    let ledger: LedgerHarness;
    const desk = 'https://desk.example.org';
    beforeAll(async () => {
      ledger = await LedgerHarness.start({ CONCORD_CORS_ORIGINS: `${desk},http://localhost:5173` });
    });
    afterAll(() => ledger.stop());

    it("answers a listed origin's preflight with what a keyed JSON request needs", async () => {
      const preflight = await ledger.request('OPTIONS', '/v1/bodies', undefined, {
        role: null,
        headers: { origin: desk, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(desk);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      for (const header of ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'Last-Event-ID']) {
        expect(preflight.headers.get('access-control-allow-headers')).toContain(header);
      }
      expect(preflight.headers.get('vary')).toContain('Origin');
    });

    it('lets a listed origin read the answer and its ETag, and refuses the preflight of any other', async () => {
      const created = await ledger.post('/v1/bodies', establish(), { headers: { origin: desk } });
      expect(created.status).toBe(201);
      expect(created.headers.get('access-control-allow-origin')).toBe(desk);
      expect(created.headers.get('access-control-expose-headers')).toContain('ETag');

      const other = 'https://desk.example.org.attacker.test';
      expectProblem(
        await ledger.request('OPTIONS', '/v1/bodies', undefined, { role: null, headers: { origin: other, 'access-control-request-method': 'POST' } }),
        403,
        'cors-origin-refused',
      );
      expect((await ledger.get('/health', { role: null, headers: { origin: other } })).headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  const CHROMIUM = process.env.CONCORD_TEST_CHROMIUM ?? '/usr/bin/chromium';
  const describeInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
  if (!existsSync(CHROMIUM)) {
    console.warn(
      `SKIPPED: the /docs page under the Content-Security-Policy needs Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CONCORD_TEST_CHROMIUM)`,
    );
  }
  describeInBrowser(`in Chromium (${CHROMIUM})`, () => {
    it('renders /docs under the Content-Security-Policy with nothing refused', async () => {
      const { chromium } = await import('playwright-core');
      const ledger = await LedgerHarness.start();
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(String(error)));
        const answer = await page.goto(`${ledger.baseUrl}/docs`);
        expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
        await page.waitForSelector('.swagger-ui .opblock', { timeout: 15_000 });
        expect(await page.textContent('.swagger-ui .info .title')).toContain('Concord Ledger');
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
        await ledger.stop();
      }
    });
  });
});
