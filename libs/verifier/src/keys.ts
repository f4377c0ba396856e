// Verifier keys of the C2SP signed-note format (Ed25519 only), as Go's golang.org/x/mod/sumdb/note
// writes them: <name>+<8 hex digits of key hash>+<base64(0x01 || 32-byte public key)>.
import { Buffer } from 'node:buffer';
import { createHash, createPublicKey, KeyObject } from 'node:crypto';
import { copyBytes, decodeBase64, encodeBase64, isBytes, isWellFormed, utf8 } from './bytes';

/** The signature type byte C2SP assigns to Ed25519. */
export const ED25519_ALGORITHM = 0x01;
const ED25519_KEY_SIZE = 32;
// DER of SubjectPublicKeyInfo { AlgorithmIdentifier { id-Ed25519 (1.3.101.112) }, BIT STRING (32 bytes) } up to the key.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export class VerifierKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerifierKeyError';
  }
}

export interface VerifierKey {
  name: string;
  keyHash: number;
  publicKey: Uint8Array;
}

/** A key name: non-empty, and neither a plus nor any Unicode space (Go's unicode.IsSpace is the White_Space property). */
export function isValidKeyName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && isWellFormed(name) && !name.includes('+') && !/\p{White_Space}/u.test(name);
}

// SHA-256(name || "\n" || key)[:4] as a big-endian uint32, where key is the type byte and the public key.
function hashOfEncodedKey(name: string, encodedKey: Uint8Array): number {
  return createHash('sha256').update(utf8(name)).update(Uint8Array.of(0x0a)).update(encodedKey).digest().readUInt32BE(0);
}

/** The key ID of an Ed25519 key: first 4 bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key). */
export function keyHash(name: string, publicKey: Uint8Array): number {
  checkName(name);
  return hashOfEncodedKey(name, encodeEd25519(publicKey));
}

export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  const hash = keyHash(name, publicKey);
  return `${name}+${hex8(hash)}+${encodeBase64(encodeEd25519(publicKey))}`;
}

export function parseVerifierKey(text: string): VerifierKey {
  if (typeof text !== 'string') throw new VerifierKeyError('a verifier key is a string');
  // The name holds no plus; base64 may, so only the first two split.
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) throw new VerifierKeyError('a verifier key is <name>+<hash>+<key>');
  const name = text.slice(0, first);
  const hashText = text.slice(first + 1, second);
  const keyText = text.slice(second + 1);
  checkName(name);
  if (!/^[0-9a-fA-F]{8}$/.test(hashText)) throw new VerifierKeyError(`key hash ${JSON.stringify(hashText)} is not 8 hex digits`);
  const encodedKey = decodeBase64(keyText);
  if (encodedKey === undefined || encodedKey.length === 0) throw new VerifierKeyError('key data is not canonical standard base64');
  // The hash covers the type byte too, so it is checked first, as Go does.
  const hash = Number.parseInt(hashText, 16);
  if (hash !== hashOfEncodedKey(name, encodedKey)) throw new VerifierKeyError(`key hash ${hashText} does not match name and key`);
  if (encodedKey[0] !== ED25519_ALGORITHM) throw new VerifierKeyError(`unknown signature algorithm ${encodedKey[0]} (only 0x01, Ed25519, is supported)`);
  if (encodedKey.length !== 1 + ED25519_KEY_SIZE) throw new VerifierKeyError(`an Ed25519 key is ${ED25519_KEY_SIZE} bytes, got ${encodedKey.length - 1}`);
  return { name, keyHash: hash, publicKey: encodedKey.slice(1) };
}

/** Checks a key given as an object (name rules, 32-byte key, matching hash) and returns a copy of it. */
export function checkVerifierKey(key: VerifierKey): VerifierKey {
  if (typeof key !== 'object' || key === null) throw new VerifierKeyError('a verifier key is a string or { name, keyHash, publicKey }');
  const { name, keyHash: hash, publicKey } = key;
  if (keyHash(name, publicKey) !== hash)
    throw new VerifierKeyError(`key hash ${typeof hash === 'number' ? hex8(hash) : String(hash)} does not match name and key`);
  return { name, keyHash: hash, publicKey: copyBytes(publicKey) };
}

/** A node:crypto key object for a raw 32-byte Ed25519 public key. */
export function ed25519PublicKey(publicKey: Uint8Array): KeyObject {
  checkKey(publicKey);
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

/** The raw 32-byte public key of an Ed25519 key object, public or private. */
export function rawEd25519PublicKey(key: KeyObject): Uint8Array {
  if (!(key instanceof KeyObject) || key.asymmetricKeyType !== 'ed25519') throw new VerifierKeyError('not an Ed25519 key object');
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return copyBytes(der.subarray(ED25519_SPKI_PREFIX.length));
}

export function hex8(hash: number): string {
  return hash.toString(16).padStart(8, '0');
}

function checkName(name: string): void {
  if (!isValidKeyName(name)) throw new VerifierKeyError(`invalid key name ${JSON.stringify(name)}: it must be non-empty, without "+" or spaces`);
}

function checkKey(publicKey: Uint8Array): void {
  if (!isBytes(publicKey) || publicKey.length !== ED25519_KEY_SIZE) throw new VerifierKeyError(`an Ed25519 public key is ${ED25519_KEY_SIZE} bytes`);
}

function encodeEd25519(publicKey: Uint8Array): Uint8Array {
  checkKey(publicKey);
  return Uint8Array.of(ED25519_ALGORITHM, ...publicKey);
}
