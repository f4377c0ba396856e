import { createServer } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import Database from 'better-sqlite3';
import { LedgerHarness, TEST_KEYS } from './support/ledger-harness';
import { newStorage, removeStorage } from './support/ledger-storage';

describe('GET /health', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
  });
  afterAll(() => ledger.stop());

  it('answers without a key, with the head position', async () => {
    const answer = await ledger.get('/health', { role: null });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok', headPosition: 0 });
  });

  it('answers liveness without asking the store', async () => {
    const answer = await ledger.get('/health/live', { role: null });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { status: 'live' } });
  });

  it('is ready once the read models have caught up with the store', async () => {
    await ledger.post('/v1/bodies', { bodyId: 'ready-body', name: 'Ready', definition: 'D.', occurredAt: '2020-01-01' });
    const answer = await ledger.get('/health/ready', { role: null });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { status: 'ready', headPosition: 1, readPosition: 1 } });
  });
});

describe('GET /health after the store failed a request', () => {
  it('answers store-unavailable once a command was refused for a write lock another process held, though the store answers the check', async () => {
    const storage = newStorage('sqlite');
    const ledger = await LedgerHarness.start({}, storage);
    const file = storage.selection.kind === 'sqlite' ? storage.selection.file : '';
    const holder = new Database(file);
    try {
      expect((await ledger.get('/health', { role: null })).status).toBe(200);
      holder.exec('BEGIN IMMEDIATE');
      const refused = await ledger.post('/v1/bodies', { bodyId: 'locked-out', name: 'Locked out', definition: 'D.', occurredAt: '2020-01-01' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 503, code: 'store-unavailable' });
      expect(refused.body.detail).toMatch(/locked by another process/);
      holder.exec('ROLLBACK');

      const health = await ledger.get('/health', { role: null });
      expect({ status: health.status, code: health.body.code }).toEqual({ status: 503, code: 'store-unavailable' });
      expect(health.body.detail).toMatch(/^the store failed a request \d+ s ago/);
      expect((await ledger.get('/health/ready', { role: null })).status).toBe(503);
      // A read answered shows less: the checks stay red.
      expect((await ledger.get('/v1/bodies')).status).toBe(200);
      expect((await ledger.get('/health', { role: null })).status).toBe(503);
      // A command recorded shows the store writes again: the checks are green at once, not after the minute.
      expect((await ledger.post('/v1/bodies', { bodyId: 'locked-out', name: 'Locked out', definition: 'D.', occurredAt: '2020-01-01' })).status).toBe(201);
      expect((await ledger.get('/health', { role: null })).status).toBe(200);
    } finally {
      if (holder.inTransaction) holder.exec('ROLLBACK');
      holder.close();
      await ledger.stop({ checkEvents: false });
      await removeStorage(storage);
    }
  });
});

describe('Stopping', () => {
  it('ends within its deadline though a client holds a connection with half a request on it', async () => {
    const ledger = await LedgerHarness.start();
    const { port } = new URL(ledger.baseUrl);
    const held = connect(Number(port), '127.0.0.1');
    held.on('error', () => undefined);
    await new Promise((done) => held.once('connect', done));
    held.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // Node would wait for the rest of those headers for a minute before giving up on them.
    const started = Date.now();
    await ledger.stop();
    expect(Date.now() - started).toBeLessThan(15_000);
    held.destroy();
  });

  it('logs a request the stop cut, its body never finished, as cut by the stop, not as aborted by its client', async () => {
    const ledger = await LedgerHarness.start({ CONCORD_LOG_LEVEL: 'info' });
    const { port } = new URL(ledger.baseUrl);
    const held = connect(Number(port), '127.0.0.1');
    held.on('error', () => undefined);
    await new Promise((done) => held.once('connect', done));
    // Expect: 100-continue, so that the server says when it holds the request (not a guess at a delay, on a busy machine).
    const continued = new Promise((done) => held.on('data', (chunk: Buffer) => chunk.toString().startsWith('HTTP/1.1 100') && done(undefined)));
    held.write(
      `POST /v1/bodies HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TEST_KEYS.secretariat}\r\nIdempotency-Key: cut-by-the-stop\r\nContent-Type: application/json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n`,
    );
    await continued;
    held.write('{"bodyId"');
    await new Promise((done) => setTimeout(done, 100));
    await ledger.stop({ checkEvents: false });
    held.destroy();
    const lines = ledger.logEntries.filter((entry) => entry['idempotencyKey'] === 'cut-by-the-stop');
    expect(lines.map((entry) => entry['msg'])).toEqual(['request cut by the stop, unanswered']);
  });

  it('refuses a request that arrives while it stops as problem+json not-ready, with Retry-After, and closes the connection', async () => {
    const ledger = await LedgerHarness.start({ CONCORD_LOG_LEVEL: 'info' });
    const { port } = new URL(ledger.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => undefined);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const ended = new Promise((done) => socket.once('close', done));
    await new Promise((done) => socket.once('connect', done));
    const body = JSON.stringify({ bodyId: 'stopping', name: 'Stopping', definition: 'D.', occurredAt: '2020-01-01' });
    // A request in flight (its body not all sent) when the stop begins, and one behind it on the same connection.
    socket.write(
      `POST /v1/bodies HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TEST_KEYS.secretariat}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((done) => setTimeout(done, 300));
    const stopped = ledger.stop({ checkEvents: false });
    await new Promise((done) => setTimeout(done, 300));
    socket.write(`${body.slice(10)}GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    await ended;
    await stopped;

    const answers = received.split(/(?=HTTP\/1\.1 )/);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 201 /);
    const refusal = answers[1] ?? '';
    expect(refusal).toMatch(/^HTTP\/1\.1 503 /);
    expect(refusal).toMatch(/\r\ncontent-type: application\/problem\+json/i);
    expect(refusal).toMatch(/\r\nretry-after: 1\r\n/i);
    expect(refusal).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(refusal.slice(refusal.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 503, code: 'not-ready', instance: '/health' });
    // The stop itself is in the log, with what asked for it.
    const stopping = ledger.logEntries.find((entry) => typeof entry.msg === 'string' && entry.msg.startsWith('stopping:'));
    expect(stopping).toMatchObject({ signal: 'SIGTERM' });
    expect(ledger.logEntries.at(-1)).toMatchObject({ context: 'lifecycle', msg: 'stopped: the store is closed' });
  });

  it('takes no new connection once the stop begins, though a webhook delivery waits on a receiver that does not answer', async () => {
    let arrived: () => void = () => undefined;
    const delivering = new Promise<void>((done) => (arrived = done));
    // Holds every delivery without an answer.
    const silent = createServer(() => arrived());
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const ledger = await LedgerHarness.start({ CONCORD_WEBHOOK_ALLOW_PRIVATE: 'true', CONCORD_LOG_LEVEL: 'info' });
    try {
      const receiverUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`;
      expect((await ledger.post('/v1/webhooks', { url: receiverUrl, after: 0 }, { role: 'integrator' })).status).toBe(201);
      await ledger.post('/v1/bodies', { bodyId: 'held-delivery', name: 'Held', definition: 'D.', occurredAt: '2020-01-01' });
      await delivering;
      const { port } = new URL(ledger.baseUrl);

      const stopped = ledger.stop({ checkEvents: false });
      await new Promise((done) => setTimeout(done, 500));
      const reached = await new Promise<boolean>((done) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.destroy();
          done(true);
        });
        socket.on('error', () => done(false));
      });
      await stopped;

      // Before, the port took connections (and recorded their commands) for the deliveries' whole grace.
      expect(reached).toBe(false);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
