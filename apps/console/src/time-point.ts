import { isIsoDateOrDateTime } from '../../../libs/governance/src/shared/time';
import { STRINGS } from './strings';

/** The shapes the ledger reads a moment in; the ledger's own check then refuses a month 13, a day the month lacks, an hour 24. */
const DATE_OR_ZONED_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Why `value` is no point of `kind` the ledger reads, or null: said before a page is asked for with it. */
export function problemWith(kind: TimeKind, value: string): string | null {
  if (kind === 'atPosition') return /^(0|[1-9]\d*)$/.test(value) ? null : STRINGS.timeTravel.notAPosition;
  return DATE_OR_ZONED_TIME.test(value) && isIsoDateOrDateTime(value) ? null : STRINGS.timeTravel.notATime;
}

export type TimeKind = 'asOf' | 'effectiveAt' | 'atPosition';

/** The point the whole console shows, carried in the URL so that it can be shared. */
export interface TimePoint {
  readonly kind: TimeKind;
  readonly value: string;
}

const KINDS = ['asOf', 'effectiveAt', 'atPosition'] as const;

export function pointOf(search: URLSearchParams): TimePoint | null {
  for (const kind of KINDS) {
    const value = search.get(kind);
    // A query reads `+` as a space: a zone typed into an address (`T14:30+02:00`) gets it back.
    if (value) return { kind, value: kind === 'atPosition' ? value : value.replace(/ (?=\d{2}:\d{2}$)/, '+') };
  }
  return null;
}

/**
 * What is wrong with the time-travel point an address names, or null: a name the console does
 * not read (`asof`), which would otherwise show the ledger now without a word, or two points, of
 * which only the first is shown.
 */
export function pointProblem(search: URLSearchParams): string | null {
  const misspelt = [...search.keys()].find((name) => !KINDS.some((kind) => kind === name) && KINDS.some((kind) => kind.toLowerCase() === name.toLowerCase()));
  if (misspelt !== undefined) return STRINGS.timeTravel.misspelt(misspelt, KINDS.find((kind) => kind.toLowerCase() === misspelt.toLowerCase()) ?? misspelt);
  const named = KINDS.filter((kind) => search.get(kind));
  if (named.length > 1) return STRINGS.timeTravel.twoPoints(named);
  const point = pointOf(search);
  return point === null ? null : problemWith(point.kind, point.value);
}

/** Whether the point is a moment after `now`, which the ledger reads as now. */
export function isAfterNow(point: TimePoint, now: number = Date.now()): boolean {
  if (point.kind === 'atPosition') return false;
  const moment = Date.parse(/T/.test(point.value) ? point.value : `${point.value}T00:00:00Z`);
  return Number.isFinite(moment) && moment > now;
}

/** The query string that asks the API for the point, `?` included, or '' for now. */
export function queryOf(point: TimePoint | null, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams(extra);
  if (point) search.set(point.kind, point.value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function describePoint(point: TimePoint): string {
  const labels = { asOf: STRINGS.timeTravel.asOf, effectiveAt: STRINGS.timeTravel.effectiveAt, atPosition: STRINGS.timeTravel.atPosition };
  return `${labels[point.kind]} ${point.value}${isAfterNow(point) ? STRINGS.timeTravel.afterNow : ''}`;
}
