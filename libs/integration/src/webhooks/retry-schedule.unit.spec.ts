import { backoffDelayMs, MAX_RETRY_DELAY_MS, nextRetryDelayMs, retryAfterMs } from './retry-schedule';

describe('the retry schedule', () => {
  it('doubles its ceiling with every failure in a row, from the base', () => {
    const atCeiling = (failures: number): number => backoffDelayMs(failures, 1000, () => 0.999999);
    expect([1, 2, 3, 4].map(atCeiling)).toEqual([999, 1999, 3999, 7999]);
  });

  it('draws uniformly below the ceiling (full jitter)', () => {
    expect(backoffDelayMs(3, 1000, () => 0)).toBe(0);
    expect(backoffDelayMs(3, 1000, () => 0.5)).toBe(2000);
  });

  it('never waits more than an hour', () => {
    expect(backoffDelayMs(40, 1000, () => 0.999999)).toBeLessThan(MAX_RETRY_DELAY_MS);
    expect(backoffDelayMs(40, 1000, () => 0.999999)).toBeGreaterThan(MAX_RETRY_DELAY_MS - 10);
  });

  it('reads Retry-After as seconds or as an HTTP date, capped at an hour', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('999999', now)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    // Neither delay-seconds nor an HTTP-date, though Date.parse reads both.
    expect(retryAfterMs('-10', now)).toBeUndefined();
    expect(retryAfterMs('2026-01-01T00:00:30Z', now)).toBeUndefined();
    expect(retryAfterMs('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('honours Retry-After when it asks for longer than the backoff, and never retries at once because of it', () => {
    expect(nextRetryDelayMs(1, 1000, 5000, () => 0.5)).toBe(5000);
    expect(nextRetryDelayMs(1, 1000, undefined, () => 0.5)).toBe(500);
    expect(nextRetryDelayMs(3, 1000, 0, () => 0.5)).toBe(2000);
  });
});
