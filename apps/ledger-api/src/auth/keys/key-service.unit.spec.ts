import { apiKey, Caller } from '../api-keys';
import { InMemoryKeyRegistry } from './in-memory-key-registry';
import { KeyNameTakenError, KeyRegistry } from './key-registry';
import { KeyNotFoundError, KeyNotRevocableError, KeyService } from './key-service';

const ADMIN_KEY = 'admin-key-from-the-environment-1';

function setUp(registry: KeyRegistry = new InMemoryKeyRegistry()) {
  let now = Date.parse('2026-11-30T10:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const service = new KeyService([apiKey('admin', ADMIN_KEY)], registry, clock, (error) => {
    throw error;
  });
  return { service, registry, advance: (ms: number) => (now += ms) };
}

async function admin(service: KeyService): Promise<Caller> {
  const caller = await service.authenticate(ADMIN_KEY);
  if (!caller) throw new Error('the environment key did not authenticate');
  return caller;
}

describe('KeyService', () => {
  it('authenticates an issued key as its holder, by name, and keeps only its digest', async () => {
    const { service, registry } = setUp();
    const issued = await service.issue('Ama Mensah', 'secretariat', await admin(service));

    expect(issued.key).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);
    expect(await service.authenticate(issued.key)).toEqual({ keyId: issued.keyId, role: 'secretariat', name: 'Ama Mensah' });
    const stored = await registry.get(issued.keyId);
    expect(JSON.stringify(stored)).not.toContain(issued.key);
    expect(stored).toMatchObject({ name: 'Ama Mensah', createdBy: (await admin(service)).keyId, createdAt: '2026-11-30T10:00:00.000Z' });
    expect(await service.authenticate(`${issued.key}x`)).toBeUndefined();
  });

  it('keeps one form of a name, and refuses it while a key not revoked holds it in any case or Unicode form', async () => {
    const { service } = setUp();
    const by = await admin(service);
    const first = await service.issue('  Café   Okafor ', 'secretariat', by);
    expect(first.name).toBe('Café Okafor');
    for (const same of ['Cafe\u0301 Okafor', 'café okafor', 'CAFÉ OKAFOR ']) {
      await expect(service.issue(same, 'auditor', by)).rejects.toThrow(KeyNameTakenError);
    }
    await service.revoke(first.keyId, by);
    expect((await service.issue('café okafor', 'auditor', by)).name).toBe('café okafor');
  });

  it('refuses a revoked key from the next request on, and revoking again keeps the first revocation', async () => {
    const { service, advance } = setUp();
    const by = await admin(service);
    const issued = await service.issue('Ama Mensah', 'secretariat', by);
    const revoked = await service.revoke(issued.keyId, by);
    expect(revoked).toMatchObject({ revokedAt: '2026-11-30T10:00:00.000Z', revokedBy: by.keyId });
    expect(await service.authenticate(issued.key)).toBeUndefined();
    advance(5000);
    expect(await service.revoke(issued.keyId, by)).toEqual(revoked);
  });

  it("refuses to revoke the environment's keys or keys it does not know", async () => {
    const { service } = setUp();
    const by = await admin(service);
    await expect(service.revoke(by.keyId, by)).rejects.toThrow(KeyNotRevocableError);
    await expect(service.revoke('key-000000000000', by)).rejects.toThrow(KeyNotFoundError);
  });

  it("writes a key's use down at most once a minute", async () => {
    const registry = new InMemoryKeyRegistry();
    const marks: string[] = [];
    const markUsed = registry.markUsed.bind(registry);
    registry.markUsed = async (keyId, at) => {
      marks.push(at);
      await markUsed(keyId, at);
    };
    const { service, advance } = setUp(registry);
    const issued = await service.issue('Ama Mensah', 'auditor', await admin(service));
    for (let i = 0; i < 100; i += 1) {
      await service.authenticate(issued.key);
      advance(1000);
    }
    expect(marks).toEqual(['2026-11-30T10:00:00.000Z', '2026-11-30T10:01:00.000Z']);
    expect((await service.list()).find((key) => key.keyId === issued.keyId)?.lastUsedAt).toBe('2026-11-30T10:01:00.000Z');
  });

  it("lists the environment's keys beside the issued ones, never a key or a digest", async () => {
    const { service } = setUp();
    const by = await admin(service);
    await service.issue('Ama Mensah', 'secretariat', by);
    const listed = await service.list();
    expect(listed.map((key) => [key.source, key.role, key.name])).toEqual([
      ['environment', 'admin', null],
      ['issued', 'secretariat', 'Ama Mensah'],
    ]);
    expect(listed[0]?.lastUsedAt).toBe('2026-11-30T10:00:00.000Z');
    for (const key of listed) expect(Object.keys(key)).not.toEqual(expect.arrayContaining(['digest']));
    expect(listed.some((key) => 'key' in key || 'digest' in key)).toBe(false);
  });
});
