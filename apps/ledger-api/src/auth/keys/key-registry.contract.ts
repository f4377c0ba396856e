import { IssuedKey, KeyNameTakenError, KeyRegistry } from './key-registry';

const issued = (keyId: string, name: string, createdAt = '2026-11-30T10:00:00.000Z'): IssuedKey => ({
  keyId,
  name,
  role: 'secretariat',
  digest: `digest-of-${keyId}`,
  createdAt,
  createdBy: 'admin-1',
  lastUsedAt: null,
  revokedAt: null,
  revokedBy: null,
});

/** What every key registry must do; registered once per adapter by `key-registries.int.spec.ts`. */
export function keyRegistryContract(name: string, open: () => Promise<KeyRegistry>): void {
  describe(`${name} key registry`, () => {
    let registry: KeyRegistry;
    beforeEach(async () => {
      registry = await open();
    });
    afterEach(() => registry.close());

    it('keeps what it is given and finds it by id and by digest', async () => {
      const key = issued('key-1', 'Ama Mensah');
      await registry.issue(key);
      expect(await registry.get('key-1')).toEqual(key);
      expect(await registry.findByDigest('digest-of-key-1')).toEqual(key);
      expect(await registry.get('key-2')).toBeUndefined();
      expect(await registry.findByDigest('digest-of-key-2')).toBeUndefined();
    });

    it('lists oldest first, revoked keys included', async () => {
      await registry.issue(issued('key-b', 'Second', '2026-11-30T11:00:00.000Z'));
      await registry.issue(issued('key-a', 'First', '2026-11-30T10:00:00.000Z'));
      await registry.revoke('key-a', '2026-11-30T12:00:00.000Z', 'admin-1');
      expect((await registry.list()).map((key) => [key.keyId, key.revokedAt])).toEqual([
        ['key-a', '2026-11-30T12:00:00.000Z'],
        ['key-b', null],
      ]);
    });

    it('refuses a second key of a name in use, and allows it once the first is revoked', async () => {
      await registry.issue(issued('key-1', 'Ama Mensah'));
      await expect(registry.issue(issued('key-2', 'Ama Mensah'))).rejects.toThrow(KeyNameTakenError);
      expect(await registry.get('key-2')).toBeUndefined();
      await registry.revoke('key-1', '2026-11-30T12:00:00.000Z', 'admin-1');
      await registry.issue(issued('key-2', 'Ama Mensah'));
      expect((await registry.list()).map((key) => key.keyId)).toEqual(['key-1', 'key-2']);
    });

    it('keeps the first revocation when a key is revoked again, and answers undefined for an unknown key', async () => {
      await registry.issue(issued('key-1', 'Ama Mensah'));
      const first = await registry.revoke('key-1', '2026-11-30T12:00:00.000Z', 'admin-1');
      const again = await registry.revoke('key-1', '2026-11-30T13:00:00.000Z', 'admin-2');
      expect(first).toMatchObject({ revokedAt: '2026-11-30T12:00:00.000Z', revokedBy: 'admin-1' });
      expect(again).toEqual(first);
      expect(await registry.revoke('key-9', '2026-11-30T12:00:00.000Z', 'admin-1')).toBeUndefined();
    });

    it('records when a key was last used', async () => {
      await registry.issue(issued('key-1', 'Ama Mensah'));
      await registry.markUsed('key-1', '2026-11-30T14:00:00.000Z');
      expect((await registry.get('key-1'))?.lastUsedAt).toBe('2026-11-30T14:00:00.000Z');
    });
  });
}
