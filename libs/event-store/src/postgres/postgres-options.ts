import { pgDriver } from './pg-driver';
import { DEFAULT_SCHEMA, quoteSchemaName } from './postgres-schema-name';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_QUERY_TIMEOUT_MS, PostgresWaits } from './postgres-waits';

export interface PostgresEventStoreOptions extends PostgresWaits {
  /** A `postgres://user:password@host:port/database` URL. Its password never appears in errors. */
  readonly connectionString: string;
  /** The schema holding the store's tables, created if missing. Default `concord`. */
  readonly schema?: string;
  /** How often live subscriptions look for appends made through other instances. Default 100 ms. */
  readonly pollIntervalMs?: number;
  /** Connections in this instance's pool. Default 10. */
  readonly poolSize?: number;
  /**
   * How long an append waits for the append lock (held by another writer's append) before failing
   * with `StoreUnavailableError`. Default 5000 ms.
   */
  readonly lockTimeoutMs?: number;
}

export interface PostgresSettings {
  readonly connectionString: string;
  readonly schema: string;
  /** The schema name double-quoted, ready to prefix table names in SQL. */
  readonly quotedSchema: string;
  readonly pollIntervalMs: number;
  readonly poolSize: number;
  readonly lockTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly queryTimeoutMs: number;
  /** `host:port/database (schema s)`, for messages: never the password. */
  readonly target: string;
}

/** Checks the options and fills in the defaults; throws `TypeError` for a bad value. */
export function resolvePostgresSettings(options: PostgresEventStoreOptions): PostgresSettings {
  const { connectionString } = options;
  if (typeof connectionString !== 'string' || connectionString.length === 0) {
    throw new TypeError('PostgresEventStore needs a connectionString');
  }
  const schema = options.schema ?? DEFAULT_SCHEMA;
  return {
    connectionString,
    schema,
    quotedSchema: quoteSchemaName(schema),
    pollIntervalMs: integerAtLeast('pollIntervalMs', options.pollIntervalMs ?? 100, 1),
    poolSize: integerAtLeast('poolSize', options.poolSize ?? 10, 1),
    lockTimeoutMs: integerAtLeast('lockTimeoutMs', options.lockTimeoutMs ?? 5000, 1),
    connectTimeoutMs: integerAtLeast('connectTimeoutMs', options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, 1),
    queryTimeoutMs: integerAtLeast('queryTimeoutMs', options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS, 1),
    target: describePostgresTarget(connectionString, schema),
  };
}

/**
 * Where the store connects, as pg itself resolves it (URL, then PG* environment variables, then
 * defaults): a client is constructed only to read its parsed host, port and database; it never
 * connects. The password and user are left out on purpose.
 */
export function describePostgresTarget(connectionString: string, schema?: string): string {
  const parsed = new (pgDriver().Client)({ connectionString });
  const where = `${parsed.host}:${parsed.port}/${parsed.database ?? '(default database)'}`;
  return schema === undefined ? where : `${where} (schema ${schema})`;
}

function integerAtLeast(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) throw new TypeError(`${name} must be an integer >= ${minimum}, got ${String(value)}`);
  return value;
}
