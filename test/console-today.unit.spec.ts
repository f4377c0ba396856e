import { isDayAfter, localToday } from '../apps/console/src/today';

describe("The console's today", () => {
  it('is the date where the clerk is, not in UTC', () => {
    // Tokyo (UTC+9) on the evening of 5 January in UTC is already the 6th; Los Angeles (UTC-8) early on the 5th is still the 4th.
    expect(localToday(new Date('2026-01-05T20:00:00Z'), -540)).toBe('2026-01-06');
    expect(localToday(new Date('2026-01-05T03:00:00Z'), 480)).toBe('2026-01-04');
    expect(localToday(new Date('2026-01-05T03:00:00Z'), 0)).toBe('2026-01-05');
  });

  it('holds a date alone after today on the clerk’s calendar to be after today, and neither today nor a date with a time', () => {
    expect(isDayAfter('2026-01-07', '2026-01-06')).toBe(true);
    expect(isDayAfter(' 2026-01-07 ', '2026-01-06')).toBe(true);
    expect(isDayAfter('2026-01-06', '2026-01-06')).toBe(false);
    expect(isDayAfter('2026-01-05', '2026-01-06')).toBe(false);
    // A time given is checked by the ledger against its own clock.
    expect(isDayAfter('2026-01-07T09:00:00Z', '2026-01-06')).toBe(false);
    expect(isDayAfter('', '2026-01-06')).toBe(false);
  });
});
