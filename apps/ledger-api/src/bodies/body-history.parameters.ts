import { FieldError, InvalidQueryError, readMoment } from '@concord/ledger';
import { BodyHistoryQuery, HistoryKey } from '@concord/projections';

export const BODY_HISTORY_PARAMETERS = ['from', 'to', 'limit', 'cursor'] as const;
export const DEFAULT_HISTORY_PAGE = 100;
export const MAX_HISTORY_PAGE = 500;

/** The period and page a body-history query asks for: `from` starts its day, `to` ends its day. */
export function bodyHistoryQuery(parameters: Readonly<Record<string, string>>, now: Date): BodyHistoryQuery {
  const errors: FieldError[] = [];
  const from = parameters['from'] === undefined ? '' : readMoment('from', parameters['from'], now, errors, false);
  const to = parameters['to'] === undefined ? now.toISOString() : readMoment('to', parameters['to'], now, errors, true);
  if (from !== '' && errors.length === 0 && from > to) errors.push({ field: 'to', messages: ['must not be before from'] });
  const limit = readLimit(parameters['limit'], errors);
  const after = parameters['cursor'] === undefined ? null : readCursor(parameters['cursor'], errors);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  return { from, to, limit, after };
}

export function cursorOf(key: HistoryKey | null): string | null {
  return key === null ? null : Buffer.from(JSON.stringify([key.occurredAt, key.position])).toString('base64url');
}

function readLimit(value: string | undefined, errors: FieldError[]): number {
  if (value === undefined) return DEFAULT_HISTORY_PAGE;
  const limit = /^[1-9]\d{0,3}$/.test(value) ? Number(value) : Number.NaN;
  if (limit >= 1 && limit <= MAX_HISTORY_PAGE) return limit;
  errors.push({ field: 'limit', messages: [`must be a whole number from 1 to ${MAX_HISTORY_PAGE}`] });
  return DEFAULT_HISTORY_PAGE;
}

function readCursor(value: string, errors: FieldError[]): HistoryKey | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && typeof decoded[0] === 'string' && Number.isSafeInteger(decoded[1])) {
      return { occurredAt: decoded[0], position: decoded[1] as number };
    }
  } catch {
    // reported below, like any other cursor the ledger did not hand out
  }
  errors.push({ field: 'cursor', messages: ['is not a cursor this ledger handed out; use nextCursor from the previous page'] });
  return null;
}
