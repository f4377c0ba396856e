/**
 * EventStoreDB numbers revisions with unsigned 64-bit integers, which the client hands over as
 * bigints; the port numbers with JavaScript numbers. Converting silently past 2^53 would round
 * revisions onto their neighbours, so the conversion refuses instead.
 */
export function toSafeInteger(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} ${value} cannot be represented exactly as a JavaScript number`);
  }
  return Number(value);
}

/** The wire form of a port revision or position; the port only ever holds safe integers. */
export function toBigInt(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
  return BigInt(value);
}
