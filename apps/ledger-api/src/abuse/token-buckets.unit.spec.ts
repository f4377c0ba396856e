import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  it('lets a client burst its minute, then refills evenly and says when the next token is back', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now);
    for (let i = 0; i < 60; i += 1) expect(buckets.take('a')).toBeUndefined();
    expect(buckets.take('a')).toBe(1);
    now += 999;
    expect(buckets.take('a')).toBe(1);
    now += 1;
    expect(buckets.take('a')).toBeUndefined();
    expect(buckets.take('a')).toBe(1);
    // Refilling never holds more than the minute's allowance.
    now += 10 * 60_000;
    for (let i = 0; i < 60; i += 1) expect(buckets.take('a')).toBeUndefined();
    expect(buckets.take('a')).toBeDefined();
  });

  it('keeps identities apart', () => {
    const buckets = new TokenBuckets(1, () => 0);
    expect(buckets.take('a')).toBeUndefined();
    expect(buckets.take('a')).toBe(60);
    expect(buckets.take('b')).toBeUndefined();
  });

  it('tells whether a bucket is spent without spending it', () => {
    const buckets = new TokenBuckets(2, () => 0);
    expect(buckets.exhausted('a')).toBeUndefined();
    buckets.take('a');
    expect(buckets.exhausted('a')).toBeUndefined();
    buckets.take('a');
    expect(buckets.exhausted('a')).toBe(30);
    expect(buckets.exhausted('b')).toBeUndefined();
    expect(buckets.tracked).toBe(1);
  });

  it('holds at most maxTracked identities, dropping the one used longest ago', () => {
    const buckets = new TokenBuckets(1, () => 0, 2);
    buckets.take('a');
    buckets.take('b');
    buckets.take('a');
    buckets.take('c');
    expect(buckets.tracked).toBe(2);
    expect(buckets.take('a')).toBe(60);
    // b was dropped, so it starts again full.
    expect(buckets.take('b')).toBeUndefined();
  });

  it('keeps the order of use when one identity is used several times in a row', () => {
    const buckets = new TokenBuckets(2, () => 0, 2);
    buckets.take('a');
    buckets.take('b');
    buckets.take('b');
    buckets.take('a');
    buckets.take('a');
    buckets.take('c');
    expect(buckets.tracked).toBe(2);
    // b, used before the last uses of a, was dropped; a was kept with its allowance spent.
    expect(buckets.take('a')).toBe(30);
    expect(buckets.exhausted('b')).toBeUndefined();
    expect(buckets.full('b')).toBe(true);
  });
});
