import { connect } from 'node:net';
import { LedgerHarness } from './support/ledger-harness';

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
});
