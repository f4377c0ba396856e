import { hash } from 'node:crypto';

/**
 * The key in an `Authorization: Bearer <key>` header, however the scheme is spelled or spaced:
 * the one reading, so that what the guard checks and what the limits count are the same key.
 */
export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
}

/** SHA-256 of a key: what is kept and compared, never the key itself. (The one-shot `hash` costs half a `createHash`.) */
export function keyDigest(key: string): Buffer {
  return hash('sha256', key, 'buffer');
}

const PRESENTED_DIGEST = Symbol('presented key digest');

/**
 * The digest of the key a request presents, worked out once per request: the request limits count
 * the key by it and the guard checks it, and each would otherwise hash the key again.
 */
export function presentedKeyDigest(request: object, key: string): Buffer {
  const memo = request as { [PRESENTED_DIGEST]?: { key: string; digest: Buffer } };
  const held = memo[PRESENTED_DIGEST];
  if (held?.key === key) return held.digest;
  const digest = keyDigest(key);
  memo[PRESENTED_DIGEST] = { key, digest };
  return digest;
}
