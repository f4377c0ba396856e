/**
 * A fresh idempotency key: 128 random bits as hex. `crypto.getRandomValues` works on plain HTTP
 * too, where `crypto.randomUUID` is missing (it needs a secure context), and a ledger inside a
 * network may well be served over plain HTTP.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
