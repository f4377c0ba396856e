import { Client } from 'pg';
import { probePostgres } from '../libs/event-store/src/postgres/testing/postgres-probe';
import { readEventLog } from './support/event-log';
import { establishBody } from './support/kimberley-process';
import { HttpAnswer, LedgerHarness } from './support/ledger-harness';
import { LedgerStorage, newStorage, removeStorage, TEST_PG_URL } from './support/ledger-storage';
import { expectProblem } from './support/problems';
import { TcpProxy } from './support/tcp-proxy';

/**
 * PostgreSQL goes away under a running ledger and comes back: connections refused (the port
 * closed, every open connection dropped), then the server ending the ledger's sessions itself
 * (SQLSTATE 57P01), then the server falling silent with every connection left open (a hung
 * server, or a network that drops packets). Meanwhile every answer is 503 store-unavailable with Retry-After, never
 * another 5xx; afterwards the ledger answers again by itself, and nothing acknowledged is lost.
 * Always on PostgreSQL, whichever store the rest of the end-to-end tier runs on.
 */
const probe = probePostgres(TEST_PG_URL);
const describeWithPostgres = probe.reachable || process.env.CI ? describe : describe.skip;
if (!probe.reachable) console.warn(`SKIPPED: the store-outage tests need PostgreSQL at ${TEST_PG_URL.replace(/\/\/[^@]*@/, '//')} (${probe.reason})`);

const QUERY_TIMEOUT_S = 3;
const CONNECT_TIMEOUT_S = 2;

const admission = (participantId: string) => ({ participantId, name: participantId.toUpperCase(), kind: 'state', occurredAt: '2020-01-01' });

/** Sends until an answer is not 503, at most for `ms`: the ledger must come back by itself. */
async function untilAnswered(send: () => Promise<HttpAnswer>, ms = 20_000): Promise<{ answer: HttpAnswer; refusals: HttpAnswer[] }> {
  const refusals: HttpAnswer[] = [];
  const deadline = Date.now() + ms;
  for (;;) {
    const answer = await send();
    if (answer.status !== 503 || Date.now() > deadline) return { answer, refusals };
    refusals.push(answer);
    await new Promise((done) => setTimeout(done, 200));
  }
}

function expectUnavailable(answer: HttpAnswer): void {
  expectProblem(answer, 503, 'store-unavailable');
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  // Where the database is, and why the driver gave up, are for the operator's log, not for anyone asking /health.
  expect(answer.body.detail).toBe("the ledger's database cannot be used now (unreachable, locked by another process, or damaged); try again shortly");
}

describeWithPostgres('A PostgreSQL outage under a running ledger', () => {
  let proxy: TcpProxy;
  let storage: LedgerStorage;
  let ledger: LedgerHarness;
  let bodyId: string;
  let issuedKey: string;
  const path = () => `/v1/bodies/${bodyId}/participants`;

  beforeAll(async () => {
    const target = new URL(TEST_PG_URL);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    storage = newStorage('postgres');
    const proxied = new URL(TEST_PG_URL);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    // Short waits, so that a silent server is given up on within the test's time.
    ledger = await LedgerHarness.start(
      { CONCORD_STORE_URL: proxied.toString(), CONCORD_PG_QUERY_TIMEOUT_S: String(QUERY_TIMEOUT_S), CONCORD_PG_CONNECT_TIMEOUT_S: String(CONNECT_TIMEOUT_S) },
      storage,
    );
    bodyId = await establishBody(ledger);
    expect((await ledger.post(path(), admission('before'))).status).toBe(201);
    issuedKey = String((await ledger.post('/v1/keys', { name: 'Outage Clerk', role: 'auditor' }, { role: 'admin' })).body.key);
  });
  afterAll(async () => {
    await ledger.stop({ keepData: true });
    await proxy.close();
    await removeStorage(storage);
  });

  it('answers 503 store-unavailable with Retry-After while connections are refused, then records again by itself', async () => {
    await proxy.cutOff();
    expectUnavailable(await ledger.post(path(), admission('during'), { headers: { 'idempotency-key': 'outage-during-1' } }));
    expectUnavailable(await ledger.get('/health', { role: null }));
    expectUnavailable(await ledger.get('/health/ready', { role: null }));
    expect((await ledger.get('/health/live', { role: null })).status).toBe(200);
    // The tables beside the log fail the same way: issued keys, webhooks.
    expectUnavailable(await ledger.get(`/v1/bodies/${bodyId}`, { role: null, headers: { authorization: `Bearer ${issuedKey}` } }));
    expectUnavailable(await ledger.get('/v1/webhooks', { role: 'integrator' }));
    // Metrics go on through the outage: the scraper sees the store down, and its requests counted.
    const metrics = await ledger.get('/metrics', { role: null });
    expect(metrics.status).toBe(200);
    const scraped = String(metrics.body.text);
    expect(scraped).toMatch(/^concord_store_up 0$/m);
    expect(scraped).toMatch(/^concord_head_position nan$/im);
    expect(scraped).toMatch(/^concord_http_requests_total\{.*status="503"\} \d+$/m);

    await proxy.restore();
    const { answer, refusals } = await untilAnswered(() => ledger.post(path(), admission('during'), { headers: { 'idempotency-key': 'outage-during-1' } }));
    expect(answer.status).toBe(201);
    for (const refusal of refusals) expectUnavailable(refusal);
    expect((await ledger.get('/health', { role: null })).status).toBe(200);
    expect(String((await ledger.get('/metrics', { role: null })).body.text)).toMatch(/^concord_store_up 1$/m);
  });

  it("answers 503, never 500, when the server ends the ledger's sessions, and goes on by itself", async () => {
    const admin = new Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    try {
      // Only the backends behind this test's proxy: the ledger's own sessions, no one else's.
      const { rows } = await admin.query<{ ended: boolean }>(
        "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE client_addr = '127.0.0.1' AND client_port = ANY($1::int[]) AND application_name LIKE 'concord-ledger%'",
        [[...proxy.upstreamPorts]],
      );
      expect(rows.filter((row) => row.ended).length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const { answer, refusals } = await untilAnswered(() => ledger.post(path(), admission('after'), { headers: { 'idempotency-key': 'outage-after-1' } }));
    expect(answer.status).toBe(201);
    for (const refusal of refusals) expectUnavailable(refusal);
  });

  it('answers 503 while the server stops answering without closing its connections, and goes on by itself once it answers', async () => {
    proxy.freeze();
    try {
      expectUnavailable(await ledger.post(path(), admission('silent'), { headers: { 'idempotency-key': 'outage-silent-1' } }));
      expectUnavailable(await ledger.get('/health/ready', { role: null }));
      expect((await ledger.get('/health/live', { role: null })).status).toBe(200);
      // A store that falls silent does not hold the scrape for the query timeout.
      const started = Date.now();
      const metrics = await ledger.get('/metrics', { role: null });
      expect({ status: metrics.status, tookUnder5s: Date.now() - started < 5000 }).toEqual({ status: 200, tookUnder5s: true });
      expect(String(metrics.body.text)).toMatch(/^concord_store_up 0$/m);
    } finally {
      proxy.thaw();
    }
    const { answer, refusals } = await untilAnswered(() => ledger.post(path(), admission('silent'), { headers: { 'idempotency-key': 'outage-silent-1' } }));
    expect(answer.status).toBe(201);
    for (const refusal of refusals) expectUnavailable(refusal);
  });

  it('lost nothing it acknowledged, and recorded each retried write once', async () => {
    const admitted = (await readEventLog(ledger)).filter((row) => row.type === 'ParticipantAdmitted').map((row) => row.data.participantId);
    expect(admitted).toEqual(['before', 'during', 'after', 'silent']);
  });
});
