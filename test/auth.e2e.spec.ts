import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readEventLog } from './support/event-log';
import { KimberleyProcess, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { expectCreated, headPosition, read, uniqueId } from './support/ledger-client';
import { LedgerHarness, RequestOptions, TEST_KEYS, TestRole } from './support/ledger-harness';
import { LedgerStorage, removeStorage } from './support/ledger-storage';
import { expectProblem } from './support/problems';

const withKey = (key: string): RequestOptions => ({ role: null, headers: { authorization: `Bearer ${key}` } });
const establish = (bodyId: string) => ({ bodyId, name: 'A body', definition: 'A definition.', occurredAt: '2020-01-01' });

/** The process may print a line a moment after it answers /health. */
async function waitForLog(ledger: LedgerHarness, text: string): Promise<void> {
  for (let waited = 0; waited < 2000 && !ledger.logs.includes(text); waited += 25) await new Promise((done) => setTimeout(done, 25));
}

describe('Authentication and roles', () => {
  describe('with one key per role', () => {
    let ledger: LedgerHarness;
    let kp: KimberleyProcess;
    let proposalId: string;
    beforeAll(async () => {
      ledger = await LedgerHarness.start();
      kp = await recordKimberleyProcess(ledger);
      proposalId = (await tableProposal(ledger, kp.bodyId)).proposalId;
    });
    afterAll(() => ledger.stop());

    it.each<TestRole>(['secretariat', 'auditor', 'integrator'])('lets the %s role read every query', async (role) => {
      for (const path of [
        `/v1/bodies/${kp.bodyId}`,
        `/v1/bodies/${kp.bodyId}/chairs`,
        `/v1/bodies/${kp.bodyId}/proposals?status=open`,
        `/v1/proposals/${proposalId}`,
        `/v1/meetings/${kp.plenary}`,
      ]) {
        await read(ledger, path, { role });
      }
    });

    it.each<TestRole>(['auditor', 'integrator'])('refuses every command from the %s role with 403 forbidden, recording nothing', async (role) => {
      const head = await headPosition(ledger);

      expectProblem(await ledger.post('/v1/bodies', establish(uniqueId('body')), { role }), 403, 'forbidden');
      expectProblem(await ledger.post(`/v1/proposals/${proposalId}/support`, { participantId: 'eu', occurredAt: '2022-06-22' }, { role }), 403, 'forbidden');
      expectProblem(await ledger.post(`/v1/meetings/${kp.plenary}/closure`, { occurredAt: '2022-11-11' }, { role }), 403, 'forbidden');

      expect(await headPosition(ledger)).toBe(head);
    });

    it.each([
      ['another scheme', `Basic ${TEST_KEYS.secretariat}`],
      ['no key after the scheme', 'Bearer '],
      ['a key with a character changed', `Bearer ${TEST_KEYS.secretariat.slice(0, -1)}2`],
    ])('refuses %s with 401 unauthorized', async (_case, authorization) => {
      const answer = await ledger.get(`/v1/bodies/${kp.bodyId}`, { role: null, headers: { authorization } });
      expectProblem(answer, 401, 'unauthorized');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="concord-ledger"');
    });
  });

  describe('with several keys per role in CONCORD_API_KEYS', () => {
    const keys = {
      clerkA: 'secretariat-key-of-clerk-a-0001',
      clerkB: 'secretariat-key-of-clerk-b-0002',
      auditorA: 'auditor-key-of-auditor-a-00001',
      auditorB: 'auditor-key-of-auditor-b-00002',
    };
    let ledger: LedgerHarness;
    beforeAll(async () => {
      const apiKeys = `secretariat=${keys.clerkA}, secretariat=${keys.clerkB},auditor=${keys.auditorA},auditor=${keys.auditorB}`;
      ledger = await LedgerHarness.start({ CONCORD_API_KEYS: apiKeys });
    });
    afterAll(async () => {
      await ledger.stop();
      await removeStorage(ledger.storage);
    });

    it('accepts each configured key with its own role and refuses keys that are not configured', async () => {
      const first = expectCreated(await ledger.post('/v1/bodies', establish('recorded-by-clerk-a'), withKey(keys.clerkA)));
      const second = expectCreated(await ledger.post('/v1/bodies', establish('recorded-by-clerk-b'), withKey(keys.clerkB)));
      await read(ledger, '/v1/bodies/recorded-by-clerk-a', withKey(keys.auditorA));
      await read(ledger, '/v1/bodies/recorded-by-clerk-b', withKey(keys.auditorB));

      expectProblem(await ledger.post('/v1/bodies', establish('by-an-auditor'), withKey(keys.auditorB)), 403, 'forbidden');
      expectProblem(await ledger.get('/v1/bodies/recorded-by-clerk-a', { role: 'secretariat' }), 401, 'unauthorized');
      expect(second.position).toBe(first.position + 1);
    });

    it('records as actor the key’s id and role, never the key, and keeps the keys out of the data directory and the logs', async () => {
      await ledger.stop({ keepData: true });

      const actors = (await readEventLog(ledger)).map((event) => event.metadata.actor);

      expect(actors).toEqual([
        { id: expect.stringMatching(/^secretariat-[0-9a-f]{12}$/), role: 'secretariat' },
        { id: expect.stringMatching(/^secretariat-[0-9a-f]{12}$/), role: 'secretariat' },
      ]);
      expect(new Set(actors.map((actor) => JSON.stringify(actor))).size).toBe(2);
      for (const file of readdirSync(ledger.dataDir)) {
        const content = readFileSync(join(ledger.dataDir, file)).toString('latin1');
        for (const key of Object.values(keys)) expect(content.includes(key)).toBe(false);
      }
      for (const key of Object.values(keys)) expect(ledger.logs).not.toContain(key);
    });
  });

  describe('with no CONCORD_API_KEYS', () => {
    let storage: LedgerStorage;
    let dataDir: string;
    let generated: Record<string, string>;
    afterAll(() => removeStorage(storage));

    it('generates one key per role into api-keys.json (mode 0600), names the file in the log but prints no key', async () => {
      const ledger = await LedgerHarness.start({ CONCORD_API_KEYS: '' });
      storage = ledger.storage;
      dataDir = ledger.dataDir;
      try {
        const file = join(dataDir, 'api-keys.json');
        await waitForLog(ledger, file);

        expect(statSync(file).mode & 0o777).toBe(0o600);
        generated = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
        expect(Object.keys(generated).sort()).toEqual(['admin', 'auditor', 'integrator', 'secretariat']);
        expect(ledger.logs).toContain(file);
        for (const key of Object.values(generated)) expect(ledger.logs).not.toContain(key);
      } finally {
        await ledger.stop({ keepData: true });
      }
    });

    it('lets the generated keys in with their roles, and no longer the test keys', async () => {
      const ledger = await LedgerHarness.start({ CONCORD_API_KEYS: '' }, storage);
      try {
        expectCreated(await ledger.post('/v1/bodies', establish('generated-keys'), withKey(generated.secretariat ?? '')));
        await read(ledger, '/v1/bodies/generated-keys', withKey(generated.integrator ?? ''));
        expectProblem(await ledger.post('/v1/bodies', establish('not-allowed'), withKey(generated.auditor ?? '')), 403, 'forbidden');
        expectProblem(await ledger.get('/v1/bodies/generated-keys', { role: 'secretariat' }), 401, 'unauthorized');
      } finally {
        await ledger.stop();
      }
    });

    it('reuses the generated keys on the next start without generating new ones', async () => {
      const file = join(dataDir, 'api-keys.json');
      const before = readFileSync(file, 'utf8');

      const ledger = await LedgerHarness.start({ CONCORD_API_KEYS: '' }, storage);
      try {
        expect(readFileSync(file, 'utf8')).toBe(before);
        expect(ledger.logs).not.toContain('generated');
        await read(ledger, '/v1/bodies/generated-keys', withKey(generated.secretariat ?? ''));
      } finally {
        await ledger.stop();
      }
    });
  });
});
