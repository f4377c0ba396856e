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
});
