import { RequestLimitSettings } from '@concord/config';
import { TokenBuckets } from './token-buckets';

/** Which allowance a refused request had spent, for the 429 problem. */
export interface LimitRefusal {
  readonly limit: 'key' | 'address' | 'authentication-failures';
  readonly perMinute: number;
  readonly retryAfterSeconds: number;
}

/** An admitted request: whether a wrong-key token was taken ahead, to settle once its key is checked. */
export interface Admission {
  readonly address: string;
  readonly failureReserved: boolean;
}

/**
 * The allowances of one process: requests per address, requests per bearer key (counted by the
 * key presented, known or not, so a key's allowance is not spent by others), and wrong keys per
 * address, which once spent refuse every keyed request from that address until it refills.
 *
 * A key is checked after the body is read (and, for issued keys, after a look-up), so many
 * requests can be in flight before the first wrong key counts. An address with a wrong key on
 * record therefore has a wrong-key token taken ahead for each keyed request, given back when the
 * key is good: its guesses in flight are bounded too. A clean address takes none, so a busy
 * client with many requests in flight is never held up by this.
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

  /**
   * Spends the request's allowances, or says which one is spent. `keyIdentity` names the bearer key
   * presented, if any, by its digest: the key itself is not held.
   */
  admit(address: string, keyIdentity: string | undefined): Admission | LimitRefusal {
    let failureReserved = false;
    if (keyIdentity !== undefined && this.failuresPerAddress && !this.failuresPerAddress.full(address)) {
      const retryAfterSeconds = this.failuresPerAddress.take(address);
      if (retryAfterSeconds !== undefined) return { limit: 'authentication-failures', perMinute: this.failuresPerAddress.perMinute, retryAfterSeconds };
      failureReserved = true;
    }
    const refusal = this.spend(address, keyIdentity);
    if (refusal && failureReserved) this.failuresPerAddress?.giveBack(address);
    return refusal ?? { address, failureReserved };
  }

  /** Once the key is checked (or the request ended before it was): a wrong key counts, a good one gives its token back. */
  settle(admission: Admission, keyWasWrong: boolean): void {
    if (keyWasWrong && !admission.failureReserved) this.failuresPerAddress?.take(admission.address);
    if (!keyWasWrong && admission.failureReserved) this.failuresPerAddress?.giveBack(admission.address);
  }

  private spend(address: string, keyIdentity: string | undefined): LimitRefusal | undefined {
    if (this.perAddress) {
      const retryAfterSeconds = this.perAddress.take(address);
      if (retryAfterSeconds !== undefined) return { limit: 'address', perMinute: this.perAddress.perMinute, retryAfterSeconds };
    }
    if (keyIdentity !== undefined && this.perKey) {
      const retryAfterSeconds = this.perKey.take(keyIdentity);
      if (retryAfterSeconds !== undefined) return { limit: 'key', perMinute: this.perKey.perMinute, retryAfterSeconds };
    }
    return undefined;
  }
}

export function isRefusal(outcome: Admission | LimitRefusal): outcome is LimitRefusal {
  return 'limit' in outcome;
}
