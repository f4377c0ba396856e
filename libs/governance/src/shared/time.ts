/**
 * World time (`occurredAt`) arrives from the secretariat as an ISO 8601 date or date-time. The ledger
 * stores it normalised to a UTC date-time so that both timelines sort as plain strings.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

export type IsoDateTime = string;

/** Days in a month of the proleptic Gregorian calendar, which `Date.parse` also follows. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const below = (part: string | undefined, limit: number): boolean => part === undefined || Number(part) < limit;

/**
 * Date.parse quietly rolls 2022-02-30 over to March and accepts 24:00; a record of the world must
 * name a moment that exists, so every component is checked as written. `match` is a match of
 * `ISO_DATE` or `ISO_DATE_TIME`: year, month, day, then hour, minute, second and offset if any.
 */
function isRealCalendarMoment(match: RegExpExecArray): boolean {
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    below(match[4], 24) &&
    below(match[5], 60) &&
    below(match[6], 60) &&
    below(match[7], 24) &&
    below(match[8], 60)
  );
}

/** A calendar date alone (meeting days): YYYY-MM-DD that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isRealCalendarMoment(match);
}

/** The first and last instants whose UTC date-time has a four-digit year: what the stored form can hold. */
const EARLIEST_INSTANT = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * The UTC instant a date-time names, in milliseconds; NaN when it is not one that exists, or when
 * its offset moves it out of the years 0000–9999 in UTC (0000-01-01T00:30+01:00 is in year -1),
 * whose stored form no event schema accepts.
 */
function instantOfDateTime(value: string): number {
  const match = ISO_DATE_TIME.exec(value);
  const instant = match !== null && isRealCalendarMoment(match) ? Date.parse(value) : Number.NaN;
  return instant >= EARLIEST_INSTANT && instant <= LATEST_INSTANT ? instant : Number.NaN;
}

export function isIsoDateOrDateTime(value: string): boolean {
  return isIsoDate(value) || !Number.isNaN(instantOfDateTime(value));
}

export function normaliseIsoDateTime(value: string): IsoDateTime {
  // A date is midnight UTC; written out directly, as toISOString would write it for years 0 to 9999.
  if (isIsoDate(value)) return `${value}T00:00:00.000Z`;
  const instant = instantOfDateTime(value);
  if (Number.isNaN(instant)) throw new TypeError(`not an ISO 8601 date or date-time: ${value}`);
  return new Date(instant).toISOString();
}

/** The calendar year (UTC) a moment falls in: the Chair's term for a decision taken then. */
export function termOf(moment: IsoDateTime): number {
  return new Date(moment).getUTCFullYear();
}
