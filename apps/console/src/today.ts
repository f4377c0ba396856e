/**
 * Today's date (YYYY-MM-DD) where the clerk is, not in UTC: a desk east of UTC would otherwise be
 * offered yesterday's date every morning, and one west of it tomorrow's every evening (refused as
 * a date to come). `offsetMinutes` is as `Date.prototype.getTimezoneOffset` gives it (UTC minus local).
 */
export function localToday(now: Date = new Date(), offsetMinutes: number = now.getTimezoneOffset()): string {
  return new Date(now.getTime() - offsetMinutes * 60_000).toISOString().slice(0, 10);
}
