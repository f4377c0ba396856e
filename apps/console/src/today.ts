/**
 * Today's date (YYYY-MM-DD) where the clerk is, not in UTC: a desk east of UTC would otherwise be
 * offered yesterday's date every morning, and one west of it tomorrow's every evening. The ledger
 * takes a date without a time as a day, not in the future once it has begun anywhere (UTC+14), so
 * the clerk's own date is never refused as one to come. `offsetMinutes` is as
 * `Date.prototype.getTimezoneOffset` gives it (UTC minus local).
 */
export function localToday(now: Date = new Date(), offsetMinutes: number = now.getTimezoneOffset()): string {
  return new Date(now.getTime() - offsetMinutes * 60_000).toISOString().slice(0, 10);
}
