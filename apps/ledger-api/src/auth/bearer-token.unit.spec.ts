import { createHash } from 'node:crypto';
import { bearerToken, keyDigest, presentedKeyDigest, presentedKeyLabel } from './bearer-token';

describe('bearerToken', () => {
  it('reads one key however the scheme is spelled or spaced', () => {
    for (const header of ['Bearer k-1', 'bearer k-1', 'BEARER k-1', 'Bearer   k-1', 'Bearer\tk-1', 'Bearer k-1  ']) expect(bearerToken(header)).toBe('k-1');
  });

  it('reads nothing from another scheme, an empty key or two words', () => {
    for (const header of [undefined, '', 'Basic k-1', 'Bearer ', 'Bearer k-1 k-2', 'k-1']) expect(bearerToken(header)).toBeUndefined();
  });
});

describe('presentedKeyDigest', () => {
  it('hashes a key presented again only once, and each other key to its own digest', () => {
    const first = presentedKeyDigest('key-one-0123456789');
    expect(first).toEqual(keyDigest('key-one-0123456789'));
    expect(presentedKeyDigest('key-one-0123456789')).toBe(first);
    expect(presentedKeyDigest('key-two-0123456789')).toEqual(keyDigest('key-two-0123456789'));
    expect(presentedKeyLabel('key-two-0123456789')).toBe(keyDigest('key-two-0123456789').toString('base64'));
  });

  it('stays right while many different keys are presented, as wrong keys sent in bulk are', () => {
    const keys = Array.from({ length: 2500 }, (_, index) => `guess-${index}-0123456789`);
    for (const key of keys) presentedKeyDigest(key);
    for (const key of [keys[0] ?? '', keys[1499] ?? '', keys[2499] ?? '']) expect(presentedKeyDigest(key)).toEqual(keyDigest(key));
  });
});

describe('keyDigest', () => {
  it('is the SHA-256 of the key as UTF-8, the digest the key registry has always stored', () => {
    expect(keyDigest('abc').toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const key of ['secretariat-key-0001', 'clé-Ωmega-鍵-🔑']) expect(keyDigest(key)).toEqual(createHash('sha256').update(key, 'utf8').digest());
  });
});
