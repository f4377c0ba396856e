import { StoreUnavailableError } from '../event-store.errors';

/** Result codes meaning the file cannot be used right now: locked, unreachable, full, damaged. */
const UNAVAILABLE_CODES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_PERM',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_PROTOCOL',
];

type SqliteFailure = { readonly name: string; readonly code: string; readonly message: string };

/**
 * Recognised by shape, not `instanceof`: better-sqlite3's native addon keeps the `SqliteError`
 * class of the first module instance that loaded it, so where modules are loaded more than once in
 * a process (test runners' module registries, each with its own globals) a class check, even
 * `instanceof Error`, says no to a real SQLite error.
 */
function isSqliteFailure(error: unknown): error is SqliteFailure {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message } = error as Partial<Record<keyof SqliteFailure, unknown>>;
  return name === 'SqliteError' && typeof code === 'string' && typeof message === 'string';
}

export function isUniqueViolationOf(error: unknown, columns: string): boolean {
  return isSqliteFailure(error) && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes(columns);
}

/** True when `error` is SQLite refusing a lock another connection holds (`SQLITE_BUSY` and its extended codes). */
export function isBusySqliteFailure(error: unknown): boolean {
  return isSqliteFailure(error) && error.code.startsWith('SQLITE_BUSY');
}

/** True when `error` says the SQLite file cannot be used right now. */
export function isUnavailableSqliteFailure(error: unknown): error is SqliteFailure {
  return isSqliteFailure(error) && UNAVAILABLE_CODES.some((code) => error.code.startsWith(code));
}

/** Wraps errors of an unusable database in `StoreUnavailableError`; returns anything else as is. */
export function toStoreError(error: unknown, filePath: string): unknown {
  if (isUnavailableSqliteFailure(error)) {
    return new StoreUnavailableError(`SQLite event store at ${filePath} is unavailable: ${error.message} (${error.code})`, { cause: error });
  }
  return error;
}
