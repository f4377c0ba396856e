// Byte and text helpers shared by the rest of the module. Everything here is strict on purpose:
// an auditor's tool must refuse an input that two implementations could read differently.
import { Buffer } from 'node:buffer';
import { TextDecoder, types } from 'node:util';

/** Every hash in this module is SHA-256: 32 bytes. */
export const HASH_SIZE = 32;

/** Any Uint8Array, Buffers included, even from another realm (a vm context, a Jest sandbox), where instanceof says no. */
export function isBytes(value: unknown): value is Uint8Array {
  return types.isUint8Array(value);
}

export function isHash(value: unknown): value is Uint8Array {
  return isBytes(value) && value.length === HASH_SIZE;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** A private copy, so that a caller mutating what it passed in (or got back) changes nothing here. */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  // The typed-array constructor copies in one block; Uint8Array.from walks an iterator.
  return new Uint8Array(bytes);
}

/**
 * Standard base64 (RFC 4648 §4) in its one canonical spelling: padded, no whitespace, no URL-safe
 * letters, and zero pad bits (which §3.5 lets a decoder insist on). Node's own decoder skips what it
 * does not understand, so the check is a round trip: the text must be exactly what encoding the
 * decoded bytes gives back. Returns undefined for anything else.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : undefined;
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** A JavaScript string that UTF-8 can carry: no unpaired surrogate, which Buffer would turn into U+FFFD without a word. */
export function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native !== undefined ? native.call(text) : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

export function utf8(text: string): Uint8Array {
  if (!isWellFormed(text)) throw new TypeError('text has an unpaired UTF-16 surrogate and has no UTF-8 encoding');
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8, refusing malformed input instead of substituting U+FFFD. Returns undefined when malformed. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
