import { recordKimberleyProcess } from './support/kimberley-process';
import { headPosition, uniqueId } from './support/ledger-client';
import { LedgerHarness, TEST_KEYS } from './support/ledger-harness';
import { SseClient } from './support/sse-client';

/** Prometheus text exposition as `name{labels}` → value; labels as the ledger writes them. */
async function scrape(ledger: LedgerHarness): Promise<Map<string, number>> {
  const answer = await fetch(`${ledger.baseUrl}/metrics`);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await answer.text()).split('\n')) {
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (sample?.[1] !== undefined && sample[2] !== undefined) samples.set(sample[1], Number(sample[2]));
  }
  return samples;
}

async function until(ledger: LedgerHarness, check: (samples: Map<string, number>) => boolean, what: string): Promise<Map<string, number>> {
  for (let waited = 0; waited < 5000; waited += 50) {
    const samples = await scrape(ledger);
    if (check(samples)) return samples;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`metrics: timed out waiting for ${what}`);
}

describe('GET /metrics', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start({ CONCORD_WEBHOOK_ALLOW_PRIVATE: 'true' });
  });
  afterAll(() => ledger.stop());

  it('counts the events this process appended, a replayed retry adding none, and shows the head and the read side', async () => {
    await recordKimberleyProcess(ledger);
    const establish = { bodyId: uniqueId('body'), name: 'A body', definition: 'A definition.', occurredAt: '2020-01-01' };
    const retry = { headers: { 'idempotency-key': uniqueId('retry-key') } };
    expect((await ledger.post('/v1/bodies', establish, retry)).status).toBe(201);
    expect((await ledger.post('/v1/bodies', establish, retry)).headers.get('idempotent-replayed')).toBe('true');

    const head = await headPosition(ledger);
    await ledger.get(`/v1/bodies/${establish.bodyId}`);
    const samples = await scrape(ledger);
    expect(samples.get('concord_events_appended_total')).toBe(head);
    expect(samples.get('concord_head_position')).toBe(head);
    expect(samples.get('concord_read_side_position')).toBe(head);
  });

  it('shows, after a start and before any read, the position the stored read side reaches, not 0', async () => {
    const first = await LedgerHarness.start();
    let head: number;
    try {
      await recordKimberleyProcess(first);
      head = await headPosition(first);
      await first.get('/v1/bodies');
    } finally {
      await first.stop({ keepData: true });
    }
    const again = await LedgerHarness.start({}, first.storage);
    try {
      expect((await scrape(again)).get('concord_read_side_position')).toBe(head);
    } finally {
      await again.stop();
    }
  });

  it('shows how far the latest signed checkpoint reaches, how old it is, and that signing is not refused', async () => {
    await recordKimberleyProcess(ledger);
    const signed = await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' });
    expect(signed.status).toBe(200);
    const samples = await scrape(ledger);
    expect(samples.get('concord_checkpoint_signed_size')).toBe(signed.body.treeSize);
    expect(samples.get('concord_checkpoint_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(samples.get('concord_checkpoint_age_seconds')).toBeLessThan(60);
    expect(samples.get('concord_checkpoint_signing_refused')).toBe(0);
  });

  it('counts requests by method, route template and status, and times them', async () => {
    const before = await scrape(ledger);
    await ledger.get('/v1/bodies/no-such-body');
    await ledger.get('/v1/no-such-route');
    const samples = await scrape(ledger);
    const count = (name: string): number => (samples.get(name) ?? 0) - (before.get(name) ?? 0);
    expect(count('concord_http_requests_total{method="GET",route="/v1/bodies/:bodyId",status="404"}')).toBe(1);
    expect(count('concord_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(samples.get('concord_http_request_duration_seconds_count{method="POST",route="/v1/bodies"}')).toBeGreaterThanOrEqual(2);
    expect(samples.get('concord_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it("shows the event stream's subscribers while they are connected", async () => {
    const stream = await SseClient.open(`${ledger.baseUrl}/v1/events/stream`, { authorization: `Bearer ${TEST_KEYS.integrator}` });
    try {
      await until(ledger, (samples) => samples.get('concord_sse_subscribers') === 1, 'one subscriber');
    } finally {
      stream.close();
    }
    await until(ledger, (samples) => samples.get('concord_sse_subscribers') === 0, 'no subscriber');
  });

  it('shows webhooks by status and how far their deliveries are behind the head', async () => {
    // Before any webhook, every status reads 0 rather than being left out.
    const none = await until(ledger, (s) => s.get('concord_webhooks{status="active"}') === 0, 'no active webhook');
    expect([none.get('concord_webhooks{status="paused"}'), none.get('concord_webhooks{status="disabled"}')]).toEqual([0, 0]);
    // Nothing listens on port 9: every delivery fails, so the backlog stays whole.
    const registered = await ledger.post('/v1/webhooks', { url: 'http://127.0.0.1:9/hook', after: 0 }, { role: 'integrator' });
    expect(registered.status).toBe(201);
    const head = await headPosition(ledger);
    const samples = await until(ledger, (s) => s.get('concord_webhooks{status="active"}') === 1, 'one active webhook');
    expect(samples.get('concord_webhook_backlog_events')).toBe(head);
  });
});
