import { hash } from 'node:crypto';
import { boundedMemo } from '../http/bounded-memo';

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

interface PresentedKey {
  readonly digest: Buffer;
  /** The digest in base64: what the request limits count the key by. */
  readonly label: string;
}

/** Keys presented lately, with their digests. */
const presented = boundedMemo((key): PresentedKey => {
  const digest = keyDigest(key);
  return { digest, label: digest.toString('base64') };
});

/**
 * The digest of a key a request presents. The same few keys come with every request, and the
 * request limits count the key by its digest while the guard checks it: each would otherwise hash
 * it again, every time. The digest is shared: read it, never write to it.
 */
export function presentedKeyDigest(key: string): Buffer {
  return presented(key).digest;
}

/** The presented key's digest in base64, for the request limits. */
export function presentedKeyLabel(key: string): string {
  return presented(key).label;
}
