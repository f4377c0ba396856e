import { localToday } from '../apps/console/src/today';

describe("The console's today", () => {
  it('is the date where the clerk is, not in UTC', () => {
    // Tokyo (UTC+9) on the evening of 5 January in UTC is already the 6th; Los Angeles (UTC-8) early on the 5th is still the 4th.
    expect(localToday(new Date('2026-01-05T20:00:00Z'), -540)).toBe('2026-01-06');
    expect(localToday(new Date('2026-01-05T03:00:00Z'), 480)).toBe('2026-01-04');
    expect(localToday(new Date('2026-01-05T03:00:00Z'), 0)).toBe('2026-01-05');
  });
});
