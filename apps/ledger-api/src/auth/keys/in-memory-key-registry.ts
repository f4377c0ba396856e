import { IssuedKey, KeyNameTakenError, KeyRegistry } from './key-registry';

/** The registry's contract in a map: for the in-memory store and unit tests. */
export class InMemoryKeyRegistry implements KeyRegistry {
  private readonly keys = new Map<string, IssuedKey>();

  async issue(key: IssuedKey): Promise<void> {
    if ([...this.keys.values()].some((held) => held.name === key.name && held.revokedAt === null)) throw new KeyNameTakenError(key.name);
    if (this.keys.has(key.keyId)) throw new Error(`key ${key.keyId} exists`);
    this.keys.set(key.keyId, key);
  }

  async list(): Promise<IssuedKey[]> {
    return [...this.keys.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.keyId.localeCompare(b.keyId));
  }

  async get(keyId: string): Promise<IssuedKey | undefined> {
    return this.keys.get(keyId);
  }

  async findByDigest(digest: string): Promise<IssuedKey | undefined> {
    return [...this.keys.values()].find((key) => key.digest === digest);
  }

  async revoke(keyId: string, at: string, by: string): Promise<IssuedKey | undefined> {
    const key = this.keys.get(keyId);
    if (!key || key.revokedAt !== null) return key;
    const revoked = { ...key, revokedAt: at, revokedBy: by };
    this.keys.set(keyId, revoked);
    return revoked;
  }

  async markUsed(keyId: string, at: string): Promise<void> {
    const key = this.keys.get(keyId);
    if (key) this.keys.set(keyId, { ...key, lastUsedAt: at });
  }

  async close(): Promise<void> {
    this.keys.clear();
  }
}
