import { pgDriver } from './pg-driver';

export const DEFAULT_SCHEMA = 'concord';

/**
 * Lower-case letters, digits and underscores, at most 63 bytes (PostgreSQL's identifier limit,
 * beyond which it silently truncates). Lower case only, because an unquoted name folds to lower
 * case: `Concord` in a psql session would name another schema than the store's `"Concord"`.
 * `pg_` is reserved for system schemas.
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks that `schema` is a plain identifier and returns it double-quoted for use in SQL. */
export function quoteSchemaName(schema: string): string {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema) || schema.startsWith('pg_')) {
    throw new TypeError(`schema must be a lower-case identifier (a-z, 0-9, _; at most 63 characters; not pg_*), got ${JSON.stringify(schema)}`);
  }
  // Quoted although validated: the SQL never depends on the name being neither a keyword nor odd.
  return pgDriver().escapeIdentifier(schema);
}
