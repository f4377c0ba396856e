import { FieldError, InvalidQueryError, readMoment } from '@concord/ledger';
import { BodyHistoryQuery, HistoryKey, PointFields } from '@concord/projections';
import { cursorConflictError, decodeCursor, encodeCursor, isLedgerInstant, isPointFields, NOT_A_CURSOR, pointConflicts, readLimit } from '../http/page-cursor';

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
  const limit = readLimit(parameters['limit'], MAX_HISTORY_PAGE, DEFAULT_HISTORY_PAGE, errors);
  const cursor = parameters['cursor'] === undefined ? null : readCursor(parameters['cursor'], errors);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  if (cursor === null) return { query: { from, to, limit, after: null }, pinned: null };
  const conflicts = [
    cursor.bodyId !== bodyId && 'a page of another body',
    parameters['from'] !== undefined && from !== cursor.from && 'another from',
    parameters['to'] !== undefined && to !== cursor.to && 'another to',
  ].filter((conflict): conflict is string => typeof conflict === 'string');
  conflicts.push(...pointConflicts(parameters, cursor.point, now, errors));
  if (conflicts.length > 0) throw new InvalidQueryError([cursorConflictError(conflicts)]);
  return { query: { from: cursor.from, to: cursor.to, limit, after: cursor.after }, pinned: cursor.point };
}

export function cursorOf(key: HistoryKey | null, page: Omit<HistoryCursor, 'after'>): string | null {
  if (key === null) return null;
  const cursor: HistoryCursor = { ...page, after: key };
  return encodeCursor(cursor);
}

function readCursor(value: string, errors: FieldError[]): HistoryCursor | null {
  const { bodyId, from, to, after, point } = (decodeCursor(value) ?? {}) as Partial<HistoryCursor>;
  if (
    typeof bodyId === 'string' &&
    (from === '' || isLedgerInstant(from)) &&
    isLedgerInstant(to) &&
    (from as string) <= to &&
    isLedgerInstant(after?.occurredAt) &&
    Number.isSafeInteger(after.position) &&
    after.position >= 0 &&
    isPointFields(point)
  ) {
    return { bodyId, from, to, after, point };
  }
  errors.push(NOT_A_CURSOR);
  return null;
}
