import type * as PgDriver from 'pg';

/**
 * The PostgreSQL driver, loaded the first time a PostgreSQL store or table is opened rather than
 * with the modules that name it: loading it took about 60 ms of every process's start, the API and
 * each CLI call alike, on SQLite too.
 */
export function pgDriver(): typeof PgDriver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('pg') as typeof PgDriver;
}
