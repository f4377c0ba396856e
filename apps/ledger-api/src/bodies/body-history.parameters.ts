import { FieldError, InvalidQueryError, readMoment } from '@concord/ledger';
import { BodyHistoryQuery, HistoryKey, PointFields, TimePoint } from '@concord/projections';

/** Where the next page starts, and the point the first page was read at, so that every page reads the same ledger. */
export interface HistoryCursor {
  readonly after: HistoryKey;
  readonly position: number;
  readonly effectiveAt: string | null;
}

export const BODY_HISTORY_PARAMETERS = ['from', 'to', 'limit', 'cursor'] as const;
export const DEFAULT_HISTORY_PAGE = 100;
export const MAX_HISTORY_PAGE = 500;

/** The period and page a body-history query asks for: `from` starts its day, `to` ends its day. */
export function bodyHistoryQuery(parameters: Readonly<Record<string, string>>, now: Date): BodyHistoryQuery & { cursor: HistoryCursor | null } {
  const errors: FieldError[] = [];
  const from = parameters['from'] === undefined ? '' : readMoment('from', parameters['from'], now, errors, false);
  const to = parameters['to'] === undefined ? now.toISOString() : readMoment('to', parameters['to'], now, errors, true);
  if (from !== '' && errors.length === 0 && from > to) errors.push({ field: 'to', messages: ['must not be before from'] });
  const limit = readLimit(parameters['limit'], errors);
  const cursor = parameters['cursor'] === undefined ? null : readCursor(parameters['cursor'], errors);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  return { from, to, limit, after: cursor?.after ?? null, cursor };
}

/**
 * The point a page is read at: the first page's, carried by the cursor. A time parameter given
 * again beside the cursor must name the same kind of point.
 */
export function pagePoint(asked: TimePoint, cursor: HistoryCursor | null): TimePoint {
  if (cursor === null) return asked;
  const sameKind = asked.kind === 'latest' || (asked.kind === 'effective-at') === (cursor.effectiveAt !== null);
  const sameMoment = asked.kind !== 'effective-at' || asked.at === cursor.effectiveAt;
  if (!sameKind || !sameMoment) throw new InvalidQueryError([{ field: 'cursor', messages: ['belongs to a page read at another point; ask again without it'] }]);
  return cursor.effectiveAt === null ? { kind: 'at-position', position: cursor.position } : { kind: 'effective-at', at: cursor.effectiveAt, knownBy: cursor.position };
}

export function cursorOf(key: HistoryKey | null, point: PointFields): string | null {
  if (key === null) return null;
  return Buffer.from(JSON.stringify([key.occurredAt, key.position, point.position, point.effectiveAt ?? null])).toString('base64url');
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
    const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 4 &&
      typeof decoded[0] === 'string' &&
      Number.isSafeInteger(decoded[1]) &&
      Number.isSafeInteger(decoded[2]) &&
      (decoded[3] === null || typeof decoded[3] === 'string')
    ) {
      return { after: { occurredAt: decoded[0], position: decoded[1] as number }, position: decoded[2] as number, effectiveAt: decoded[3] as string | null };
    }
  } catch {
    // reported below, like any other cursor the ledger did not hand out
  }
  errors.push({ field: 'cursor', messages: ['is not a cursor this ledger handed out; use nextCursor from the previous page'] });
  return null;
}
