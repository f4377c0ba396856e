import { connect } from 'node:net';
import { LedgerHarness, TEST_KEYS } from './support/ledger-harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function logged(ledger: LedgerHarness, requestId: string, msg: string): Promise<Record<string, unknown>> {
  for (let waited = 0; waited < 5000; waited += 25) {
    const line = ledger.logEntries.find((entry) => entry.requestId === requestId && entry.msg === msg);
    if (line) return line;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`no "${msg}" log line for request ${requestId}:\n${ledger.logs}`);
}

describe('The request log', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start({ CONCORD_LOG_LEVEL: 'info' });
  });
  afterAll(() => ledger.stop());

  it("gives every answer a request id, the client's own when it is a plain token", async () => {
    expect((await ledger.get('/health', { role: null })).headers.get('x-request-id')).toMatch(UUID);
    expect((await ledger.get('/health', { role: null, headers: { 'x-request-id': 'desk-42.retry:1' } })).headers.get('x-request-id')).toBe('desk-42.retry:1');
    expect((await ledger.get('/health', { role: null, headers: { 'x-request-id': 'not a token' } })).headers.get('x-request-id')).toMatch(UUID);
  });

  it('logs each request once, as JSON, with its request and correlation ids, its key and status', async () => {
    await ledger.get('/v1/bodies/no-such-body', { headers: { 'x-request-id': 'log-line-1', 'x-correlation-id': 'session-2022-plenary' } });
    expect(await logged(ledger, 'log-line-1', 'request')).toMatchObject({
      level: 'info',
      context: 'http',
      method: 'GET',
      url: '/v1/bodies/no-such-body',
      status: 404,
      clientAddress: '127.0.0.1',
      keyId: expect.stringMatching(/^secretariat-/),
      correlationId: 'session-2022-plenary',
      durationMs: expect.any(Number),
    });
    expect(ledger.logEntries.filter((entry) => entry.requestId === 'log-line-1')).toHaveLength(1);
  });

  it('logs a request its role may not make with the key that sent it', async () => {
    await ledger.get('/v1/keys', { headers: { 'x-request-id': 'log-forbidden-1' } });
    expect(await logged(ledger, 'log-forbidden-1', 'request')).toMatchObject({ status: 403, keyId: expect.stringMatching(/^secretariat-/) });
  });

  it('logs a request the client abandons half sent as aborted, not as a failure of the ledger', async () => {
    await new Promise<void>((done, fail) => {
      const socket = connect(Number(new URL(ledger.baseUrl).port), '127.0.0.1', () => {
        socket.write(
          [
            'POST /v1/bodies HTTP/1.1',
            'Host: 127.0.0.1',
            `Authorization: Bearer ${TEST_KEYS.secretariat}`,
            'Content-Type: application/json',
            'Content-Length: 1000',
            'X-Request-Id: abandoned-1',
            '',
            '{"bodyId":',
          ].join('\r\n'),
        );
        setTimeout(() => {
          socket.destroy();
          done();
        }, 200);
      });
      socket.on('error', fail);
    });
    expect(await logged(ledger, 'abandoned-1', 'request aborted by the client')).toMatchObject({ level: 'info', method: 'POST', url: '/v1/bodies' });
    // The ledger's own failures are logged at error level; an abandoned request is not one.
    await new Promise((done) => setTimeout(done, 200));
    expect(ledger.logEntries.filter((entry) => entry.level === 'error')).toEqual([]);
    expect((await ledger.get('/health', { role: null })).status).toBe(200);
  });
});

/** Sends `text` on a connection of its own and resolves with what the server answered before closing it. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((done, fail) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => done(answer));
    socket.on('error', fail);
  });
}

describe('The request log and metrics of the refusals the server writes on the socket', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start({ CONCORD_LOG_LEVEL: 'info', CONCORD_REQUEST_TIMEOUT_S: '1' });
  });
  afterAll(() => ledger.stop());

  it('says a body that did not arrive in time was refused 408, not abandoned, and counts it; and counts headers over 16 KB as 431', async () => {
    const port = Number(new URL(ledger.baseUrl).port);
    const trickled = await rawExchange(
      port,
      [
        'POST /v1/bodies HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: Bearer ${TEST_KEYS.secretariat}`,
        'Content-Type: application/json',
        'Content-Length: 1000',
        'X-Request-Id: trickled-1',
        '',
        '{"bodyId":',
      ].join('\r\n'),
    );
    expect(trickled).toMatch(/^HTTP\/1\.1 408 /);
    expect(await logged(ledger, 'trickled-1', 'request refused before it arrived in full')).toMatchObject({
      method: 'POST',
      url: '/v1/bodies',
      status: 408,
      code: 'request-timeout',
    });
    expect(ledger.logEntries.filter((entry) => entry.requestId === 'trickled-1' && entry.msg === 'request aborted by the client')).toEqual([]);
    const oversized = await rawExchange(port, `GET /v1/bodies HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect(oversized).toMatch(/^HTTP\/1\.1 431 /);
    const metrics = String((await ledger.get('/metrics', { role: null })).body.text);
    expect(metrics).toMatch(/concord_http_requests_total\{method="POST",route="\/v1\/bodies",status="408"\} 1\b/);
    expect(metrics).toMatch(/concord_http_requests_total\{method="GET",route="unmatched",status="431"\} 1\b/);
    expect(ledger.logEntries.find((entry) => entry.msg === 'request refused before it arrived in full' && entry.status === 431)).toMatchObject({
      method: 'GET',
      url: '/v1/bodies',
      code: 'headers-too-large',
    });
  });
});
