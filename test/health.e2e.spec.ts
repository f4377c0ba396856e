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
