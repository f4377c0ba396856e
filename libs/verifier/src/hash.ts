// RFC 9162 §2.1.1: the two hashes a Merkle tree is made of. The one-byte prefixes keep a leaf from
// ever being passed off as an interior node (second-preimage protection).
import { Buffer } from 'node:buffer';
import * as crypto from 'node:crypto';
import { isBytes, isHash, isWellFormed } from './bytes';

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

// Kept private, so that a caller writing into the exported copy cannot change what this module checks against.
const EMPTY_ROOT = new Uint8Array(crypto.createHash('sha256').digest());

/** MTH({}) = SHA-256 of the empty string: the root of a tree with no leaves. */
export const EMPTY_TREE_ROOT: Uint8Array = Uint8Array.from(EMPTY_ROOT);

/** A fresh copy of MTH({}), for use inside the module. */
export function emptyTreeRoot(): Uint8Array {
  return Uint8Array.from(EMPTY_ROOT);
}

/**
 * SHA-256 of the bytes, or of a string's UTF-8. One call where Node has `crypto.hash` (20.12 and
 * later): for inputs this small, building a Hash object costs as much as hashing.
 */
const sha256: (data: string | Uint8Array) => Uint8Array =
  typeof crypto.hash === 'function'
    ? (data) => new Uint8Array(crypto.hash('sha256', data, 'buffer'))
    : (data) => new Uint8Array(crypto.createHash('sha256').update(data).digest());

/** SHA-256(0x00 || entry); a string entry is hashed as its UTF-8 bytes. */
export function leafHash(entry: string | Uint8Array): Uint8Array {
  if (typeof entry === 'string') {
    if (!isWellFormed(entry)) throw new TypeError('text has an unpaired UTF-16 surrogate and has no UTF-8 encoding');
    // U+0000 is the one byte 0x00 in UTF-8: the prefix and the entry, hashed as one string.
    return sha256(`\u0000${entry}`);
  }
  if (!isBytes(entry)) throw new TypeError('leafHash takes a string or a Uint8Array');
  return sha256(Buffer.concat([LEAF_PREFIX, entry]));
}

// One buffer for every node's input: the hash is taken before the next call can write into it.
const NODE_INPUT = new Uint8Array(65);
NODE_INPUT.set(NODE_PREFIX, 0);

/** SHA-256(0x01 || left || right), both children being 32-byte hashes. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (!isHash(left) || !isHash(right)) throw new TypeError('nodeHash takes two 32-byte hashes');
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 33);
  return sha256(NODE_INPUT);
}
