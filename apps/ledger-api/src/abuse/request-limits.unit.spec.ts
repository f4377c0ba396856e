import { RequestLimits } from './request-limits';

describe('RequestLimits', () => {
  it('refuses an address over its allowance whatever key it sends', () => {
    const limits = new RequestLimits({ perKeyPerMinute: 0, perAddressPerMinute: 3, authFailuresPerMinute: 0 }, () => 0);
    expect([1, 2, 3].map(() => limits.admit('10.0.0.1', undefined))).toEqual([undefined, undefined, undefined]);
    expect(limits.admit('10.0.0.1', 'Bearer k')).toEqual({ limit: 'address', perMinute: 3, retryAfterSeconds: 20 });
    expect(limits.admit('10.0.0.2', undefined)).toBeUndefined();
  });

  it('counts each key apart, from any address', () => {
    const limits = new RequestLimits({ perKeyPerMinute: 2, perAddressPerMinute: 0, authFailuresPerMinute: 0 }, () => 0);
    expect(limits.admit('10.0.0.1', 'Bearer one')).toBeUndefined();
    expect(limits.admit('10.0.0.2', 'Bearer one')).toBeUndefined();
    expect(limits.admit('10.0.0.3', 'Bearer one')).toMatchObject({ limit: 'key', perMinute: 2 });
    expect(limits.admit('10.0.0.3', 'Bearer two')).toBeUndefined();
    // Requests without a key have no key allowance to spend.
    expect(limits.admit('10.0.0.3', undefined)).toBeUndefined();
  });

  it('once an address has spent its wrong keys, refuses its keyed requests until the allowance refills', () => {
    let now = 0;
    const limits = new RequestLimits({ perKeyPerMinute: 0, perAddressPerMinute: 0, authFailuresPerMinute: 2 }, () => now);
    limits.authenticationFailed('10.0.0.1');
    expect(limits.admit('10.0.0.1', 'Bearer guess')).toBeUndefined();
    limits.authenticationFailed('10.0.0.1');
    expect(limits.admit('10.0.0.1', 'Bearer the-right-key')).toEqual({ limit: 'authentication-failures', perMinute: 2, retryAfterSeconds: 30 });
    expect(limits.admit('10.0.0.1', undefined)).toBeUndefined();
    expect(limits.admit('10.0.0.2', 'Bearer guess')).toBeUndefined();
    now += 30_000;
    expect(limits.admit('10.0.0.1', 'Bearer the-right-key')).toBeUndefined();
  });

  it('limits nothing when every allowance is 0', () => {
    const limits = new RequestLimits({ perKeyPerMinute: 0, perAddressPerMinute: 0, authFailuresPerMinute: 0 }, () => 0);
    for (let i = 0; i < 1000; i += 1) limits.authenticationFailed('a');
    for (let i = 0; i < 1000; i += 1) expect(limits.admit('a', 'Bearer k')).toBeUndefined();
  });
});
