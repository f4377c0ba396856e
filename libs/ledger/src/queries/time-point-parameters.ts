import { isIsoDate, isIsoDateOrDateTime, latestWorldMoment } from '@concord/governance';
import { TimePoint } from '@concord/projections';
import { FieldError, InvalidQueryError } from '../errors/application-errors';

/** The time-travel parameters every query accepts, as they arrive (query string or CLI flags). */
export interface TimePointParameters {
  readonly asOf?: string | undefined;
  readonly effectiveAt?: string | undefined;
  readonly atPosition?: string | undefined;
}

export const TIME_POINT_PARAMETERS = ['asOf', 'effectiveAt', 'atPosition'] as const;

const POSITION = /^(0|[1-9]\d{0,15})$/;

/**
 * Reads at most one of `asOf`, `effectiveAt`, `atPosition` (none: the ledger now). A date alone
 * means the end of that UTC day, so "on 24 June 2022" includes everything dated that day. An
 * `asOf` after `now` is read as `now`: the ledger cannot know more than it has. An `effectiveAt`
 * is read at most as the latest moment a record may be dated by now (`latestWorldMoment`: a day
 * begun at UTC+14, rule 8), so that a record dated today by a clerk east of UTC is in the world as
 * the ledger knows it. The answer names the moment it used.
 */
export function parseTimePoint(parameters: TimePointParameters, now: Date): TimePoint {
  const given = TIME_POINT_PARAMETERS.filter((name) => parameters[name] !== undefined);
  if (given.length > 1) {
    throw new InvalidQueryError(
      given.map((field) => ({ field, messages: [`give only one of ${TIME_POINT_PARAMETERS.join(', ')}; ${given.join(' and ')} were given`] })),
    );
  }
  const errors: FieldError[] = [];
  const point = readPoint(parameters, now, errors);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  return point;
}

function readPoint(parameters: TimePointParameters, now: Date, errors: FieldError[]): TimePoint {
  const { asOf, effectiveAt, atPosition } = parameters;
  if (asOf !== undefined) return { kind: 'as-of', at: readMoment('asOf', asOf, now, errors) };
  if (effectiveAt !== undefined) return { kind: 'effective-at', at: readWorldMoment('effectiveAt', effectiveAt, now, errors) };
  if (atPosition !== undefined) {
    const position = readPosition('atPosition', atPosition, errors);
    if (position !== undefined) return { kind: 'at-position', position };
  }
  return { kind: 'latest' };
}

/**
 * A global position as written in a query: digits alone, without leading zeros, so that each
 * position has one spelling (`010`, `1e1`, ` 10` or `0xa` are not 10). Invalid input is reported.
 */
export function readPosition(field: string, value: string, errors: FieldError[]): number | undefined {
  if (POSITION.test(value) && Number(value) <= Number.MAX_SAFE_INTEGER) return Number(value);
  errors.push({ field, messages: ['must be a global position: a whole number, 0 or more, without leading zeros'] });
  return undefined;
}

/** An ISO 8601 date or date-time of recorded time, as a UTC instant; invalid input is reported and read as `now`. */
export function readMoment(field: string, value: string, now: Date, errors: FieldError[], endOfDay = true): string {
  return atMost(askedMoment(field, value, errors, endOfDay), now.toISOString());
}

/**
 * An ISO 8601 date or date-time of world time, as a UTC instant: read at most as the latest moment
 * a record may be dated by `now`, and as that moment when invalid (and reported).
 */
export function readWorldMoment(field: string, value: string, now: Date, errors: FieldError[], endOfDay = true): string {
  return atMost(askedMoment(field, value, errors, endOfDay), latestWorldMoment(now.toISOString()));
}

function atMost(asked: string | undefined, latest: string): string {
  // Instants of the years 0000 to 9999, written out alike, compare as text.
  return asked === undefined || asked > latest ? latest : asked;
}

/**
 * The UTC instant an ISO 8601 date or date-time names, a moment after now included: what a
 * question asked, before the ledger reads a future moment as now. Invalid input is reported.
 */
export function askedMoment(field: string, value: string, errors: FieldError[], endOfDay = true): string | undefined {
  if (!isIsoDateOrDateTime(value)) {
    errors.push({ field, messages: ['must be an ISO 8601 date (2022-06-24) or date-time with a zone (2022-06-24T18:00:00Z)'] });
    return undefined;
  }
  const instant = isIsoDate(value) ? Date.parse(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`) : Date.parse(value);
  return new Date(instant).toISOString();
}
