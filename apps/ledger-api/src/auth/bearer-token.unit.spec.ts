import { bearerToken, keyDigest, presentedKeyDigest } from './bearer-token';

describe('bearerToken', () => {
  it('reads one key however the scheme is spelled or spaced', () => {
    for (const header of ['Bearer k-1', 'bearer k-1', 'BEARER k-1', 'Bearer   k-1', 'Bearer\tk-1', 'Bearer k-1  ']) expect(bearerToken(header)).toBe('k-1');
  });

  it('reads nothing from another scheme, an empty key or two words', () => {
    for (const header of [undefined, '', 'Basic k-1', 'Bearer ', 'Bearer k-1 k-2', 'k-1']) expect(bearerToken(header)).toBeUndefined();
  });
});

describe('presentedKeyDigest', () => {
  it("hashes a request's key once, and another key presented on the same request again", () => {
    const request = {};
    const first = presentedKeyDigest(request, 'key-one-0123456789');
    expect(first).toEqual(keyDigest('key-one-0123456789'));
    expect(presentedKeyDigest(request, 'key-one-0123456789')).toBe(first);
    expect(presentedKeyDigest(request, 'key-two-0123456789')).toEqual(keyDigest('key-two-0123456789'));
    expect(presentedKeyDigest({}, 'key-one-0123456789')).not.toBe(first);
  });
});
