import { randomBytes, timingSafeEqual } from 'node:crypto';
import { keyDigest } from './bearer-token';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { makeDirectory } from '@concord/event-store';
import { join } from 'node:path';
import { ConfigError } from '@concord/config';

export const ROLES = ['secretariat', 'auditor', 'integrator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The one role that records; every role reads, and webhooks and keys have roles of their own (their routes say). */
export const RECORDING_ROLE: Role = 'secretariat';

export interface ApiKey {
  readonly role: Role;
  /** A stable, non-secret id for the key: what goes into event metadata and logs. */
  readonly keyId: string;
  readonly digest: Buffer;
}

export interface Caller {
  readonly role: Role;
  readonly keyId: string;
  /** The holder's name, for keys issued through `POST /v1/keys`; the environment's keys have none. */
  readonly name: string | null;
}

export function apiKey(role: Role, key: string): ApiKey {
  const digest = keyDigest(key);
  return { role, keyId: `${role}-${digest.toString('hex').slice(0, 12)}`, digest };
}

/** Parses `CONCORD_API_KEYS`: comma-separated `role=key` pairs, several keys per role allowed. */
export function parseApiKeys(raw: string): ApiKey[] {
  const keys = raw
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0)
    .map((pair, index) => {
      const separator = pair.indexOf('=');
      const role = separator < 1 ? '' : pair.slice(0, separator).trim();
      const key = pair.slice(separator + 1).trim();
      // A malformed entry may be a key typed without its role: name it by position, never by text.
      if (!(ROLES as readonly string[]).includes(role)) {
        throw new ConfigError(`CONCORD_API_KEYS: entry ${index + 1} is not role=key with role one of ${ROLES.join(', ')}`);
      }
      if (key.length < 16) throw new ConfigError(`CONCORD_API_KEYS: entry ${index + 1} (${role}) has a key shorter than 16 characters`);
      if (!SENDABLE_KEY.test(key)) throw new ConfigError(`CONCORD_API_KEYS: entry ${index + 1} (${role}) ${UNSENDABLE}`);
      return apiKey(role as Role, key);
    });
  // A value of only commas or spaces is no keys at all: every request would be refused, unexplained.
  if (keys.length === 0) throw new ConfigError('CONCORD_API_KEYS holds no role=key entry; leave it unset to have keys generated into CONCORD_DATA_DIR');
  return refuseRepeatedKeys('CONCORD_API_KEYS', keys);
}

/** What an `Authorization: Bearer` header can carry as one token: printable ASCII, no space. */
const SENDABLE_KEY = /^[\x21-\x7e]+$/;
const UNSENDABLE = 'has a key with a space or a character outside printable ASCII, which no Bearer header can carry';

/** The keys, where no key is given twice; `where` names the setting or file in the refusal. */
function refuseRepeatedKeys(where: string, keys: ApiKey[]): ApiKey[] {
  const roleOf = new Map<string, Role>();
  for (const key of keys) {
    const earlier = roleOf.get(key.digest.toString('hex'));
    if (earlier) throw new ConfigError(`${where}: one key is given twice (as ${earlier} and as ${key.role}); every key must be unique`);
    roleOf.set(key.digest.toString('hex'), key.role);
  }
  return keys;
}

/**
 * Compares digests, not keys, so the comparison takes the same time whatever the length of the
 * presented key, and checks every configured key so the time does not tell which one matched.
 */
export function authenticate(keys: readonly ApiKey[], presented: string, digest: Buffer = keyDigest(presented)): Caller | undefined {
  let match: ApiKey | undefined;
  for (const key of keys) {
    if (timingSafeEqual(key.digest, digest) && !match) match = key;
  }
  return match ? { role: match.role, keyId: match.keyId, name: null } : undefined;
}

export interface ResolvedKeys {
  readonly keys: ApiKey[];
  /** Set when this start generated the keys: the file the operator must read them from. */
  readonly generatedFile?: string;
}

export const GENERATED_KEYS_FILE = 'api-keys.json';

/**
 * Keys from the environment when given; otherwise the keys generated into the data directory on
 * the first start (mode 0600), which are never printed, only where they are.
 */
export function resolveApiKeys(raw: string, dataDir: string): ResolvedKeys {
  if (raw.trim().length > 0) return { keys: parseApiKeys(raw) };
  const file = join(dataDir, GENERATED_KEYS_FILE);
  if (existsSync(file)) return { keys: readGeneratedKeys(file) };
  makeDirectory(dataDir);
  const generated = Object.fromEntries(ROLES.map((role) => [role, randomBytes(24).toString('base64url')]));
  const written = writeWholeOrNot(file, `${JSON.stringify(generated, null, 2)}\n`);
  return { keys: readGeneratedKeys(file), ...(written ? { generatedFile: file } : {}) };
}

/**
 * Writes `text` to `file` whole, or not at all: through a file of its own, flushed, then linked
 * under the name, so that a start that fails midway (a full disk) leaves no empty keys file that
 * every later start would refuse. False when another start made the file first (its keys stand).
 */
function writeWholeOrNot(file: string, text: string): boolean {
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  try {
    const descriptor = openSync(partial, 'wx', 0o600);
    try {
      writeSync(descriptor, text);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    linkSync(partial, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && existsSync(file)) return false;
    throw error;
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * The keys file, held to the rules `CONCORD_API_KEYS` is held to: a role of the four, a key of at
 * least 16 characters, no key twice. An operator edits it by hand (to add an admin key, say), and
 * an entry dropped without a word would leave its holder refused as unknown, with nothing saying why.
 * Messages name the role, never the key.
 */
function readGeneratedKeys(file: string): ApiKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const empty = existsSync(file) && readFileSync(file, 'utf8').trim() === '';
    throw new ConfigError(
      `${file} (generated API keys) cannot be read: ${empty ? 'it is empty (a start that could not finish writing it?); delete it to have keys generated again, or set CONCORD_API_KEYS' : (error as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError(`${file} must hold an object of role: key`);
  const keys = Object.entries(parsed).map(([role, key]) => {
    if (!(ROLES as readonly string[]).includes(role))
      throw new ConfigError(`${file}: ${JSON.stringify(role)} is not a role; the roles are ${ROLES.join(', ')}`);
    if (typeof key !== 'string' || key.length < 16) throw new ConfigError(`${file}: the ${role} key must be a string of at least 16 characters`);
    if (!SENDABLE_KEY.test(key)) throw new ConfigError(`${file}: the ${role} key ${UNSENDABLE.replace('has a key with', 'has')}`);
    return apiKey(role as Role, key);
  });
  refuseRepeatedKeys(file, keys);
  if (keys.length === 0) throw new ConfigError(`${file} holds no usable key; delete it to have keys generated again, or set CONCORD_API_KEYS`);
  return keys;
}
