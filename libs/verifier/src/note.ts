// C2SP signed notes (c2sp.org/signed-note), Ed25519 signatures only, read as Go's
// golang.org/x/mod/sumdb/note reads them:
//
//   <text, ending in a newline>
//   <blank line>
//   — <key name> <base64(4-byte big-endian key hash || signature)>   (one line per signature)
import { sign, verify, KeyObject } from 'node:crypto';
import { bytesEqual, decodeBase64, decodeUtf8, encodeBase64, isBytes, isWellFormed, utf8 } from './bytes';
import { checkVerifierKey, ed25519PublicKey, hex8, isValidKeyName, keyHash, parseVerifierKey, rawEd25519PublicKey, VerifierKeyError } from './keys';
import type { VerifierKey } from './keys';

/** Go refuses a note with more than 100 signatures; the spec asks every verifier to accept at least 16. */
export const MAX_NOTE_SIGNATURES = 100;
const SIGNATURE_PREFIX = '\u2014 '; // EM DASH, SPACE

export class NoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteError';
  }
}

export interface NoteSignature {
  name: string;
  keyHash: number;
  /** The signature bytes, without the 4-byte key hash in front of them. */
  signature: Uint8Array;
}

export interface SignedNote {
  /** The signed text, including its final newline but not the blank line after it. */
  text: string;
  signatures: NoteSignature[];
}

export interface VerifiedNote {
  text: string;
  /** Names of the known keys whose signatures verified, in the order they appear, each once. */
  verifiedBy: string[];
}

export interface NoteSigner {
  name: string;
  /** An Ed25519 private key. */
  privateKey: KeyObject;
}

/** Splits a signed note into its text and signature lines, checking the syntax only. Throws NoteError. */
export function parseSignedNote(note: string | Uint8Array): SignedNote {
  const message = decodeNote(note);
  checkCharacters(message);
  // The text ends at the last blank line; everything after it is signatures.
  const split = message.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('malformed note: no blank line before the signatures');
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new NoteError('malformed note: the signatures must be lines, each ending in a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw new NoteError(`malformed note: more than ${MAX_NOTE_SIGNATURES} signatures`);
  return { text, signatures: lines.map(parseSignatureLine) };
}

/**
 * Checks a signed note against known verifier keys and returns its text. Signatures by unknown keys
 * (the name and the key hash both have to match) are ignored, as the spec requires; every signature
 * by a known key must verify, and at least one must be present. Throws NoteError otherwise.
 */
export function verifyNote(note: string | Uint8Array, verifierKeys: readonly (string | VerifierKey)[]): VerifiedNote {
  const known = indexKeys(verifierKeys);
  const { text, signatures } = parseSignedNote(note);
  const signed = utf8(text);
  const verifiedBy: string[] = [];
  for (const { name, keyHash: hash, signature } of signatures) {
    const key = known.get(keyId(name, hash));
    if (key === undefined) continue;
    if (!verifySignature(signed, key, signature)) throw new NoteError(`invalid signature for key ${keyId(name, hash)}`);
    if (!verifiedBy.includes(name)) verifiedBy.push(name);
  }
  if (verifiedBy.length === 0) throw new NoteError('note has no verifiable signatures: none is by a known key');
  return { text, verifiedBy };
}

/** Signs a text (which must end in a newline) with one or more Ed25519 keys and returns the signed note. */
export function signNote(text: string, signers: NoteSigner | readonly NoteSigner[]): string {
  if (typeof text !== 'string' || !text.endsWith('\n')) throw new NoteError('note text must end with a newline');
  if (!isWellFormed(text)) throw new NoteError('note text has an unpaired UTF-16 surrogate');
  checkCharacters(text);
  const signed = utf8(text);
  const list: readonly NoteSigner[] = Array.isArray(signers) ? signers : [signers as NoteSigner];
  if (list.length === 0) throw new NoteError('signNote needs at least one signer');
  const lines = list.map(({ name, privateKey }) => {
    if (!isValidKeyName(name)) throw new VerifierKeyError(`invalid key name ${JSON.stringify(name)}`);
    if (!(privateKey instanceof KeyObject) || privateKey.type !== 'private') throw new VerifierKeyError('signNote needs an Ed25519 private key object');
    const hash = keyHash(name, rawEd25519PublicKey(privateKey));
    const prefix = new Uint8Array(4);
    new DataView(prefix.buffer).setUint32(0, hash);
    const signature = sign(null, signed, privateKey);
    return `${SIGNATURE_PREFIX}${name} ${encodeBase64(Uint8Array.of(...prefix, ...signature))}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

function decodeNote(note: string | Uint8Array): string {
  if (typeof note === 'string') {
    if (!isWellFormed(note)) throw new NoteError('malformed note: not valid Unicode');
    return note;
  }
  if (!isBytes(note)) throw new NoteError('a note is a string or UTF-8 bytes');
  const text = decodeUtf8(note);
  if (text === undefined) throw new NoteError('malformed note: not valid UTF-8');
  return text;
}

// The spec: no ASCII control characters other than newline.
function checkCharacters(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) throw new NoteError(`malformed note: control character U+${code.toString(16).padStart(4, '0')} at ${i}`);
  }
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) throw new NoteError('malformed note: a signature line must start with an em dash and a space');
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = space < 0 ? rest : rest.slice(0, space);
  const bytes = space < 0 ? undefined : decodeBase64(rest.slice(space + 1));
  if (!isValidKeyName(name)) throw new NoteError(`malformed note: invalid key name ${JSON.stringify(name)} in a signature line`);
  // Four bytes of key hash and at least one of signature, as Go asks.
  if (bytes === undefined || bytes.length < 5)
    throw new NoteError(`malformed note: the signature by ${name} is not canonical base64 of a key hash and a signature`);
  const hash = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  return { name, keyHash: hash, signature: bytes.slice(4) };
}

function keyId(name: string, hash: number): string {
  return `${name}+${hex8(hash)}`;
}

interface KnownKey {
  publicKey: Uint8Array;
  keyObject: KeyObject;
}

function indexKeys(verifierKeys: readonly (string | VerifierKey)[]): Map<string, KnownKey> {
  if (!Array.isArray(verifierKeys)) throw new VerifierKeyError('verifierKeys must be an array');
  const known = new Map<string, KnownKey>();
  for (const entry of verifierKeys) {
    // A parsed key is checked again, so that a hand-made object cannot bring in a hash that does not match its key.
    const key = typeof entry === 'string' ? parseVerifierKey(entry) : checkVerifierKey(entry);
    const id = keyId(key.name, key.keyHash);
    const existing = known.get(id);
    if (existing !== undefined) {
      if (bytesEqual(existing.publicKey, key.publicKey)) continue;
      throw new VerifierKeyError(`ambiguous key ${id}: two different public keys share its name and hash`);
    }
    known.set(id, { publicKey: key.publicKey, keyObject: ed25519PublicKey(key.publicKey) });
  }
  return known;
}

function verifySignature(signed: Uint8Array, key: KnownKey, signature: Uint8Array): boolean {
  try {
    return verify(null, signed, key.keyObject, signature);
  } catch {
    return false; // a signature of the wrong length, for one
  }
}
