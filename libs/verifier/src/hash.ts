// RFC 9162 §2.1.1: the two hashes a Merkle tree is made of. The one-byte prefixes keep a leaf from
// ever being passed off as an interior node (second-preimage protection).
import { createHash } from 'node:crypto';
import { isBytes, isHash, utf8 } from './bytes';

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

// Kept private, so that a caller writing into the exported copy cannot change what this module checks against.
const EMPTY_ROOT = new Uint8Array(createHash('sha256').digest());

/** MTH({}) = SHA-256 of the empty string: the root of a tree with no leaves. */
export const EMPTY_TREE_ROOT: Uint8Array = Uint8Array.from(EMPTY_ROOT);

/** A fresh copy of MTH({}), for use inside the module. */
export function emptyTreeRoot(): Uint8Array {
  return Uint8Array.from(EMPTY_ROOT);
}

/** SHA-256(0x00 || entry); a string entry is hashed as its UTF-8 bytes. */
export function leafHash(entry: string | Uint8Array): Uint8Array {
  const bytes = typeof entry === 'string' ? utf8(entry) : entry;
  if (!isBytes(bytes)) throw new TypeError('leafHash takes a string or a Uint8Array');
  return new Uint8Array(createHash('sha256').update(LEAF_PREFIX).update(bytes).digest());
}

/** SHA-256(0x01 || left || right), both children being 32-byte hashes. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (!isHash(left) || !isHash(right)) throw new TypeError('nodeHash takes two 32-byte hashes');
  return new Uint8Array(createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest());
}
