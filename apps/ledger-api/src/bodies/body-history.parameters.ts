import { latestWorldMoment } from '@concord/governance';
import { askedMoment, FieldError, InvalidQueryError, readWorldMoment } from '@concord/ledger';
import { BodyHistoryQuery, HistoryKey, PointFields, TimePoint } from '@concord/projections';
import {
  askedBeyondPoint,
  cursorConflictError,
  decodeCursor,
  encodeCursor,
  firstPageMoment,
  isAskedBeyondPoint,
  isLedgerInstant,
  isPointFields,
  NOT_A_CURSOR,
  pointConflicts,
  readLimit,
} from '../http/page-cursor';

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
  /** What the first page asked for where it was after now, and so read as now: its point's moment, from, to. */
  readonly asked?: AskedMoments;
}

interface AskedMoments {
  readonly moment?: string;
  readonly from?: string;
  readonly to?: string;
}

export const BODY_HISTORY_PARAMETERS = ['from', 'to', 'limit', 'cursor'] as const;
export const DEFAULT_HISTORY_PAGE = 100;
export const MAX_HISTORY_PAGE = 500;

export interface BodyHistoryRequest {
  readonly query: BodyHistoryQuery;
  /** The first page's point, when a cursor carries it. */
  readonly pinned: PointFields | null;
  /** The cursor to the page after this one, read at `point`. */
  readonly nextCursor: (key: HistoryKey | null, point: PointFields) => string | null;
}

/**
 * The period and page a body-history query asks for: `from` starts its day, `to` ends its day. With
 * a cursor, the period and point are the first page's; a parameter given again must say the same.
 * `to` left out ends the period where the answer reads to (`readsUntil`: an `effectiveAt`, else the
 * latest moment a record held at the point may be dated, `latestWorldMoment`), so that two asks at
 * one past point answer the same period, and a record dated today east of UTC is in it. Both are
 * world time, read at most as the latest moment a record may be dated by now.
 */
export function bodyHistoryRequest(
  parameters: Readonly<Record<string, string>>,
  bodyId: string,
  now: Date,
  readsUntil: string = latestWorldMoment(now.toISOString()),
): BodyHistoryRequest {
  const errors: FieldError[] = [];
  const from = parameters['from'] === undefined ? '' : readWorldMoment('from', parameters['from'], now, errors, false);
  const to = parameters['to'] === undefined ? defaultEnd(from, readsUntil, now) : readWorldMoment('to', parameters['to'], now, errors, true);
  if (from !== '' && errors.length === 0 && from > to) errors.push({ field: 'to', messages: ['must not be before from'] });
  const limit = readLimit(parameters['limit'], MAX_HISTORY_PAGE, DEFAULT_HISTORY_PAGE, errors);
  const cursor = parameters['cursor'] === undefined ? null : readCursor(parameters['cursor'], errors);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  if (cursor === null) {
    const asked = { moment: firstPageMoment(parameters), from: askedOf(parameters, 'from', false), to: askedOf(parameters, 'to', true) };
    return { query: { from, to, limit, after: null }, pinned: null, nextCursor: nextHistoryCursor(bodyId, from, to, asked) };
  }
  const conflicts = [
    cursor.bodyId !== bodyId && 'a page of another body',
    parameters['from'] !== undefined && askedOf(parameters, 'from', false) !== (cursor.asked?.from ?? cursor.from) && 'another from',
    parameters['to'] !== undefined && askedOf(parameters, 'to', true) !== (cursor.asked?.to ?? cursor.to) && 'another to',
  ].filter((conflict): conflict is string => typeof conflict === 'string');
  conflicts.push(...pointConflicts(parameters, cursor.point, cursor.asked?.moment, errors));
  if (errors.length > 0) throw new InvalidQueryError(errors);
  if (conflicts.length > 0) throw new InvalidQueryError([cursorConflictError(conflicts)]);
  return {
    query: { from: cursor.from, to: cursor.to, limit, after: cursor.after },
    pinned: cursor.point,
    nextCursor: nextHistoryCursor(bodyId, cursor.from, cursor.to, cursor.asked ?? {}),
  };
}

/**
 * Where a first page's period reads to, by default, at the point `asked`, whose answer speaks of
 * `moment`: an `effectiveAt` itself; otherwise the latest moment of world time a record held by
 * then may be dated.
 */
export function readsUntil(asked: TimePoint, moment: string): string {
  return asked.kind === 'effective-at' ? moment : latestWorldMoment(moment);
}

/** Where a period with no `to` ends: where the answer reads to, or as late as a record may be dated by now for a `from` after that. */
function defaultEnd(from: string, readsUntil: string, now: Date): string {
  return from !== '' && from > readsUntil ? latestWorldMoment(now.toISOString()) : readsUntil;
}

/** The moment a period parameter names as asked (a moment after now included). */
function askedOf(parameters: Readonly<Record<string, string>>, name: 'from' | 'to', endOfDay: boolean): string | undefined {
  return parameters[name] === undefined ? undefined : askedMoment(name, parameters[name], [], endOfDay);
}

function nextHistoryCursor(bodyId: string, from: string, to: string, asked: AskedMoments): BodyHistoryRequest['nextCursor'] {
  return (key, point) => {
    if (key === null) return null;
    // Each asked moment is kept only where it says more than what the cursor holds: a moment after now, read as now.
    const kept: AskedMoments = {
      ...(askedBeyondPoint(asked.moment, point) === undefined ? {} : { moment: asked.moment }),
      ...(asked.from !== undefined && asked.from !== from ? { from: asked.from } : {}),
      ...(asked.to !== undefined && asked.to !== to ? { to: asked.to } : {}),
    };
    const cursor: HistoryCursor = { bodyId, from, to, after: key, point, ...(Object.keys(kept).length > 0 ? { asked: kept } : {}) };
    return encodeCursor(cursor);
  };
}

function readCursor(value: string, errors: FieldError[]): HistoryCursor | null {
  const { bodyId, from, to, after, point, asked } = (decodeCursor(value) ?? {}) as Partial<HistoryCursor>;
  if (
    typeof bodyId === 'string' &&
    (from === '' || isLedgerInstant(from)) &&
    isLedgerInstant(to) &&
    (from as string) <= to &&
    isLedgerInstant(after?.occurredAt) &&
    Number.isSafeInteger(after.position) &&
    after.position >= 0 &&
    isPointFields(point) &&
    isKeyOfPage(after, from, to, point) &&
    isAskedMoments(asked, point, from, to)
  ) {
    return { bodyId, from, to, after, point, ...(asked === undefined ? {} : { asked }) };
  }
  errors.push(NOT_A_CURSOR);
  return null;
}

/**
 * Whether `after` can be the last entry of a page the ledger handed out: one in the period, by the
 * point's moment of world time and recorded by its position. A key outside them would resume the
 * history elsewhere: before `from`, the page would list entries the period leaves out.
 */
function isKeyOfPage(after: HistoryKey, from: string, to: string, point: PointFields): boolean {
  const until = point.effectiveAt !== undefined && point.effectiveAt < to ? point.effectiveAt : to;
  return after.occurredAt >= from && after.occurredAt <= until && after.position <= point.position;
}

/** Asked moments as the ledger keeps them: each later than what it was read as (now, then). */
function isAskedMoments(asked: unknown, point: PointFields, from: string, to: string): asked is AskedMoments | undefined {
  if (asked === undefined) return true;
  if (typeof asked !== 'object' || asked === null) return false;
  const { moment, from: askedFrom, to: askedTo, ...more } = asked as Record<string, unknown>;
  const later = (value: unknown, than: string | undefined): boolean => value === undefined || (isLedgerInstant(value) && than !== undefined && value > than);
  return Object.keys(more).length === 0 && isAskedBeyondPoint(moment, point) && later(askedFrom, from === '' ? undefined : from) && later(askedTo, to);
}
