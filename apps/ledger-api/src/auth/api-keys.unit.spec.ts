import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@concord/config';
import { authenticate, GENERATED_KEYS_FILE, parseApiKeys, resolveApiKeys } from './api-keys';

const SECRETARIAT = 'a-secretariat-key-long-enough';
const SECOND_SECRETARIAT = 'another-secretariat-key-12345';
const AUDITOR = 'an-auditor-key-long-enough-00';

describe('parseApiKeys', () => {
  it('reads role=key pairs, several keys per role', () => {
    const keys = parseApiKeys(`secretariat=${SECRETARIAT}, secretariat=${SECOND_SECRETARIAT},auditor=${AUDITOR}`);
    expect(keys.map((k) => k.role)).toEqual(['secretariat', 'secretariat', 'auditor']);
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(3);
  });

  it('never carries the key itself in the key id', () => {
    const [key] = parseApiKeys(`auditor=${AUDITOR}`);
    expect(key?.keyId).toMatch(/^auditor-[0-9a-f]{12}$/);
    expect(key?.keyId).not.toContain(AUDITOR);
  });

  it.each(['chair=abcdefghijklmnopq', 'secretariat', 'secretariat=short', '=abcdefghijklmnopq'])('refuses %s', (raw) => {
    expect(() => parseApiKeys(raw)).toThrow(ConfigError);
  });
});

describe('authenticate', () => {
  const keys = parseApiKeys(`secretariat=${SECRETARIAT},secretariat=${SECOND_SECRETARIAT},auditor=${AUDITOR}`);

  it('finds the role of any configured key', () => {
    expect(authenticate(keys, SECOND_SECRETARIAT)?.role).toBe('secretariat');
    expect(authenticate(keys, AUDITOR)?.role).toBe('auditor');
  });

  it('knows nothing of an unknown key, a prefix or an empty one', () => {
    expect(authenticate(keys, 'nope')).toBeUndefined();
    expect(authenticate(keys, SECRETARIAT.slice(0, -1))).toBeUndefined();
    expect(authenticate(keys, '')).toBeUndefined();
  });
});

describe('resolveApiKeys', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'concord-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates one key per role on the first start, readable by the owner only', () => {
    const first = resolveApiKeys('', join(dir, 'data'));
    const file = join(dir, 'data', GENERATED_KEYS_FILE);
    expect(first.generatedFile).toBe(file);
    expect(first.keys.map((k) => k.role).sort()).toEqual(['admin', 'auditor', 'integrator', 'secretariat']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(authenticate(first.keys, stored.secretariat ?? '')?.role).toBe('secretariat');
  });

  it('reuses the generated keys on later starts and says nothing new was generated', () => {
    const first = resolveApiKeys('', dir);
    const second = resolveApiKeys('', dir);
    expect(second.generatedFile).toBeUndefined();
    expect(second.keys.map((k) => k.keyId)).toEqual(first.keys.map((k) => k.keyId));
  });

  it('leaves nothing but the keys file beside it, and refuses one left empty saying how to have keys generated again', () => {
    resolveApiKeys('', dir);
    expect(readdirSync(dir)).toEqual([GENERATED_KEYS_FILE]);
    writeFileSync(join(dir, GENERATED_KEYS_FILE), '');
    expect(() => resolveApiKeys('', dir)).toThrow(/is empty .*delete it to have keys generated again, or set CONCORD_API_KEYS/);
  });

  it('refuses a generated-keys file that holds no usable key', () => {
    writeFileSync(join(dir, GENERATED_KEYS_FILE), '{}');
    expect(() => resolveApiKeys('', dir)).toThrow(/holds no usable key/);
  });

  it.each([
    ['a key shorter than 16 characters', { secretariat: 'short', admin: 'c'.repeat(22) }, /the secretariat key must be a string of at least 16 characters/],
    [
      'a role that is none of the four',
      { boss: 'b'.repeat(20), admin: 'c'.repeat(22) },
      /"boss" is not a role; the roles are secretariat, auditor, integrator, admin/,
    ],
    ['one key under two roles', { auditor: 'd'.repeat(20), admin: 'd'.repeat(20) }, /one key is given twice \(as auditor and as admin\)/],
    ['a key that is no string', { admin: 1234567890123456 }, /the admin key must be a string/],
    ['a list instead of an object', ['a'.repeat(20)], /must hold an object of role: key/],
  ])('refuses a keys file with %s, as CONCORD_API_KEYS is refused, naming the role and never the key', (_case, content, message) => {
    writeFileSync(join(dir, GENERATED_KEYS_FILE), JSON.stringify(content));
    expect(() => resolveApiKeys('', dir)).toThrow(ConfigError);
    expect(() => resolveApiKeys('', dir)).toThrow(message);
    expect(() => resolveApiKeys('', dir)).toThrow(/^(?!.*(short|bbbbbbbb|dddddddd))/);
  });

  it('prefers CONCORD_API_KEYS and writes no file', () => {
    const resolved = resolveApiKeys(`auditor=${AUDITOR}`, dir);
    expect(resolved.keys).toHaveLength(1);
    expect(resolved.generatedFile).toBeUndefined();
  });
});

describe('parseApiKeys with a mistake in it', () => {
  it('never repeats a key in its error, even one typed without its role', () => {
    const secret = 'Zq8vN3xT5rLp2WmK9sYb';
    for (const raw of [`secretariat:${secret}`, `auditor=${AUDITOR},${secret}`]) {
      expect(() => parseApiKeys(raw)).toThrow(ConfigError);
      expect(() => parseApiKeys(raw)).toThrow(/^(?!.*Zq8vN3xT5r)/);
    }
  });

  it('refuses a value that holds no entry, and a key no Bearer header can carry', () => {
    expect(() => parseApiKeys(',')).toThrow(/holds no role=key entry/);
    expect(() => parseApiKeys(' , ,')).toThrow(ConfigError);
    expect(() => parseApiKeys('secretariat=supersecret value1234')).toThrow(/entry 1 \(secretariat\) has a key with a space/);
    expect(() => parseApiKeys('secretariat=clé-secrète-de-la-greffe')).toThrow(/outside printable ASCII/);
  });

  it('refuses one key given for two roles', () => {
    expect(() => parseApiKeys(`secretariat=${SECRETARIAT},auditor=${SECRETARIAT}`)).toThrow(/given twice/);
  });
});
