import { isIsoDate, isIsoDateOrDateTime, normaliseIsoDateTime, termOf } from './time';

describe('world time (occurredAt)', () => {
  describe('isIsoDateOrDateTime', () => {
    it.each([
      '2022-06-21',
      '2024-02-29',
      '2022-06-21T10:00Z',
      '2022-06-21T10:00:00Z',
      '2022-06-21T10:00:00.123Z',
      '2022-06-21T10:00:00.123456789Z',
      '2022-06-21T10:00:00+02:00',
      '2022-06-21T10:00:00-05:30',
    ])('accepts %s', (value) => {
      expect(isIsoDateOrDateTime(value)).toBe(true);
    });

    it.each([
      ['a day that does not exist in the month', '2022-02-30'],
      ['29 February outside a leap year', '2023-02-29'],
      ['31 April', '2022-04-31'],
      ['a thirteenth month', '2022-13-01'],
      ['a date-time with a thirteenth month', '2022-13-01T10:00:00Z'],
      ['an unpadded month', '2022-6-21'],
      ['a day-first date', '21/06/2022'],
      ['a date-time without a zone', '2022-06-21T10:00:00'],
      ['a date-time with a space instead of T', '2022-06-21 10:00:00Z'],
      ['an impossible hour', '2022-06-21T25:00:00Z'],
      ['an empty string', ''],
      ['a word', 'yesterday'],
    ])('refuses %s (%s)', (_why, value) => {
      expect(isIsoDateOrDateTime(value)).toBe(false);
    });
  });

  describe('isIsoDate', () => {
    it('accepts a calendar date', () => {
      expect(isIsoDate('2022-11-11')).toBe(true);
    });

    it('accepts 29 February in a leap year', () => {
      expect(isIsoDate('2024-02-29')).toBe(true);
    });

    it('refuses a date that does not exist in the calendar', () => {
      expect(isIsoDate('2022-02-30')).toBe(false);
    });

    it('refuses a date-time, because a meeting day is a date alone', () => {
      expect(isIsoDate('2022-11-11T00:00:00Z')).toBe(false);
    });
  });

  describe('normaliseIsoDateTime', () => {
    it('turns a date into midnight UTC', () => {
      expect(normaliseIsoDateTime('2022-06-21')).toBe('2022-06-21T00:00:00.000Z');
    });

    it('adds seconds and milliseconds to a minute-precision UTC time', () => {
      expect(normaliseIsoDateTime('2022-06-21T10:30Z')).toBe('2022-06-21T10:30:00.000Z');
    });

    it('converts an offset into UTC', () => {
      expect(normaliseIsoDateTime('2022-06-21T10:30:00+02:00')).toBe('2022-06-21T08:30:00.000Z');
    });

    it('converts an offset across a day boundary', () => {
      expect(normaliseIsoDateTime('2022-06-21T23:30:00-02:00')).toBe('2022-06-22T01:30:00.000Z');
    });

    it('keeps an already normalised value unchanged', () => {
      expect(normaliseIsoDateTime('2022-06-21T08:30:00.000Z')).toBe('2022-06-21T08:30:00.000Z');
    });

    it('produces values that sort as plain strings in time order', () => {
      const values = ['2022-11-11', '2022-06-21T23:30:00-02:00', '2022-06-21T10:00Z'].map(normaliseIsoDateTime);
      expect([...values].sort()).toEqual([values[2], values[1], values[0]]);
    });

    it.each(['2022-02-30', '2022-13-01', '21/06/2022', 'not a date'])('throws a TypeError for %s', (value) => {
      expect(() => normaliseIsoDateTime(value)).toThrow(TypeError);
    });
  });

  describe('termOf', () => {
    it('is the calendar year of the moment', () => {
      expect(termOf(normaliseIsoDateTime('2022-11-11'))).toBe(2022);
    });

    it('is still the old year in the last millisecond of 31 December (UTC)', () => {
      expect(termOf('2022-12-31T23:59:59.999Z')).toBe(2022);
    });

    it('is the new year from midnight UTC on 1 January', () => {
      expect(termOf('2023-01-01T00:00:00.000Z')).toBe(2023);
    });

    it('follows UTC, so 00:30 on 1 January at +01:00 still falls in the old term', () => {
      expect(termOf(normaliseIsoDateTime('2023-01-01T00:30:00+01:00'))).toBe(2022);
    });
  });
});
