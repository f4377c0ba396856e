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

/**
 * Whether `value` is a date alone (YYYY-MM-DD) after `today` on the clerk's calendar. The ledger
 * takes such a date once it has begun anywhere (UTC+14), so a date of tomorrow here passes there
 * most of the day, and then refuses every record dated today on what it is about, as out of order.
 */
export function isDayAfter(value: string, today: string = localToday()): boolean {
  const day = value.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day > today;
}
