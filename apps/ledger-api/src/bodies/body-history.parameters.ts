import { FieldError, InvalidQueryError, readMoment } from '@concord/ledger';
import { BodyHistoryQuery, HistoryKey, PointFields, TimePoint } from '@concord/projections';

/**
 * Where the next page starts, and everything the first page was asked with: the body, the period
 * and the point it was read at, so that every page reads the same ledger over the same period.
 */
export interface HistoryCursor {
  readonly bodyId: string;
  readonly from: string;
  readonly to: string;
  readonly after: HistoryKey;
  readonly point: PointFields;
}

export const BODY_HISTORY_PARAMETERS = ['from', 'to', 'limit', 'cursor'] as const;
export const DEFAULT_HISTORY_PAGE = 100;
export const MAX_HISTORY_PAGE = 500;

export interface BodyHistoryRequest {
  readonly query: BodyHistoryQuery;
  /** The first page's point, when a cursor carries it. */
  readonly pinned: PointFields | null;
}

/**
 * The period and page a body-history query asks for: `from` starts its day, `to` ends its day. With
 * a cursor, the period and point are the first page's; a parameter given again must say the same.
 */
export function bodyHistoryRequest(parameters: Readonly<Record<string, string>>, bodyId: string, now: Date): BodyHistoryRequest {
  const errors: FieldError[] = [];
  const from = parameters['from'] === undefined ? '' : readMoment('from', parameters['from'], now, errors, false);
  const to = parameters['to'] === undefined ? now.toISOString() : readMoment('to', parameters['to'], now, errors, true);
  if (from !== '' && errors.length === 0 && from > to) errors.push({ field: 'to', messages: ['must not be before from'] });
  const limit = readLimit(parameters['limit'], errors);
  const cursor = parameters['cursor'] === undefined ? null : readCursor(parameters['cursor'], errors);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  if (cursor === null) return { query: { from, to, limit, after: null }, pinned: null };
  const given = (name: string): string | undefined => parameters[name];
  const asOf = given('asOf') === undefined ? undefined : readMoment('asOf', given('asOf') as string, now, errors);
  const effectiveAt = given('effectiveAt') === undefined ? undefined : readMoment('effectiveAt', given('effectiveAt') as string, now, errors);
  const conflicts = [
    cursor.bodyId !== bodyId && 'a page of another body',
    given('from') !== undefined && from !== cursor.from && 'another from',
    given('to') !== undefined && to !== cursor.to && 'another to',
    asOf !== undefined && asOf !== cursor.point.asOf && 'another asOf',
    effectiveAt !== undefined && effectiveAt !== cursor.point.effectiveAt && 'another effectiveAt',
    given('atPosition') !== undefined && Number(given('atPosition')) !== cursor.point.position && 'another atPosition',
  ].filter((conflict): conflict is string => typeof conflict === 'string');
  if (conflicts.length > 0) {
    throw new InvalidQueryError([
      { field: 'cursor', messages: [`was handed out for ${conflicts.join(', ')}; follow it with the first page's parameters, or ask again without it`] },
    ]);
  }
  return { query: { from: cursor.from, to: cursor.to, limit, after: cursor.after }, pinned: cursor.point };
}

/** The point a pinned page is read at: the first page's position, in its timeline. */
export function pinnedPoint(pinned: PointFields): TimePoint {
  return pinned.effectiveAt === undefined
    ? { kind: 'at-position', position: pinned.position }
    : { kind: 'effective-at', at: pinned.effectiveAt, knownBy: pinned.position };
}

export function cursorOf(key: HistoryKey | null, page: Omit<HistoryCursor, 'after'>): string | null {
  if (key === null) return null;
  const cursor: HistoryCursor = { ...page, after: key };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function readLimit(value: string | undefined, errors: FieldError[]): number {
  if (value === undefined) return DEFAULT_HISTORY_PAGE;
  const limit = /^[1-9]\d{0,3}$/.test(value) ? Number(value) : Number.NaN;
  if (limit >= 1 && limit <= MAX_HISTORY_PAGE) return limit;
  errors.push({ field: 'limit', messages: [`must be a whole number from 1 to ${MAX_HISTORY_PAGE}`] });
  return DEFAULT_HISTORY_PAGE;
}

function readCursor(value: string, errors: FieldError[]): HistoryCursor | null {
  try {
    const decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<HistoryCursor> | null;
    const { bodyId, from, to, after, point } = decoded ?? {};
    const optional = (field: unknown): boolean => field === undefined || typeof field === 'string';
    if (
      typeof bodyId === 'string' &&
      typeof from === 'string' &&
      typeof to === 'string' &&
      typeof after?.occurredAt === 'string' &&
      Number.isSafeInteger(after.position) &&
      Number.isSafeInteger(point?.position) &&
      optional(point?.asOf) &&
      optional(point?.effectiveAt)
    ) {
      return { bodyId, from, to, after, point: point as PointFields };
    }
  } catch {
    // reported below, like any other cursor the ledger did not hand out
  }
  errors.push({ field: 'cursor', messages: ['is not a cursor this ledger handed out; use nextCursor from the previous page'] });
  return null;
}
