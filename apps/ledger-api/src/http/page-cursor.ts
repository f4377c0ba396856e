import { isIsoDateOrDateTime, normaliseIsoDateTime } from '@concord/governance';
import { askedMoment, FieldError, readPosition } from '@concord/ledger';
import { PointFields, TimePoint } from '@concord/projections';

/**
 * What every paged query shares. A cursor is the ledger's own note of where the next page starts
 * and of the point the first page was read at (base64url JSON, opaque to callers), so that every
 * page reads the same ledger whatever was recorded since.
 */

/** The page size asked for, from 1 to `max`; `fallback` when not given. */
export function readLimit(value: string | undefined, max: number, fallback: number, errors: FieldError[]): number {
  if (value === undefined) return fallback;
  const limit = /^[1-9]\d{0,3}$/.test(value) ? Number(value) : Number.NaN;
  if (limit >= 1 && limit <= max) return limit;
  errors.push({ field: 'limit', messages: [`must be a whole number from 1 to ${max}`] });
  return fallback;
}

export function encodeCursor(cursor: object): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The decoded cursor, or undefined for text that is not one (the caller says why). */
export function decodeCursor(value: string): Record<string, unknown> | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    return typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded) ? (decoded as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const NOT_A_CURSOR: FieldError = { field: 'cursor', messages: ['is not a cursor this ledger handed out; use nextCursor from the previous page'] };

/**
 * Whether a decoded value is the point fields a cursor carries, as the ledger writes them: a
 * position, and at most one of `asOf` and `effectiveAt`, each a moment in the form the ledger
 * gives it. A cursor is plain text a caller can edit; what the ledger never hands out is refused.
 */
export function isPointFields(value: unknown): value is PointFields {
  const point = value as Partial<PointFields> | null | undefined;
  const optional = (field: unknown): boolean => field === undefined || isLedgerInstant(field);
  return (
    typeof point === 'object' &&
    point !== null &&
    // Answers spread the point: a field of any other name could stand in for one of theirs.
    Object.keys(point).every((field) => POINT_FIELDS.has(field)) &&
    Number.isSafeInteger(point.position) &&
    (point.position as number) >= 0 &&
    optional(point.asOf) &&
    optional(point.effectiveAt) &&
    (point.asOf === undefined || point.effectiveAt === undefined)
  );
}

const POINT_FIELDS: ReadonlySet<string> = new Set(['position', 'asOf', 'effectiveAt']);

/** A moment as the ledger writes it out (`2022-06-24T00:00:00.000Z`), and nothing else. */
export function isLedgerInstant(value: unknown): value is string {
  return typeof value === 'string' && isIsoDateOrDateTime(value) && normaliseIsoDateTime(value) === value;
}

/**
 * The moment the first page's `asOf` or `effectiveAt` named, as asked: a moment after now is read
 * as now, so the point a cursor carries is that now, and the parameter given again beside the
 * cursor names the moment asked, not the point. A cursor keeps both.
 */
export function firstPageMoment(parameters: Readonly<Record<string, string>>): string | undefined {
  const name = parameters['asOf'] !== undefined ? 'asOf' : parameters['effectiveAt'] !== undefined ? 'effectiveAt' : undefined;
  return name === undefined ? undefined : askedMoment(name, parameters[name] as string, []);
}

/**
 * The moment asked that a cursor keeps beside its point: only one later than the point's own,
 * which the first page read as its now; `undefined` where the point says it already.
 */
export function askedBeyondPoint(asked: string | undefined, point: PointFields): string | undefined {
  const moment = point.asOf ?? point.effectiveAt;
  return asked !== undefined && moment !== undefined && asked > moment ? asked : undefined;
}

/** Whether a decoded cursor's kept moment is one the ledger keeps for its point (or none). */
export function isAskedBeyondPoint(asked: unknown, point: PointFields): boolean {
  return asked === undefined || (isLedgerInstant(asked) && askedBeyondPoint(asked, point) === asked);
}

/**
 * The time-point parameters given again beside a cursor that say otherwise than its point,
 * described for the error; a parameter that is no moment or no position is reported in `errors`.
 * `asked` is the moment the first page asked for, where the cursor keeps it.
 */
export function pointConflicts(parameters: Readonly<Record<string, string>>, point: PointFields, asked: string | undefined, errors: FieldError[]): string[] {
  const pinned = asked ?? point.asOf ?? point.effectiveAt;
  const asOf = parameters['asOf'] === undefined ? undefined : askedMoment('asOf', parameters['asOf'], errors);
  const effectiveAt = parameters['effectiveAt'] === undefined ? undefined : askedMoment('effectiveAt', parameters['effectiveAt'], errors);
  // Read as atPosition alone is: a position written otherwise (`010`, `1e1`) is refused, not compared as a number. Beside a
  // cursor read at a moment it names another point, whatever its position: a first page is asked with one of the three.
  const atPosition = parameters['atPosition'] === undefined ? undefined : readPosition('atPosition', parameters['atPosition'], errors);
  return [
    asOf !== undefined && (point.asOf === undefined || (asOf !== pinned && asOf !== point.asOf)) && 'another asOf',
    effectiveAt !== undefined && (point.effectiveAt === undefined || (effectiveAt !== pinned && effectiveAt !== point.effectiveAt)) && 'another effectiveAt',
    atPosition !== undefined && (point.asOf !== undefined || point.effectiveAt !== undefined || atPosition !== point.position) && 'another atPosition',
  ].filter((conflict): conflict is string => typeof conflict === 'string');
}

export function cursorConflictError(conflicts: readonly string[]): FieldError {
  return {
    field: 'cursor',
    messages: [`was handed out for ${conflicts.join(', ')}; follow it with the first page's parameters, or ask again without it`],
  };
}

/** The point a pinned page is read at: the first page's position, in its timeline. */
export function pinnedPoint(pinned: PointFields): TimePoint {
  return pinned.effectiveAt === undefined
    ? { kind: 'at-position', position: pinned.position }
    : { kind: 'effective-at', at: pinned.effectiveAt, knownBy: pinned.position };
}
