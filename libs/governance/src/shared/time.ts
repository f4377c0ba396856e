/**
 * World time (`occurredAt`) arrives from the secretariat as an ISO 8601 date or date-time. The ledger
 * stores it normalised to a UTC date-time so that both timelines sort as plain strings.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export type IsoDateTime = string;

export function isIsoDateOrDateTime(value: string): boolean {
  if (!ISO_DATE.test(value) && !ISO_DATE_TIME.test(value)) return false;
  const parsed = Date.parse(ISO_DATE.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(parsed)) return false;
  // Date.parse rolls 2022-02-30 over to March; a real calendar date must survive the round trip.
  return ISO_DATE.test(value) ? new Date(parsed).toISOString().startsWith(value) : true;
}

/** A calendar date alone (meeting days): YYYY-MM-DD that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && isIsoDateOrDateTime(value);
}

export function normaliseIsoDateTime(value: string): IsoDateTime {
  if (!isIsoDateOrDateTime(value)) throw new TypeError(`not an ISO 8601 date or date-time: ${value}`);
  const parsed = Date.parse(ISO_DATE.test(value) ? `${value}T00:00:00Z` : value);
  return new Date(parsed).toISOString();
}

/** The calendar year (UTC) a moment falls in: the Chair's term for a decision taken then. */
export function termOf(moment: IsoDateTime): number {
  return new Date(moment).getUTCFullYear();
}
