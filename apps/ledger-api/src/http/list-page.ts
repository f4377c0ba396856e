import { FieldError, InvalidQueryError } from '@concord/ledger';
import { PageRequest, PointFields } from '@concord/projections';
import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import {
  cursorConflictError,
  decodeCursor,
  encodeCursor,
  askedBeyondPoint,
  firstPageMoment,
  isAskedBeyondPoint,
  isPointFields,
  NOT_A_CURSOR,
  pointConflicts,
  readLimit,
} from './page-cursor';

export const LIST_PARAMETERS = ['limit', 'cursor'] as const;
export const DEFAULT_LIST_PAGE = 50;
export const MAX_LIST_PAGE = 200;

/** Where the next page of a list starts, which list it is, and the point its first page was read at. */
interface ListCursor {
  readonly list: string;
  readonly after: number;
  readonly point: PointFields;
  /** The moment the first page's asOf or effectiveAt asked for, where it was after the point (read as now). */
  readonly asked?: string;
}

export interface ListRequest {
  readonly page: PageRequest;
  /** The first page's point, when a cursor carries it. */
  readonly pinned: PointFields | null;
  /** The cursor to the page after this one, at the point this one is read at. */
  readonly nextCursor: (next: number | null, point: PointFields) => string | null;
}

/**
 * The page a list query asks for. `list` names the list (`bodies`, `meetings of kp`), so a cursor
 * handed out for one list is refused by another; with a cursor, the point is the first page's.
 */
export function listRequest(parameters: Readonly<Record<string, string>>, list: string): ListRequest {
  const errors: FieldError[] = [];
  const limit = readLimit(parameters['limit'], MAX_LIST_PAGE, DEFAULT_LIST_PAGE, errors);
  const cursor = parameters['cursor'] === undefined ? null : readCursor(parameters['cursor'], errors);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  if (cursor === null) return { page: { after: 0, limit }, pinned: null, nextCursor: nextListCursor(list, firstPageMoment(parameters)) };
  const conflicts = pointConflicts(parameters, cursor.point, cursor.asked, errors);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  if (cursor.list !== list) conflicts.unshift(`another list (${cursor.list})`);
  if (conflicts.length > 0) throw new InvalidQueryError([cursorConflictError(conflicts)]);
  return { page: { after: cursor.after, limit }, pinned: cursor.point, nextCursor: nextListCursor(list, cursor.asked) };
}

/** Cursors of one list, for pages read at a point asked as `asked`. */
export function nextListCursor(list: string, asked: string | undefined): ListRequest['nextCursor'] {
  return (next, point) => {
    if (next === null) return null;
    const kept = askedBeyondPoint(asked, point);
    return encodeCursor({ list, after: next, point, ...(kept === undefined ? {} : { asked: kept }) } satisfies ListCursor);
  };
}

function readCursor(value: string, errors: FieldError[]): ListCursor | null {
  const { list, after, point, asked } = (decodeCursor(value) ?? {}) as Partial<ListCursor>;
  if (typeof list === 'string' && Number.isSafeInteger(after) && (after as number) >= 0 && isPointFields(point) && isAskedBeyondPoint(asked, point)) {
    return { list, after: after as number, point, ...(asked === undefined ? {} : { asked }) };
  }
  errors.push(NOT_A_CURSOR);
  return null;
}

/** Documents `limit` and `cursor` on a list query. */
export function ApiListPage(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIST_PAGE, default: DEFAULT_LIST_PAGE },
      description: 'Items per page',
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      schema: { type: 'string' },
      description: 'nextCursor of the previous page; the page is read at the same point as the first, whatever was recorded since',
    }),
  );
}
