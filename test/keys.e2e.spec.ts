import { expectCreated, read, uniqueId } from './support/ledger-client';
import { HttpAnswer, LedgerHarness, RequestOptions } from './support/ledger-harness';
import { expectProblem } from './support/problems';
import { SseClient } from './support/sse-client';

interface KeyView {
  keyId: string;
  name: string | null;
  role: string;
  source: string;
  createdAt: string | null;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

const withKey = (key: string): RequestOptions => ({ role: null, headers: { authorization: `Bearer ${key}` } });
const admin: RequestOptions = { role: 'admin' };
const establish = () => ({ bodyId: uniqueId('body'), name: 'A body', definition: 'A definition.', occurredAt: '2020-01-01' });

async function issue(ledger: LedgerHarness, name: string, role: string): Promise<KeyView & { key: string }> {
  const answer = await ledger.post('/v1/keys', { name, role }, admin);
  expect(answer.status).toBe(201);
  return answer.body as unknown as KeyView & { key: string };
}

async function keys(ledger: LedgerHarness): Promise<KeyView[]> {
  return (await read<{ keys: KeyView[] }>(ledger, '/v1/keys', admin)).keys;
}

const revoke = (ledger: LedgerHarness, keyId: string): Promise<HttpAnswer> => ledger.request('DELETE', `/v1/keys/${keyId}`, undefined, admin);

describe('Named keys', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    // Private webhook targets allowed: a revoked key's webhook points at this machine.
    ledger = await LedgerHarness.start({ CONCORD_WEBHOOK_ALLOW_PRIVATE: 'true', CONCORD_LOG_LEVEL: 'info' });
  });
  afterAll(() => ledger.stop());

  it('issues a key to a named clerk, shows it once, and names the clerk in every event it records', async () => {
    const issued = await issue(ledger, 'Ama Mensah', 'secretariat');
    const adminKeyId = (await keys(ledger)).find((key) => key.source === 'environment' && key.role === 'admin')?.keyId;
    expect(issued).toMatchObject({ name: 'Ama Mensah', role: 'secretariat', source: 'issued', createdBy: adminKeyId, revokedAt: null, lastUsedAt: null });
    expect(issued.key).toMatch(/^ck_/);

    const body = establish();
    const recorded = expectCreated(await ledger.post('/v1/bodies', body, withKey(issued.key)));
    const feed = await read<{ events: Record<string, unknown>[] }>(ledger, `/v1/events?after=${recorded.position - 1}&limit=1`);
    expect(feed.events[0]).toMatchObject({ actor: issued.keyId, actorname: 'Ama Mensah' });
    const history = await read<{ entries: { actor: unknown }[] }>(ledger, `/v1/bodies/${body.bodyId}/history`);
    expect(history.entries[0]?.actor).toEqual({ id: issued.keyId, role: 'secretariat', name: 'Ama Mensah' });

    const listed = await keys(ledger);
    expect(JSON.stringify(listed)).not.toContain(issued.key);
    expect(listed.find((key) => key.keyId === issued.keyId)?.lastUsedAt).toEqual(expect.any(String));
  });

  it("gives the environment's keys no name, in events and in CloudEvents", async () => {
    const recorded = expectCreated(await ledger.post('/v1/bodies', establish()));
    const event = (await read<{ events: Record<string, unknown>[] }>(ledger, `/v1/events?after=${recorded.position - 1}&limit=1`)).events[0];
    expect(event).toHaveProperty('actor');
    expect(event).not.toHaveProperty('actorname');
  });

  it('keeps a name to one key at a time, and checks what it is given', async () => {
    await issue(ledger, 'Kwame Boateng', 'auditor');
    expect(expectProblem(await ledger.post('/v1/keys', { name: 'Kwame Boateng', role: 'secretariat' }, admin), 409, 'key-name-taken').name).toBe(
      'Kwame Boateng',
    );
    expectProblem(await ledger.post('/v1/keys', { name: 'Someone', role: 'superuser' }, admin), 400, 'validation-failed');
    expectProblem(await ledger.post('/v1/keys', { role: 'auditor' }, admin), 400, 'validation-failed');
    expectProblem(await ledger.post('/v1/keys', { name: 'Evil\u001b[2J', role: 'auditor' }, admin), 400, 'validation-failed');
    expectProblem(await ledger.post('/v1/keys', { name: 'Someone', role: 'auditor', extra: true }, admin), 400, 'validation-failed');
    // Nothing visible: zero-width characters are no name.
    expectProblem(await ledger.post('/v1/keys', { name: '\u200b\u2060', role: 'auditor' }, admin), 400, 'validation-failed');
    // The same name in another case or Unicode form, or with other spacing, is the same holder.
    expectProblem(await ledger.post('/v1/keys', { name: ' kwame  BOATENG', role: 'auditor' }, admin), 409, 'key-name-taken');
  });

  it('revokes a key at once; revoking again changes nothing; the name may then be used again', async () => {
    const issued = await issue(ledger, 'Leaving Clerk', 'secretariat');
    expectCreated(await ledger.post('/v1/bodies', establish(), withKey(issued.key)));

    const revoked = await revoke(ledger, issued.keyId);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ keyId: issued.keyId, revokedAt: expect.any(String), revokedBy: expect.any(String) });
    expectProblem(await ledger.post('/v1/bodies', establish(), withKey(issued.key)), 401, 'unauthorized');
    expectProblem(await ledger.get('/v1/keys', withKey(issued.key)), 401, 'unauthorized');
    expect((await revoke(ledger, issued.keyId)).body).toEqual(revoked.body);

    const successor = await issue(ledger, 'Leaving Clerk', 'secretariat');
    expect(successor.keyId).not.toBe(issued.keyId);

    // Both acts are in the operator's log, with who did them; the key itself never is.
    expect(ledger.logEntries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          msg: 'key issued',
          keyId: issued.keyId,
          role: 'secretariat',
          holder: 'Leaving Clerk',
          issuedBy: expect.stringMatching(/^admin-/),
        }),
        expect.objectContaining({ msg: 'key revoked', keyId: issued.keyId, revokedBy: expect.stringMatching(/^admin-/) }),
      ]),
    );
    // Once: revoking it again was no second revocation.
    expect(ledger.logEntries.filter((entry) => entry['msg'] === 'key revoked' && entry['keyId'] === issued.keyId)).toHaveLength(1);
    expect(ledger.logs).not.toContain(issued.key);
  });

  it("takes a revoked key's webhooks and open streams with it", async () => {
    const integrator = await issue(ledger, 'Registry Sync', 'integrator');
    const stream = await SseClient.open(`${ledger.baseUrl}/v1/events/stream`, { authorization: `Bearer ${integrator.key}` });
    const registered = await ledger.post('/v1/webhooks', { url: 'http://127.0.0.1:9/hooks' }, withKey(integrator.key));
    expect(registered.status).toBe(201);
    expect(String((await ledger.get('/metrics', { role: null })).body.text)).toMatch(/concord_webhooks\{status="active"\} 1\b/);

    expect((await revoke(ledger, integrator.keyId)).status).toBe(200);
    await stream.until((client) => client.ended, 'the stream to end');
    expect(String((await ledger.get('/metrics', { role: null })).body.text)).not.toMatch(/concord_webhooks\{status="active"\} [1-9]/);
  });

  it("refuses to revoke the environment's keys, unknown keys, and malformed ids", async () => {
    const environmentKey = (await keys(ledger)).find((key) => key.source === 'environment' && key.role === 'secretariat');
    expectProblem(await revoke(ledger, environmentKey?.keyId ?? ''), 422, 'key-not-revocable');
    expectProblem(await revoke(ledger, 'key-000000000000'), 404, 'key-not-found');
    expectProblem(await revoke(ledger, 'no such key'), 400, 'validation-failed');
  });

  it('tells any key what it is and whether it may record, never the key itself; a revoked key is refused', async () => {
    const listed = await keys(ledger);
    for (const role of ['secretariat', 'auditor', 'integrator', 'admin'] as const) {
      const keyId = listed.find((key) => key.source === 'environment' && key.role === role)?.keyId;
      expect(await read(ledger, '/v1/me', { role })).toEqual({ keyId, name: null, role, mayRecord: role === 'secretariat' });
    }
    const clerk = await issue(ledger, 'Kofi Boateng', 'auditor');
    const answer = await read<Record<string, unknown>>(ledger, '/v1/me', withKey(clerk.key));
    expect(answer).toEqual({ keyId: clerk.keyId, name: 'Kofi Boateng', role: 'auditor', mayRecord: false });
    expect(JSON.stringify(answer)).not.toContain(clerk.key);
    expect((await revoke(ledger, clerk.keyId)).status).toBe(200);
    expectProblem(await ledger.get('/v1/me', withKey(clerk.key)), 401, 'unauthorized');
    expectProblem(await ledger.get('/v1/me', { role: null }), 401, 'unauthorized');
  });

  it('lets only the admin role manage keys', async () => {
    for (const role of ['secretariat', 'auditor', 'integrator'] as const) {
      expectProblem(await ledger.post('/v1/keys', { name: `By ${role}`, role: 'admin' }, { role }), 403, 'forbidden');
      expectProblem(await ledger.get('/v1/keys', { role }), 403, 'forbidden');
    }
  });

  it('shares issued keys with another instance on the same database, which refuses a revoked key at once', async () => {
    const kept = await issue(ledger, 'Restart Clerk', 'auditor');
    const gone = await issue(ledger, 'Revoked Elsewhere', 'auditor');
    const other = await LedgerHarness.start({}, ledger.storage);
    try {
      expect((await other.get('/v1/keys', withKey(kept.key))).status).toBe(403);
      expect((await other.get(`/v1/bodies/nothing-here`, withKey(gone.key))).status).toBe(404);
      expect((await revoke(ledger, gone.keyId)).status).toBe(200);
      expectProblem(await other.get(`/v1/bodies/nothing-here`, withKey(gone.key)), 401, 'unauthorized');
      expect((await other.get(`/v1/bodies/nothing-here`, withKey(kept.key))).status).toBe(404);
    } finally {
      await other.stop({ keepData: true });
    }
  });
});
