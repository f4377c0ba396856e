import { ConcurrencyError, DuplicateEventIdError, StoreUnavailableError } from '../event-store.errors';
import { ExpectedRevision } from '../event-store.port';

/** An error as it crosses from the writer thread: its kind, and the facts needed to raise it again. */
export interface ErrorRecord {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly stream?: string;
  readonly expectedRevision?: ExpectedRevision;
  readonly actualRevision?: number;
  readonly eventId?: string;
}

export function toErrorRecord(error: unknown): ErrorRecord {
  if (error instanceof ConcurrencyError) {
    return { name: error.name, message: error.message, stream: error.stream, expectedRevision: error.expectedRevision, actualRevision: error.actualRevision };
  }
  if (error instanceof DuplicateEventIdError) return { name: error.name, message: error.message, eventId: error.eventId };
  if (typeof error === 'object' && error !== null) {
    const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
    return { name: String(name ?? 'Error'), message: String(message ?? ''), ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/**
 * The error again, as the store's callers know it: the store's own errors with their facts, a
 * SQLite failure in the shape `sqlite-errors.ts` recognises, a TypeError as a TypeError.
 */
export function fromErrorRecord(record: ErrorRecord): unknown {
  if (record.name === 'ConcurrencyError' && record.stream !== undefined && record.expectedRevision !== undefined && record.actualRevision !== undefined) {
    return new ConcurrencyError(record.stream, record.expectedRevision, record.actualRevision);
  }
  if (record.name === 'DuplicateEventIdError' && record.eventId !== undefined) return new DuplicateEventIdError(record.eventId);
  if (record.name === 'TypeError') return new TypeError(record.message);
  if (record.name === 'StoreUnavailableError') return new StoreUnavailableError(record.message);
  return Object.assign(new Error(record.message), { name: record.name, ...(record.code === undefined ? {} : { code: record.code }) });
}
