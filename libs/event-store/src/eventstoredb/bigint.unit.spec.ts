import { toBigInt, toSafeInteger } from './bigint';

describe('bigint conversions', () => {
  it('converts revisions up to 2^53 - 1 exactly', () => {
    expect(toSafeInteger(0n, 'revision')).toBe(0);
    expect(toSafeInteger(9007199254740991n, 'revision')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a revision a number cannot hold exactly, rather than round it onto a neighbour', () => {
    expect(() => toSafeInteger(9007199254740992n, 'revision')).toThrow(RangeError);
    expect(() => toSafeInteger(18446744073709551615n, 'revision')).toThrow(RangeError);
    expect(() => toSafeInteger(-1n, 'revision')).toThrow(RangeError);
  });

  it('turns port numbers into wire bigints, refusing what is not a non-negative safe integer', () => {
    expect(toBigInt(41, 'log revision')).toBe(41n);
    expect(() => toBigInt(-1, 'log revision')).toThrow(RangeError);
    expect(() => toBigInt(1.5, 'log revision')).toThrow(RangeError);
    expect(() => toBigInt(2 ** 53, 'log revision')).toThrow(RangeError);
  });
});
