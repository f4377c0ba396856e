import { SqliteError } from 'better-sqlite3';
import { StoreUnavailableError } from '../event-store.errors';

/** Result codes meaning the file cannot be used right now: locked, unreachable, full, damaged. */
const UNAVAILABLE_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_PROTOCOL'];

export function isUniqueViolationOf(error: unknown, columns: string): boolean {
  return error instanceof SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes(columns);
}

/** Wraps errors of an unusable database in `StoreUnavailableError`; returns anything else as is. */
export function toStoreError(error: unknown, filePath: string): unknown {
  if (error instanceof SqliteError && UNAVAILABLE_CODES.some((code) => error.code.startsWith(code))) {
    return new StoreUnavailableError(`SQLite event store at ${filePath} is unavailable: ${error.message} (${error.code})`, { cause: error });
  }
  return error;
}
