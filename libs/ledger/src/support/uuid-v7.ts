import { randomBytes } from 'node:crypto';

/**
 * RFC 9562 UUIDv7: a 48-bit Unix-millisecond timestamp, then random bits, so event ids sort
 * roughly by creation time and index well.
 */
export function uuidV7(now: Date = new Date()): string {
  const bytes = randomBytes(16);
  const millis = BigInt(now.getTime());
  for (let i = 0; i < 6; i += 1) {
    bytes[i] = Number((millis >> BigInt(8 * (5 - i))) & 0xffn);
  }
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
