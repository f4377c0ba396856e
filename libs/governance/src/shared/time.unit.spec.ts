import { seeded } from '../testing/seeded-random';
import { isIsoDate, isIsoDateOrDateTime, normaliseIsoDateTime, termOf } from './time';

/**
 * What the checks mean, written plainly: every component within its range, the day within its
 * month by the calendar `Date` keeps (years 0 to 99 included), and a date-time `Date.parse` reads
 * whose UTC form still has a four-digit year.
 */
function plainlyValid(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2})))?$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [1, 2, 3].map((index) => Number(match[index]));
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year as number, month as number, 0);
  const time = [match[4], match[5], match[6], match[8], match[9]].map((part) => Number(part ?? '0'));
  const [hour, minute, second, offsetHours, offsetMinutes] = time as [number, number, number, number, number];
  const inRange = (month as number) >= 1 && (month as number) <= 12 && (day as number) >= 1 && (day as number) <= lastDay.getUTCDate();
  const timeInRange = hour < 24 && minute < 60 && second < 60 && offsetHours < 24 && offsetMinutes < 60;
  if (match[4] === undefined) return inRange && timeInRange;
  const year4 = /^\d{4}-/.test(Number.isNaN(Date.parse(value)) ? '' : new Date(Date.parse(value)).toISOString());
  return inRange && timeInRange && year4;
}

function plainlyNormalised(value: string): string {
  const instant = /T/.test(value) ? Date.parse(value) : Date.parse(`${value}T00:00:00Z`);
  return new Date(instant).toISOString();
}

/** Dates and date-times near the edges of every component, some of them out of range. */
function candidate(random: () => number): string {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const year = pad(pick([0, 4, 99, 100, 400, 1900, 2000, 2023, 2024, 9999, Math.floor(random() * 10_000)]), 4);
  const date = `${year}-${pad(Math.floor(random() * 14))}-${pad(pick([0, 1, 28, 29, 30, 31, 32]))}`;
  if (random() < 0.4) return date;
  const seconds = random() < 0.3 ? '' : `:${pad(pick([0, 59, 60]))}${random() < 0.5 ? '' : '.123'}`;
  const zone = random() < 0.4 ? 'Z' : `${pick(['+', '-'])}${pad(pick([0, 2, 14, 23, 24]))}:${pad(pick([0, 30, 59, 60]))}`;
  return `${date}T${pad(pick([0, 9, 23, 24]))}:${pad(pick([0, 30, 59, 60]))}${seconds}${zone}`;
}

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
      '0000-01-01T00:30-01:00',
      '9999-12-31T23:30+01:00',
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
      ['a moment its offset moves before the year 0000 in UTC', '0000-01-01T00:30+01:00'],
      ['a moment its offset moves past the year 9999 in UTC', '9999-12-31T23:30-01:00'],
    ])('refuses %s (%s)', (_why, value) => {
      expect(isIsoDateOrDateTime(value)).toBe(false);
    });
  });

  it.each([1, 2, 3])('checks and normalises 2,000 generated values as the plain definition does (seed %i)', (seed) => {
    const random = seeded(seed);
    for (let index = 0; index < 2_000; index += 1) {
      const value = candidate(random);
      expect([value, isIsoDateOrDateTime(value)]).toEqual([value, plainlyValid(value)]);
      if (plainlyValid(value)) expect([value, normaliseIsoDateTime(value)]).toEqual([value, plainlyNormalised(value)]);
      else expect(() => normaliseIsoDateTime(value)).toThrow(TypeError);
    }
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
