import addFormats from 'ajv-formats';
import { isNormalisedDateTime } from './normalised-date-time';

const generalDateTime = addFormats.get('date-time') as { validate: (text: string) => boolean };

describe('isNormalisedDateTime', () => {
  it.each(['2022-06-24T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '2000-02-29T12:00:00.000Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'])(
    'takes %s, the form toISOString writes',
    (text) => {
      expect(isNormalisedDateTime(text)).toBe(true);
      expect(new Date(text).toISOString()).toBe(text);
    },
  );

  it.each([
    ['a day the month lacks', '2022-02-30T00:00:00.000Z'],
    ['29 February of a common year', '2023-02-29T00:00:00.000Z'],
    ['29 February of a century not divisible by 400', '1900-02-29T00:00:00.000Z'],
    ['31 April', '2022-04-31T00:00:00.000Z'],
    ['month 13', '2022-13-01T00:00:00.000Z'],
    ['month 0', '2022-00-10T00:00:00.000Z'],
    ['day 0', '2022-01-00T00:00:00.000Z'],
    ['hour 24', '2022-01-01T24:00:00.000Z'],
    ['minute 60', '2022-01-01T10:60:00.000Z'],
    ['a leap second (left to the general check)', '2016-12-31T23:59:60.000Z'],
    ['an offset', '2022-01-01T10:00:00.000+01:00'],
    ['no milliseconds', '2022-01-01T10:00:00Z'],
    ['a lowercase z', '2022-01-01T10:00:00.000z'],
    ['a space for T', '2022-01-01 10:00:00.000Z'],
    ['a letter for a digit', '2022-0a-01T10:00:00.000Z'],
    ['a sign before the year', '+022-01-01T10:00:00.000Z'],
    ['a colon in the date', '2022:01:01T10:00:00.000Z'],
  ])('leaves %s to the general check', (_what, text) => {
    expect(isNormalisedDateTime(text)).toBe(false);
  });

  it('never takes what the general RFC 3339 check refuses, over every day and edge time of four years', () => {
    const taken: string[] = [];
    for (let year = 1999; year <= 2002; year += 1)
      for (let month = 0; month <= 13; month += 1)
        for (let day = 0; day <= 32; day += 1)
          for (const time of ['00:00:00.000', '23:59:59.999', '24:00:00.000', '12:60:00.000', '12:00:60.000']) {
            const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}Z`;
            if (isNormalisedDateTime(text)) taken.push(text);
            expect([text, isNormalisedDateTime(text) && !generalDateTime.validate(text)]).toEqual([text, false]);
          }
    expect(taken).toHaveLength(4 * 365 + 1 + (4 * 365 + 1)); // every real day, at its first and its last millisecond
  });
});
