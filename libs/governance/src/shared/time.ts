/**
 * World time (`occurredAt`) arrives from the secretariat as an ISO 8601 date or date-time. The ledger
 * stores it normalised to a UTC date-time so that both timelines sort as plain strings.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

export type IsoDateTime = string;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Date.parse quietly rolls 2022-02-30 over to March and accepts 24:00; a record of the world must
 * name a moment that exists, so every component is checked as written.
 */
function isRealCalendarMoment(parts: readonly (string | undefined)[]): boolean {
  const [year, month, day, hour = '0', minute = '0', second = '0', offsetHours = '0', offsetMinutes = '0'] = parts.map((p) =>
    p === undefined ? undefined : Number(p),
  ) as (number | undefined)[];
  if (year === undefined || month === undefined || day === undefined) return false;
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60 &&
    Number(offsetHours) < 24 &&
    Number(offsetMinutes) < 60
  );
}

/** A calendar date alone (meeting days): YYYY-MM-DD that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isRealCalendarMoment(match.slice(1));
}

export function isIsoDateOrDateTime(value: string): boolean {
  if (isIsoDate(value)) return true;
  const match = ISO_DATE_TIME.exec(value);
  return match !== null && isRealCalendarMoment(match.slice(1)) && !Number.isNaN(Date.parse(value));
}

export function normaliseIsoDateTime(value: string): IsoDateTime {
  if (!isIsoDateOrDateTime(value)) throw new TypeError(`not an ISO 8601 date or date-time: ${value}`);
  return new Date(Date.parse(isIsoDate(value) ? `${value}T00:00:00Z` : value)).toISOString();
}

/** The calendar year (UTC) a moment falls in: the Chair's term for a decision taken then. */
export function termOf(moment: IsoDateTime): number {
  return new Date(moment).getUTCFullYear();
}
