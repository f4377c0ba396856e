interface Bucket {
  tokens: number;
  refilledAt: number;
}

/**
 * One token bucket per identity: `perMinute` tokens at most, refilled evenly over a minute, so a
 * client may burst up to the whole minute's allowance and then goes at the refill rate. At most
 * `maxTracked` identities are held; the one touched longest ago is dropped first, which forgives it
 * (a dropped bucket comes back full), so memory stays bounded whatever the number of clients.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;
  private lastUsed: string | undefined;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number,
    private readonly maxTracked = 100_000,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes a token; when none is left, the seconds until one is back. */
  take(identity: string): number | undefined {
    const bucket = this.refilled(identity);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return this.secondsUntilToken(bucket);
  }

  /** The seconds until a token is back when none is left, without taking one. */
  exhausted(identity: string): number | undefined {
    if (!this.buckets.has(identity)) return undefined;
    const bucket = this.refilled(identity);
    return bucket.tokens >= 1 ? undefined : this.secondsUntilToken(bucket);
  }

  /** Whether the identity has its whole allowance (an identity never seen has). */
  full(identity: string): boolean {
    if (!this.buckets.has(identity)) return true;
    return this.refilled(identity).tokens >= this.perMinute;
  }

  /** Returns a token taken for something that turned out not to count. */
  giveBack(identity: string): void {
    const bucket = this.refilled(identity);
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + 1);
  }

  get tracked(): number {
    return this.buckets.size;
  }

  private refilled(identity: string): Bucket {
    const now = this.now();
    const held = this.buckets.get(identity);
    const bucket = held ?? { tokens: this.perMinute, refilledAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.refilledAt) * this.refillPerMs);
    bucket.refilledAt = now;
    // Deleted and set again, so that the map's order is the order of last use; the identity used
    // last is already at the end, and moving it anyway would make a small map rebuild its table.
    if (identity !== this.lastUsed || !held) {
      if (held) this.buckets.delete(identity);
      this.buckets.set(identity, bucket);
      this.lastUsed = identity;
      if (this.buckets.size > this.maxTracked) this.buckets.delete(this.buckets.keys().next().value as string);
    }
    return bucket;
  }

  private secondsUntilToken(bucket: Bucket): number {
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000));
  }
}
