import { compareCodePoints, upToOf } from './projection-rows';

describe('compareCodePoints', () => {
  it('orders strings by code point, as UTF-8 bytes sort, not by UTF-16 code unit', () => {
    // U+1F5F3 is the surrogate pair D83D DDF3: by code unit it would sort before U+FFFD.
    const ids = ['\u{1F5F3}', '\uFFFD', 'é', 'z', 'a', 'B', 'ab', '', '\uE000'];

    expect([...ids].sort(compareCodePoints)).toEqual(['', 'B', 'a', 'ab', 'z', 'é', '\uE000', '\uFFFD', '\u{1F5F3}']);
    expect([...ids].sort(compareCodePoints)).toEqual([...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });
});

describe('upToOf', () => {
  it('bounds the query with an integer SQL can compare with', () => {
    expect(upToOf({ upTo: 7 })).toBe(7);
    expect(upToOf({ upTo: 7.9 })).toBe(7);
    expect(upToOf({ upTo: Infinity })).toBe(Number.MAX_SAFE_INTEGER);
    expect(upToOf({ upTo: -Infinity })).toBe(-1);
    expect(() => upToOf({ upTo: Number.NaN })).toThrow(TypeError);
  });
});
