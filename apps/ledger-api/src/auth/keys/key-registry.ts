import { Role } from '../api-keys';

/** A key issued through `POST /v1/keys`: only its SHA-256 digest is kept, never the key. */
export interface IssuedKey {
  readonly keyId: string;
  /** Who holds it, e.g. a clerk's name: recorded as the actor of every event it records. */
  readonly name: string;
  readonly role: Role;
  /** Hex SHA-256 of the key. */
  readonly digest: string;
  readonly createdAt: string;
  /** The key id of the admin who issued it. */
  readonly createdBy: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

/** Another key not revoked already has this name. */
export class KeyNameTakenError extends Error {
  override readonly name = 'KeyNameTakenError';

  constructor(readonly keyName: string) {
    super(`a key named ${JSON.stringify(keyName)} exists and is not revoked; names tell clerks apart, so each is used once`);
  }
}

/**
 * Where issued keys are kept: beside the ledger in its own database (a table), never in its event
 * log. Every adapter passes `key-registry.contract.ts`.
 */
export interface KeyRegistry {
  /** Stores a new key; `KeyNameTakenError` when a key not revoked has its name. */
  issue(key: IssuedKey): Promise<void>;
  /** Every issued key, revoked ones included, oldest first. */
  list(): Promise<IssuedKey[]>;
  get(keyId: string): Promise<IssuedKey | undefined>;
  findByDigest(digest: string): Promise<IssuedKey | undefined>;
  /** Revokes a key not revoked yet; a key revoked already keeps its first revocation. */
  revoke(keyId: string, at: string, by: string): Promise<IssuedKey | undefined>;
  markUsed(keyId: string, at: string): Promise<void>;
  close(): Promise<void>;
}

export const KEY_COLUMNS = ['key_id', 'name', 'role', 'digest', 'created_at', 'created_by', 'last_used_at', 'revoked_at', 'revoked_by'] as const;

export interface KeyRow {
  readonly key_id: string;
  readonly name: string;
  readonly role: string;
  readonly digest: string;
  readonly created_at: string;
  readonly created_by: string;
  readonly last_used_at: string | null;
  readonly revoked_at: string | null;
  readonly revoked_by: string | null;
}

export function toIssuedKey(row: KeyRow): IssuedKey {
  return {
    keyId: row.key_id,
    name: row.name,
    role: row.role as Role,
    digest: row.digest,
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}

export function keyValues(key: IssuedKey): (string | null)[] {
  return [key.keyId, key.name, key.role, key.digest, key.createdAt, key.createdBy, key.lastUsedAt, key.revokedAt, key.revokedBy];
}
