import { randomBytes } from 'node:crypto';
import { keyDigest } from '../bearer-token';
import { Clock } from '@concord/ledger';
import { ApiKey, authenticate, Caller, Role } from '../api-keys';
import { IssuedKey, KeyNameTakenError, KeyRegistry } from './key-registry';

/** A key as `GET /v1/keys` shows it: never the key, nor its digest. */
export interface KeyView {
  readonly keyId: string;
  /** The holder's name; null for a key set by the environment. */
  readonly name: string | null;
  readonly role: Role;
  /** `issued` through the API, or set by `environment` (`CONCORD_API_KEYS` or the generated file), which the API cannot revoke. */
  readonly source: 'issued' | 'environment';
  readonly createdAt: string | null;
  readonly createdBy: string | null;
  /** To the minute: a key's use is written down at most once a minute per process. */
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

export interface NewKey extends KeyView {
  /** The key itself, shown this once: only its digest is kept. */
  readonly key: string;
}

export class KeyNotFoundError extends Error {
  override readonly name = 'KeyNotFoundError';

  constructor(readonly keyId: string) {
    super(`no key with id ${keyId}`);
  }
}

/** The environment's keys are the way in when nothing else works, so only the operator removes them. */
export class KeyNotRevocableError extends Error {
  override readonly name = 'KeyNotRevocableError';

  constructor(readonly keyId: string) {
    super(`key ${keyId} is set by the environment (CONCORD_API_KEYS or the generated keys file); remove it there and restart`);
  }
}

const USE_RECORDED_EVERY_MS = 60_000;

const digestOf = (key: string): string => keyDigest(key).toString('hex');

/**
 * Every key the API accepts: the environment's (bootstrap) keys, held in memory, and keys issued
 * through the API, kept hashed in the registry and looked up on each request, so a revocation
 * holds from the next request on, on every instance sharing the database.
 */
export class KeyService {
  /** When each environment key was last used: written at every request, so kept as a Date and written as text only when listed. */
  private readonly environmentUse = new Map<string, Date>();
  private readonly useRecordedAt = new Map<string, number>();

  constructor(
    private readonly environmentKeys: readonly ApiKey[],
    private readonly registry: KeyRegistry,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
    /** What else goes with a revoked key (its webhooks, its open streams), and who revoked it. */
    /** `first`: this revocation took effect (not one of a key revoked already). */
    private readonly afterRevoke: (keyId: string, by: Caller, first: boolean) => Promise<void> = async () => undefined,
    /** Told of each key issued, and by whom: an operator hears of every new key, an admin key most of all. */
    private readonly afterIssue: (issued: KeyView, by: Caller) => void = () => undefined,
  ) {}

  /** `digest` is the presented key's, when the caller has worked it out already. */
  async authenticate(presented: string, digest: Buffer = keyDigest(presented)): Promise<Caller | undefined> {
    const fromEnvironment = authenticate(this.environmentKeys, presented, digest);
    if (fromEnvironment) {
      this.environmentUse.set(fromEnvironment.keyId, this.clock.now());
      return fromEnvironment;
    }
    const issued = await this.registry.findByDigest(digest.toString('hex'));
    if (!issued || issued.revokedAt !== null) return undefined;
    this.recordUse(issued.keyId);
    return { keyId: issued.keyId, role: issued.role, name: issued.name };
  }

  /**
   * When the presented key was revoked, if it is an issued key that was: a client still holding it
   * is no one guessing keys, and is told so rather than counted as a guess.
   */
  async revokedAt(digest: Buffer): Promise<string | undefined> {
    const issued = await this.registry.findByDigest(digest.toString('hex'));
    return issued?.revokedAt ?? undefined;
  }

  /** Whether the key with this id is accepted now: set by the environment, or issued and not revoked. */
  async accepts(keyId: string): Promise<boolean> {
    if (this.environmentKeys.some((key) => key.keyId === keyId)) return true;
    const issued = await this.registry.get(keyId);
    return issued !== undefined && issued.revokedAt === null;
  }

  /**
   * The name is kept as one form of it (Unicode NFC, spaces trimmed and runs of them made one), and
   * refused while a key not revoked holds the same name in any case: "Café" typed on two keyboards,
   * or "ama mensah " for "Ama Mensah", would otherwise be two holders the log cannot tell apart.
   */
  async issue(name: string, role: Role, by: Caller): Promise<NewKey> {
    const holder = heldName(name);
    // Checked before the insert, so two issues racing with names that differ only in case could
    // both pass: an admin's rare act, and the table's own index still refuses the exact same name.
    const sameName = (await this.registry.list()).find((key) => key.revokedAt === null && foldedName(key.name) === foldedName(holder));
    if (sameName) throw new KeyNameTakenError(sameName.name);
    const key = `ck_${randomBytes(32).toString('base64url')}`;
    const record: IssuedKey = {
      keyId: `key-${randomBytes(6).toString('hex')}`,
      name: holder,
      role,
      digest: digestOf(key),
      createdAt: this.clock.now().toISOString(),
      createdBy: by.keyId,
      lastUsedAt: null,
      revokedAt: null,
      revokedBy: null,
    };
    await this.registry.issue(record);
    this.afterIssue(issuedView(record), by);
    return { ...issuedView(record), key };
  }

  async list(): Promise<KeyView[]> {
    const environment = this.environmentKeys.map((key): KeyView => ({
      keyId: key.keyId,
      name: null,
      role: key.role,
      source: 'environment',
      createdAt: null,
      createdBy: null,
      lastUsedAt: this.environmentUse.get(key.keyId)?.toISOString() ?? null,
      revokedAt: null,
      revokedBy: null,
    }));
    return [...environment, ...(await this.registry.list()).map(issuedView)];
  }

  async revoke(keyId: string, by: Caller): Promise<KeyView> {
    if (this.environmentKeys.some((key) => key.keyId === keyId)) throw new KeyNotRevocableError(keyId);
    const revokedAt = this.clock.now().toISOString();
    const revoked = await this.registry.revoke(keyId, revokedAt, by.keyId);
    if (!revoked) throw new KeyNotFoundError(keyId);
    await this.afterRevoke(keyId, by, revoked.revokedAt === revokedAt && revoked.revokedBy === by.keyId);
    return issuedView(revoked);
  }

  /** Written down at most once a minute per key: a write per request would cost every request. */
  private recordUse(keyId: string): void {
    const now = this.clock.now();
    if (now.getTime() - (this.useRecordedAt.get(keyId) ?? Number.NEGATIVE_INFINITY) < USE_RECORDED_EVERY_MS) return;
    this.useRecordedAt.set(keyId, now.getTime());
    this.registry.markUsed(keyId, now.toISOString()).catch(this.onError);
  }
}

/** A holder's name as kept: one Unicode form (NFC), trimmed, runs of spaces made one. */
function heldName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** What two names must not share: the held name without case (locale-independent) or invisible format characters. */
function foldedName(name: string): string {
  return heldName(name)
    .replace(/\p{Cf}/gu, '')
    .toLowerCase();
}

function issuedView(key: IssuedKey): KeyView {
  const { keyId, name, role, createdAt, createdBy, lastUsedAt, revokedAt, revokedBy } = key;
  return { keyId, name, role, source: 'issued', createdAt, createdBy, lastUsedAt, revokedAt, revokedBy };
}
