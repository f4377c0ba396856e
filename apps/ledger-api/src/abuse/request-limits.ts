import { createHash } from 'node:crypto';
import { RequestLimitSettings } from '@concord/config';
import { TokenBuckets } from './token-buckets';

/** Which allowance a refused request had spent, for the 429 problem. */
export interface LimitRefusal {
  readonly limit: 'key' | 'address' | 'authentication-failures';
  readonly perMinute: number;
  readonly retryAfterSeconds: number;
}

/**
 * The allowances of one process: requests per address, requests per bearer key (counted by the
 * key presented, known or not, so a key's allowance is not spent by others), and wrong keys per
 * address, which once spent refuse every keyed request from that address until it refills.
 */
export class RequestLimits {
  private readonly perAddress?: TokenBuckets;
  private readonly perKey?: TokenBuckets;
  private readonly failuresPerAddress?: TokenBuckets;

  constructor(settings: RequestLimitSettings, now: () => number = Date.now) {
    if (settings.perAddressPerMinute > 0) this.perAddress = new TokenBuckets(settings.perAddressPerMinute, now);
    if (settings.perKeyPerMinute > 0) this.perKey = new TokenBuckets(settings.perKeyPerMinute, now);
    if (settings.authFailuresPerMinute > 0) this.failuresPerAddress = new TokenBuckets(settings.authFailuresPerMinute, now);
  }

  /** Spends the request's allowances, or says which one is spent. */
  admit(address: string, authorization: string | undefined): LimitRefusal | undefined {
    if (authorization !== undefined && this.failuresPerAddress) {
      const retryAfterSeconds = this.failuresPerAddress.exhausted(address);
      if (retryAfterSeconds !== undefined) return { limit: 'authentication-failures', perMinute: this.failuresPerAddress.perMinute, retryAfterSeconds };
    }
    if (this.perAddress) {
      const retryAfterSeconds = this.perAddress.take(address);
      if (retryAfterSeconds !== undefined) return { limit: 'address', perMinute: this.perAddress.perMinute, retryAfterSeconds };
    }
    if (authorization !== undefined && this.perKey) {
      const retryAfterSeconds = this.perKey.take(createHash('sha256').update(authorization).digest('base64'));
      if (retryAfterSeconds !== undefined) return { limit: 'key', perMinute: this.perKey.perMinute, retryAfterSeconds };
    }
    return undefined;
  }

  authenticationFailed(address: string): void {
    this.failuresPerAddress?.take(address);
  }
}
