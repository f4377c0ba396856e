import { admitParticipant, establishBody } from './support/kimberley-process';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort, LedgerHarness, TEST_KEYS } from './support/ledger-harness';
import { expectInvalidField, expectProblem } from './support/problems';
import { WebhookReceiver } from './support/webhook-receiver';
import { leaseHolderPid } from './support/webhook-leases';
import { removeStorage } from './support/ledger-storage';

jest.setTimeout(90_000);

const SECOND_INTEGRATOR = 'second-integrator-key-0000001';
const withSecondIntegrator = [...Object.entries(TEST_KEYS).map(([role, key]) => `${role}=${key}`), `integrator=${SECOND_INTEGRATOR}`].join(',');
/** A public address as a literal: registered without a name to resolve, which a machine without DNS cannot. */
const PUBLIC_TARGET = 'https://93.184.215.14';
const FAST_RETRIES = { CONCORD_WEBHOOK_ALLOW_PRIVATE: 'true', CONCORD_WEBHOOK_RETRY_BASE_MS: '50' };

/**
 * Posts `body` to a receiver on `port` as the ledger signs a delivery, sent as two writes a moment
 * apart that cut a multi-byte character in two. Answers the receiver's status.
 */
async function sendInTwoChunks(port: number, secret: string, body: string): Promise<number> {
  const bytes = Buffer.from(body, 'utf8');
  const cut = bytes.indexOf(Buffer.from('ダ', 'utf8')) + 1;
  const id = 'msg_split';
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
    .update(`${id}.${timestamp}.`)
    .update(bytes)
    .digest('base64');
  return new Promise((resolve, reject) => {
    const sending = request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        headers: { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}`, 'content-length': bytes.length },
      },
      (answer) => resolve(answer.resume().statusCode ?? 0),
    );
    sending.on('error', reject);
    sending.write(bytes.subarray(0, cut));
    setTimeout(() => sending.end(bytes.subarray(cut)), 100);
  });
}

/** Waits until something accepts connections on `port` (a process just spawned), at most 15 s. */
async function untilListening(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (accepted) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function headOf(ledger: LedgerHarness): Promise<number> {
  return (await ledger.get('/health', { role: null })).body.headPosition as number;
}

async function register(ledger: LedgerHarness, receiver: WebhookReceiver, fields: Record<string, unknown> = {}): Promise<string> {
  const answer = await ledger.post('/v1/webhooks', { url: receiver.url, ...fields }, { role: 'integrator' });
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 201 });
  receiver.secret = answer.body.secret as string;
  return answer.body.webhookId as string;
}

describe('webhooks: registration and management', () => {
  let ledger: LedgerHarness;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    const keys = [...Object.entries(TEST_KEYS).map(([role, key]) => `${role}=${key}`), `integrator=${SECOND_INTEGRATOR}`].join(',');
    ledger = await LedgerHarness.start({ CONCORD_API_KEYS: keys, CONCORD_WEBHOOK_ALLOW_PRIVATE: 'false' });
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await ledger.stop();
    await receiver.stop();
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['no types', { types: [] }, 'types', 'types must name at least one event type; leave it out, or send null, for all'],
    ['a type twice', { types: ['ObjectionRaised', 'ObjectionRaised'] }, 'types', 'types must name each event type once'],
    ['a position below 0', { after: -1 }, 'after', 'after must be a global position: an integer from 0'],
    ['a position that is no whole number', { after: 1.5 }, 'after', 'after must be a global position: an integer from 0'],
  ])('refuses %s in a registration, saying so as the event feed does', async (_case, fields, field, message) => {
    const answer = await ledger.post('/v1/webhooks', { url: 'https://example.org/hook', ...fields }, { role: 'integrator' });
    expectInvalidField(answer, field);
    expect(answer.body.errors).toEqual([{ field, messages: [message] }]);
  });

  it('refuses a replay from a position that is no whole number from 1, saying so as the event feed does', async () => {
    const registered = await ledger.post('/v1/webhooks', { url: `${PUBLIC_TARGET}/replayed` }, { role: 'integrator' });
    const webhookId = registered.body.webhookId as string;
    for (const from of [0, 1.5, '5']) {
      const answer = await ledger.post(`/v1/webhooks/${webhookId}/replay`, { from }, { role: 'integrator' });
      expectInvalidField(answer, 'from');
      expect(answer.body.errors).toEqual([{ field: 'from', messages: ['from must be a global position: an integer from 1'] }]);
    }
  });

  it("pauses on its owner's word and resumes, and documents a rotation as needing no body", async () => {
    const webhookId = (await ledger.post('/v1/webhooks', { url: `${PUBLIC_TARGET}/paused` }, { role: 'integrator' })).body.webhookId as string;
    const paused = await ledger.post(`/v1/webhooks/${webhookId}/pause`, undefined, { role: 'integrator' });
    expect({ status: paused.status, body: paused.body }).toMatchObject({
      status: 200,
      body: { status: 'paused', lastError: expect.stringContaining('paused by its owner') },
    });
    expect((await ledger.get(`/v1/webhooks/${webhookId}`, { role: 'integrator' })).body).toMatchObject({ status: 'paused' });
    expect((await ledger.post(`/v1/webhooks/${webhookId}/resume`, undefined, { role: 'integrator' })).body).toMatchObject({ status: 'active' });
    expect((await ledger.post(`/v1/webhooks/${webhookId}/rotate-secret`, undefined, { role: 'integrator' })).status).toBe(200);
    const document = (await ledger.get('/openapi.json', { role: null })).body as {
      paths: Record<string, Record<string, { requestBody?: { required?: boolean } }>>;
    };
    expect(document.paths['/v1/webhooks/{webhookId}/rotate-secret']?.['post']?.requestBody?.required).not.toBe(true);
  });

  it('refuses loopback and private targets unless the ledger allows them, and malformed ones always', async () => {
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost/hook', 'http://10.0.0.8/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest']) {
      expectProblem(await ledger.post('/v1/webhooks', { url }, { role: 'integrator' }), 422, 'webhook-url-refused');
    }
    expectProblem(await ledger.post('/v1/webhooks', { url: 'ftp://example.org/hook' }, { role: 'integrator' }), 422, 'webhook-url-refused');
    expectProblem(await ledger.post('/v1/webhooks', { url: 'https://user:secret@example.org/hook' }, { role: 'integrator' }), 422, 'webhook-url-refused');
    // The parser would take `hook` for the host of `http:///hook`; the answer names what is missing instead.
    for (const url of ['http:///hook', 'http://:8080/hook', 'http://user@/hook']) {
      const refused = expectProblem(await ledger.post('/v1/webhooks', { url }, { role: 'integrator' }), 422, 'webhook-url-refused');
      expect(refused.detail).toMatch(/^url has no host: /);
    }
    // A '/' ends the host part, so the parser reads host `user` and a port from the password's start.
    for (const url of ['http://user:s3cr/t@example.org/hook', 'http://user:4711/t@example.org/hook']) {
      const refused = expectProblem(await ledger.post('/v1/webhooks', { url }, { role: 'integrator' }), 422, 'webhook-url-refused');
      expect(refused.detail).toMatch(/must not carry credentials .*a '\/' in a password must be percent-encoded as %2F/);
      expect(refused.detail).not.toMatch(/s3cr|4711/);
    }
    expectProblem(
      await ledger.post('/v1/webhooks', { url: 'https://example.org/hook', types: ['NoSuchEvent'] }, { role: 'integrator' }),
      400,
      'validation-failed',
    );
    expectProblem(await ledger.post('/v1/webhooks', { url: 'https://example.org/hook', secret: 'mine' }, { role: 'integrator' }), 400, 'validation-failed');
    // Half a character would be stored as another target (U+FFFD, percent-encoded): refused, not rewritten.
    expectInvalidField(await ledger.post('/v1/webhooks', { url: 'https://example.org/\ud800' }, { role: 'integrator' }), 'url');
    expectProblem(await ledger.post('/v1/webhooks', { url: 'https://example.org/hook', after: -1 }, { role: 'integrator' }), 400, 'validation-failed');
  });

  it("is the integrators' alone: other roles are refused", async () => {
    expectProblem(await ledger.post('/v1/webhooks', { url: receiver.url }, { role: 'secretariat' }), 403, 'forbidden');
    expectProblem(await ledger.get('/v1/webhooks', { role: 'auditor' }), 403, 'forbidden');
    expectProblem(await ledger.get('/v1/webhooks', { role: null }), 401, 'unauthorized');
  });

  it('lets the admin see every webhook with the key that registered it, and remove one its key can no longer manage', async () => {
    const webhookId = (await ledger.post('/v1/webhooks', { url: `${PUBLIC_TARGET}/orphaned` }, { role: 'integrator' })).body.webhookId as string;
    const integratorKeyId = ((await ledger.get('/v1/me', { role: 'integrator' })).body as { keyId: string }).keyId;
    const every = (await ledger.get('/v1/admin/webhooks', { role: 'admin' })).body.webhooks as { webhookId: string; ownerKeyId: string }[];
    expect(every).toContainEqual(expect.objectContaining({ webhookId, ownerKeyId: integratorKeyId }));
    expect(every.every((webhook) => !('secret' in webhook))).toBe(true);

    const removed = await ledger.request('DELETE', `/v1/admin/webhooks/${webhookId}`, undefined, { role: 'admin' });
    expect(removed.status).toBe(204);
    expectProblem(await ledger.get(`/v1/webhooks/${webhookId}`, { role: 'integrator' }), 404, 'webhook-not-found');
    const gone = expectProblem(await ledger.request('DELETE', `/v1/admin/webhooks/${webhookId}`, undefined, { role: 'admin' }), 404, 'webhook-not-found');
    expect(gone.detail).toBe(`no webhook ${webhookId} is registered (by any key)`);
    expectProblem(await ledger.request('DELETE', '/v1/admin/webhooks/not-a-uuid', undefined, { role: 'admin' }), 400, 'validation-failed');
  });
});

describe('webhooks: delivery', () => {
  const started: LedgerHarness[] = [];
  const receivers: WebhookReceiver[] = [];
  afterEach(async () => {
    for (const ledger of started.splice(0).reverse()) await ledger.stop();
    for (const receiver of receivers.splice(0)) await receiver.stop();
  });
  const startLedger = async (env: Record<string, string> = {}, storage?: LedgerHarness['storage']): Promise<LedgerHarness> => {
    const ledger = await LedgerHarness.start({ ...FAST_RETRIES, ...env }, storage);
    started.push(ledger);
    return ledger;
  };
  const startReceiver = async (...args: Parameters<typeof WebhookReceiver.start>): Promise<WebhookReceiver> => {
    const receiver = await WebhookReceiver.start(...args);
    receivers.push(receiver);
    return receiver;
  };

  it('delivers every new event once retries succeed, signed, in order, with its state shown to its key only', async () => {
    const ledger = await startLedger();
    // Each event is refused twice (500, then 503 with Retry-After: 0) before it is taken.
    const receiver = await startReceiver((attempt) =>
      attempt === 1 ? { status: 500 } : attempt === 2 ? { status: 503, headers: { 'retry-after': '0' } } : { status: 204 },
    );
    const bodyId = await establishBody(ledger);
    const webhookId = await register(ledger, receiver, { bodyId, description: 'registry sync' });
    const positions: number[] = [];
    for (const participantId of ['ru', 'ua', 'bw', 'eu', 'ae']) positions.push((await admitParticipant(ledger, bodyId, participantId)).position);
    await receiver.until((r) => r.processed.length === 5, 'five events processed');
    expect(receiver.processed.map((delivery) => delivery.position)).toEqual(positions);
    expect(receiver.attempts).toHaveLength(15);
    expect(receiver.attempts.every((delivery) => receiver.verified(delivery))).toBe(true);
    expect(receiver.attempts.every((delivery) => delivery.contentType === 'application/cloudevents+json')).toBe(true);
    const firstBody = JSON.parse(receiver.processed[0]?.body ?? '{}');
    expect(receiver.processed[0]?.webhookId).toBe(firstBody.id);
    expect(firstBody).toMatchObject({ specversion: '1.0', type: 'org.concordledger.ParticipantAdmitted.v1', bodyid: bodyId });
    const attemptPositions = receiver.attempts.map((delivery) => delivery.position);
    expect(attemptPositions).toEqual([...attemptPositions].sort((a, b) => a - b));

    const view = await ledger.get(`/v1/webhooks/${webhookId}`, { role: 'integrator' });
    expect(view.status).toBe(200);
    // A UUID written in capitals is the same id.
    expect((await ledger.get(`/v1/webhooks/${webhookId.toUpperCase()}`, { role: 'integrator' })).body).toEqual(view.body);
    expect(view.body).toMatchObject({
      webhookId,
      status: 'active',
      deliveredThrough: positions.at(-1),
      consecutiveFailures: 0,
      lastError: null,
      bodyId,
      description: 'registry sync',
    });
    expect(view.body).not.toHaveProperty('secret');
    expect((await ledger.get('/v1/webhooks', { role: 'integrator' })).body.webhooks).toEqual([expect.objectContaining({ webhookId })]);
    expect(ledger.logs).not.toContain(receiver.secret);
  });

  it('lists every attempt, newest first and paged, and pings on request with a signed test message kept among them', async () => {
    const keys = [...Object.entries(TEST_KEYS).map(([role, key]) => `${role}=${key}`), `integrator=${SECOND_INTEGRATOR}`].join(',');
    const ledger = await startLedger({ CONCORD_API_KEYS: keys });
    // The statuses the next requests are answered with, whatever they carry; 204 once none is left.
    const refusals = [500];
    const receiver = await startReceiver(() => ({ status: refusals.shift() ?? 204 }));
    const bodyId = await establishBody(ledger);
    const webhookId = await register(ledger, receiver, { bodyId });
    const { position } = await admitParticipant(ledger, bodyId, 'ru');
    await receiver.until((r) => r.processed.length === 1, 'the event, on its second attempt');
    const attemptsOf = (query = ''): ReturnType<LedgerHarness['get']> => ledger.get(`/v1/webhooks/${webhookId}/attempts${query}`, { role: 'integrator' });

    // The receiver has the event once the answer left it; the ledger records the attempt when the answer reaches it.
    let listed = await attemptsOf();
    for (let tries = 0; (listed.body.attempts as unknown[] | undefined)?.length !== 2 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      listed = await attemptsOf();
    }
    expect(listed.status).toBe(200);
    const sent = {
      webhookId,
      kind: 'event',
      position,
      messageId: receiver.attempts[0]?.webhookId,
      type: 'org.concordledger.ParticipantAdmitted.v1',
      url: receiver.url,
    };
    expect(listed.body).toEqual({
      attempts: [
        { ...sent, attemptId: expect.any(Number), startedAt: expect.any(String), durationMs: expect.any(Number), status: 204, delivered: true, error: null },
        {
          ...sent,
          attemptId: expect.any(Number),
          startedAt: expect.any(String),
          durationMs: expect.any(Number),
          status: 500,
          delivered: false,
          error: 'HTTP 500',
        },
      ],
      next: null,
    });
    const [latest, earlier] = listed.body.attempts as unknown[];
    const newest = await attemptsOf('?limit=1');
    expect(newest.body.attempts).toEqual([latest]);
    expect((await attemptsOf(`?limit=1&before=${newest.body.next as number}`)).body).toEqual({ attempts: [earlier], next: null });

    refusals.push(503);
    const refused = await ledger.post(`/v1/webhooks/${webhookId}/ping`, {}, { role: 'integrator' });
    expect(refused.body).toMatchObject({ kind: 'ping', status: 503, delivered: false, error: 'HTTP 503' });
    const ping = await ledger.post(`/v1/webhooks/${webhookId}/ping`, {}, { role: 'integrator' });
    expect(ping.status).toBe(200);
    const received = receiver.attempts.at(-1);
    expect(received !== undefined && receiver.verified(received)).toBe(true);
    expect(JSON.parse(received?.body ?? '{}')).toMatchObject({ type: 'org.concordledger.WebhookPing.v1', data: { webhookId } });
    expect(ping.body).toMatchObject({ kind: 'ping', position: null, messageId: received?.webhookId, status: 204, delivered: true });
    expect((await attemptsOf('?limit=2')).body.attempts).toEqual([ping.body, refused.body]);
    expect((await ledger.get(`/v1/webhooks/${webhookId}`, { role: 'integrator' })).body).toMatchObject({ deliveredThrough: position, status: 'active' });

    for (const query of ['?limit=0', '?limit=101', '?before=abc', '?before=0', '?since=1']) expectProblem(await attemptsOf(query), 400, 'validation-failed');
    const other = { role: null, headers: { authorization: `Bearer ${SECOND_INTEGRATOR}` } };
    expectProblem(await ledger.get(`/v1/webhooks/${webhookId}/attempts`, other), 404, 'webhook-not-found');
    expectProblem(await ledger.post(`/v1/webhooks/${webhookId}/ping`, {}, other), 404, 'webhook-not-found');
    expectProblem(await ledger.get(`/v1/webhooks/${webhookId}/attempts`, { role: 'secretariat' }), 403, 'forbidden');
  });

  it('changes a registration with PATCH, keeping what it leaves out, and refuses a change naming nothing, no such field or a refused target', async () => {
    const ledger = await startLedger({ CONCORD_API_KEYS: withSecondIntegrator });
    const first = await startReceiver();
    const second = await startReceiver();
    const registered = await ledger.post('/v1/webhooks', { url: first.url, types: ['ObjectionRaised'], description: 'objections' }, { role: 'integrator' });
    const path = `/v1/webhooks/${registered.body.webhookId as string}`;
    const patch = (body: unknown, role: 'integrator' | 'secretariat' = 'integrator') => ledger.request('PATCH', path, body, { role });

    const empty = expectInvalidField(await patch({}), 'body');
    expect(empty.detail).toBe('name at least one of url, types, bodyId, description to change');
    expectInvalidField(await patch({ secret: 'whsec_bWluZQ==' }), 'secret');
    expectInvalidField(await patch({ after: 0 }), 'after');
    expectInvalidField(await patch({ url: null }), 'url');
    expectInvalidField(await patch({ types: [] }), 'types');
    expectInvalidField(await patch({ bodyId: 'Not A Slug' }), 'bodyId');
    expectProblem(await patch({ url: 'ftp://example.org/hook' }), 422, 'webhook-url-refused');
    expectProblem(await patch({ description: 'x' }, 'secretariat'), 403, 'forbidden');
    expectProblem(
      await ledger.request('PATCH', path, { description: 'x' }, { role: null, headers: { authorization: `Bearer ${SECOND_INTEGRATOR}` } }),
      404,
      'webhook-not-found',
    );
    expect((await ledger.get(path, { role: 'integrator' })).body).toMatchObject({
      url: first.url,
      types: ['ObjectionRaised'],
      description: 'objections',
    });

    const moved = await patch({ url: second.url, types: ['ObjectionRaised', 'ConsensusDeclared'] });
    expect({ status: moved.status, body: moved.body }).toMatchObject({
      status: 200,
      body: { url: second.url, types: ['ConsensusDeclared', 'ObjectionRaised'], description: 'objections', bodyId: null },
    });
    expect(moved.body).not.toHaveProperty('secret');
    expect((await patch({ types: null, description: null })).body).toMatchObject({ url: second.url, types: null, description: null });
  });

  it('rotates a secret: the new one in that answer only, when the previous one stops signing shown, bounds refused', async () => {
    const ledger = await startLedger({ CONCORD_API_KEYS: withSecondIntegrator });
    const receiver = await startReceiver();
    const registered = await ledger.post('/v1/webhooks', { url: receiver.url }, { role: 'integrator' });
    const path = `/v1/webhooks/${registered.body.webhookId as string}`;
    expect(registered.body.previousSecretsExpireAt).toEqual([]);

    const before = Date.now();
    const rotated = await ledger.post(`${path}/rotate-secret`, {}, { role: 'integrator' });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(registered.body.secret);
    const [expiresAt] = rotated.body.previousSecretsExpireAt as string[];
    expect(Date.parse(expiresAt ?? '') - before).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
    expect(Date.parse(expiresAt ?? '') - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    const read = await ledger.get(path, { role: 'integrator' });
    expect(read.body).not.toHaveProperty('secret');
    expect(read.body.previousSecretsExpireAt).toEqual([expiresAt]);

    for (const previousValidForSeconds of [-1, 1.5, 604_801, '60', null]) {
      const refused = expectInvalidField(
        await ledger.post(`${path}/rotate-secret`, { previousValidForSeconds }, { role: 'integrator' }),
        'previousValidForSeconds',
      );
      expect(refused.errors).toEqual([
        { field: 'previousValidForSeconds', messages: ['previousValidForSeconds must be a whole number of seconds from 0 to 604800 (a week)'] },
      ]);
    }
    expectProblem(
      await ledger.post(`${path}/rotate-secret`, {}, { role: null, headers: { authorization: `Bearer ${SECOND_INTEGRATOR}` } }),
      404,
      'webhook-not-found',
    );
    expectProblem(await ledger.post(`${path}/rotate-secret`, {}, { role: 'integrator', headers: { 'Idempotency-Key': 'rotate-1' } }), 400, 'validation-failed');
    expect((await ledger.post(`${path}/rotate-secret`, { previousValidForSeconds: 0 }, { role: 'integrator' })).body.previousSecretsExpireAt).toEqual([]);
  });

  it('signs with the previous secret beside the new one after a rotation, stops it with 0, and sends to a target changed with PATCH', async () => {
    const ledger = await startLedger();
    const receiver = await startReceiver();
    const bodyId = await establishBody(ledger);
    const webhookId = await register(ledger, receiver, { bodyId });
    const original = receiver.secret;

    const rotated = await ledger.post(`/v1/webhooks/${webhookId}/rotate-secret`, {}, { role: 'integrator' });
    await admitParticipant(ledger, bodyId, 'ru');
    await receiver.until((r) => r.processed.length === 1, 'a delivery after the rotation');
    const checkedWith = (secret: string, delivery = receiver.attempts.at(-1)): boolean => {
      receiver.secret = secret;
      return delivery !== undefined && receiver.verified(delivery);
    };
    expect([checkedWith(original), checkedWith(rotated.body.secret as string)]).toEqual([true, true]);

    const leaked = await ledger.post(`/v1/webhooks/${webhookId}/rotate-secret`, { previousValidForSeconds: 0 }, { role: 'integrator' });
    await admitParticipant(ledger, bodyId, 'ua');
    await receiver.until((r) => r.processed.length === 2, 'a delivery after the rotation with 0');
    expect([checkedWith(original), checkedWith(rotated.body.secret as string), checkedWith(leaked.body.secret as string)]).toEqual([false, false, true]);

    const next = await startReceiver();
    next.secret = leaked.body.secret as string;
    expect((await ledger.request('PATCH', `/v1/webhooks/${webhookId}`, { url: next.url }, { role: 'integrator' })).status).toBe(200);
    const third = await admitParticipant(ledger, bodyId, 'bw');
    await next.until((r) => r.processed.length === 1, 'a delivery at the new target');
    expect(next.processed[0]?.position).toBe(third.position);
    expect(next.verified(next.processed[0]!)).toBe(true);
    expect(receiver.attempts).toHaveLength(2);
    expect(ledger.logs).not.toContain(leaked.body.secret as string);
  });

  it('replays from a position, and stops for good on 410 Gone until resumed', async () => {
    const ledger = await startLedger();
    let gone = false;
    const receiver = await startReceiver(() => ({ status: gone ? 410 : 200 }));
    const bodyId = await establishBody(ledger);
    const webhookId = await register(ledger, receiver, { types: ['ParticipantAdmitted'] });
    const first = await admitParticipant(ledger, bodyId, 'ru');
    const second = await admitParticipant(ledger, bodyId, 'ua');
    await receiver.until((r) => r.processed.length === 2, 'two events');
    const replayed = await ledger.post(`/v1/webhooks/${webhookId}/replay`, { from: first.position }, { role: 'integrator' });
    expect(replayed.status).toBe(200);
    await receiver.until((r) => r.attempts.length === 4, 'the replay');
    expect(receiver.attempts.map((delivery) => delivery.position)).toEqual([first.position, second.position, first.position, second.position]);

    gone = true;
    await admitParticipant(ledger, bodyId, 'bw');
    await receiver.until((r) => r.attempts.length === 5, 'the 410');
    const disabled = async (): Promise<boolean> => (await ledger.get(`/v1/webhooks/${webhookId}`, { role: 'integrator' })).body.status === 'disabled';
    for (let tries = 0; !(await disabled()) && tries < 100; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await disabled()).toBe(true);
    await admitParticipant(ledger, bodyId, 'eu');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.attempts).toHaveLength(5);

    gone = false;
    const head = await headOf(ledger);
    expectProblem(await ledger.post(`/v1/webhooks/${webhookId}/replay`, { from: head + 1 }, { role: 'integrator' }), 422, 'webhook-replay-ahead');
    expect((await ledger.post(`/v1/webhooks/${webhookId}/resume`, {}, { role: 'integrator' })).body).toMatchObject({ status: 'active' });
    await receiver.until((r) => r.attempts.length === 7, 'the two events after resume');
    expect((await ledger.request('DELETE', `/v1/webhooks/${webhookId}`, undefined, { role: 'integrator' })).status).toBe(204);
    expectProblem(await ledger.get(`/v1/webhooks/${webhookId}`, { role: 'integrator' }), 404, 'webhook-not-found');
  });

  it('loses nothing when the API is killed mid-delivery: after a restart every event arrives, duplicates only by webhook-id', async () => {
    const ledger = await startLedger({ CONCORD_WEBHOOK_LEASE_S: '3', CONCORD_WEBHOOK_TIMEOUT_S: '1' });
    const receiver = await startReceiver(() => ({ status: 200 }), 40);
    const bodyId = await establishBody(ledger);
    await register(ledger, receiver, { bodyId });
    const positions: number[] = [];
    for (let index = 0; index < 25; index += 1) positions.push((await admitParticipant(ledger, bodyId, `p${index}`)).position);
    await receiver.until((r) => r.attempts.length >= 5, 'the first deliveries');
    await ledger.kill();
    const delivered = receiver.attempts.length;
    expect(delivered).toBeLessThan(25);
    const restarted = await startLedger({ CONCORD_WEBHOOK_LEASE_S: '3', CONCORD_WEBHOOK_TIMEOUT_S: '1' }, ledger.storage);
    await receiver.until((r) => r.processed.length === 25, 'every event after the restart');
    expect(receiver.processed.map((delivery) => delivery.position)).toEqual(positions);
    expect(receiver.attempts.length - receiver.processed.length).toBeLessThanOrEqual(1);
    expect(await headOf(restarted)).toBe(positions.at(-1));
  });

  it("is verified by the README's example receiver, which refuses a forged delivery", async () => {
    const ledger = await startLedger();
    const port = await freePort();
    const registered = await ledger.post('/v1/webhooks', { url: `http://127.0.0.1:${port}/` }, { role: 'integrator' });
    expect(registered.status).toBe(201);
    const example = spawn(process.execPath, [join(__dirname, '..', 'examples', 'webhook-receiver.mjs')], {
      env: { PATH: process.env.PATH ?? '', WEBHOOK_SECRET: registered.body.secret as string, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let printed = '';
    example.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    try {
      await untilListening(port);
      const forged = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'webhook-id': 'x', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,Zm9yZ2Vk' },
        body: '{"position":1}',
      });
      expect(forged.status).toBe(401);
      // A delivery signed with the secret, its body arriving in two chunks that split a character.
      expect(await sendInTwoChunks(port, registered.body.secret as string, '{"position":0,"type":"x","subject":"Ω ダイヤモンド"}')).toBe(204);
      const bodyId = await establishBody(ledger);
      const admitted = await admitParticipant(ledger, bodyId, 'ru');
      const deadline = Date.now() + 15_000;
      while (!printed.includes(`${admitted.position} org.concordledger.ParticipantAdmitted.v1 body-${bodyId}`) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(printed).toContain(`${admitted.position - 1} org.concordledger.BodyEstablished.v1 body-${bodyId}`);
      expect(printed).toContain(`${admitted.position} org.concordledger.ParticipantAdmitted.v1 body-${bodyId}`);
    } finally {
      example.kill();
    }
  });

  it('reads types and bodyId given as null as not given: every event', async () => {
    const ledger = await startLedger();
    const receiver = await startReceiver();
    const answer = await ledger.post('/v1/webhooks', { url: receiver.url, types: null, bodyId: null, description: null }, { role: 'integrator' });
    expect(answer.body).toMatchObject({ types: null, bodyId: null, description: null });
    const bodyId = await establishBody(ledger);
    await admitParticipant(ledger, bodyId, 'ru');
    await receiver.until((r) => r.processed.length === 2, 'both events');
  });

  it('leaves an active webhook waiting out a Retry-After as it is when asked to resume', async () => {
    const ledger = await startLedger();
    const receiver = await startReceiver(() => ({ status: 429, headers: { 'retry-after': '120' } }));
    const webhookId = await register(ledger, receiver);
    await establishBody(ledger);
    await receiver.until((r) => r.attempts.length === 1, 'the first attempt');
    let view = (await ledger.get(`/v1/webhooks/${webhookId}`, { role: 'integrator' })).body;
    for (let tries = 0; view.consecutiveFailures !== 1 && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      view = (await ledger.get(`/v1/webhooks/${webhookId}`, { role: 'integrator' })).body;
    }
    const resumed = await ledger.post(`/v1/webhooks/${webhookId}/resume`, {}, { role: 'integrator' });
    expect(resumed.body).toMatchObject({ status: 'active', consecutiveFailures: 1, nextAttemptAt: view.nextAttemptAt });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.attempts).toHaveLength(1);
  });

  it("keeps each key's webhooks to itself", async () => {
    const keys = [...Object.entries(TEST_KEYS).map(([role, key]) => `${role}=${key}`), `integrator=${SECOND_INTEGRATOR}`].join(',');
    const ledger = await startLedger({ CONCORD_API_KEYS: keys });
    const receiver = await startReceiver();
    const webhookId = await register(ledger, receiver);
    const other = { authorization: `Bearer ${SECOND_INTEGRATOR}` };
    expectProblem(await ledger.get(`/v1/webhooks/${webhookId}`, { role: null, headers: other }), 404, 'webhook-not-found');
    expectProblem(await ledger.request('DELETE', `/v1/webhooks/${webhookId}`, undefined, { role: null, headers: other }), 404, 'webhook-not-found');
    expectProblem(await ledger.post(`/v1/webhooks/${webhookId}/replay`, { from: 1 }, { role: null, headers: other }), 404, 'webhook-not-found');
    expect((await ledger.get('/v1/webhooks', { role: null, headers: other })).body).toEqual({ webhooks: [] });
    expectProblem(await ledger.get('/v1/webhooks/not-a-uuid', { role: 'integrator' }), 400, 'validation-failed');
  });

  it('pauses the webhooks of an environment key taken out of CONCORD_API_KEYS, at the next start, before delivering; its holder resumes them once the key is back', async () => {
    const environmentKeys = Object.entries(TEST_KEYS).map(([role, key]) => `${role}=${key}`);
    const withSecond = [...environmentKeys, `integrator=${SECOND_INTEGRATOR}`].join(',');
    const first = await startLedger({ CONCORD_API_KEYS: withSecond });
    const receiver = await startReceiver();
    const other = { authorization: `Bearer ${SECOND_INTEGRATOR}` };
    await register(first, receiver);
    const paused = (await first.post('/v1/webhooks', { url: receiver.url }, { role: null, headers: other })).body.webhookId as string;
    await first.stop({ keepData: true });

    const without = await startLedger({ CONCORD_API_KEYS: environmentKeys.join(',') }, first.storage);
    await establishBody(without);
    await receiver.until((r) => r.processed.length === 1, "the other webhook's delivery");
    // Both webhooks point at this receiver: the paused one would have made a second attempt.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.attempts).toHaveLength(1);
    await without.stop({ keepData: true });

    const back = await startLedger({ CONCORD_API_KEYS: withSecond }, first.storage);
    const view = (await back.get(`/v1/webhooks/${paused}`, { role: null, headers: other })).body;
    expect(view).toMatchObject({ status: 'paused', lastError: expect.stringContaining('no longer accepts the key') });
    expect((await back.post(`/v1/webhooks/${paused}/resume`, {}, { role: null, headers: other })).body).toMatchObject({ status: 'active' });
    await receiver.until((r) => r.attempts.length === 2, 'the missed event, once resumed');
    expect(receiver.attempts.map((delivery) => delivery.position)).toEqual([1, 1]);
  });
});

describe('webhooks: two API instances on one database', () => {
  it('deliver each event once, and the survivor takes over when the instance holding the webhook dies', async () => {
    const settings = { ...FAST_RETRIES, CONCORD_WEBHOOK_LEASE_S: '3', CONCORD_WEBHOOK_TIMEOUT_S: '1' };
    const east = await LedgerHarness.start(settings);
    const west = await LedgerHarness.start(settings, east.storage);
    let delayMs = 5;
    const receiver = await WebhookReceiver.start(() => ({ status: 204 }));
    const slowly = receiver.answerAfter(() => delayMs);
    try {
      const bodyId = await establishBody(east);
      const webhookId = await register(west, receiver, { bodyId });
      const positions: number[] = [];
      for (let index = 0; index < 40; index += 1) {
        positions.push((await admitParticipant(index % 2 === 0 ? east : west, bodyId, `p${index}`)).position);
      }
      await receiver.until((r) => r.attempts.length >= 40, 'forty deliveries');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(receiver.attempts.map((delivery) => delivery.position)).toEqual(positions);

      // The instance holding the lease dies in the middle of slow deliveries; the other takes over once it runs out.
      delayMs = 150;
      for (let index = 0; index < 10; index += 1) positions.push((await admitParticipant(west, bodyId, `q${index}`)).position);
      await receiver.until((r) => r.attempts.length >= 42, 'the slow deliveries to begin');
      const holderPid = await leaseHolderPid(east.storage, webhookId);
      const [holder, survivor] = holderPid === east.pid ? [east, west] : [west, east];
      expect(holder.pid).toBe(holderPid);
      await holder.kill();
      const killedAt = Date.now();
      delayMs = 5;
      for (let index = 0; index < 5; index += 1) positions.push((await admitParticipant(survivor, bodyId, `r${index}`)).position);
      await receiver.until((r) => r.processed.length === 55, 'every event after the kill', 20_000);
      expect(Date.now() - killedAt).toBeLessThan(10_000);
      expect(receiver.processed.map((delivery) => delivery.position)).toEqual(positions);
      expect(receiver.attempts.length - receiver.processed.length).toBeLessThanOrEqual(1);
      slowly.restore();
    } finally {
      await receiver.stop();
      await east.stop({ keepData: true });
      await west.stop({ keepData: true });
      await removeStorage(east.storage);
    }
  });
});
