import { StoreUnavailableError } from '../event-store.errors';

/**
 * What pg's errors carry that we decide on: `code` is a SQLSTATE for server errors (with
 * `constraint` on a constraint violation) and a Node code (`ECONNREFUSED`...) for socket errors.
 * Recognised by shape, not `instanceof`, for the reason given in `sqlite-errors.ts`: test runners
 * load modules more than once per process, and a class check then says no to a real pg error.
 */
interface PgFailure {
  readonly message: string;
  readonly code?: unknown;
  readonly constraint?: unknown;
  readonly errors?: unknown;
}

const UNIQUE_VIOLATION = '23505';

/** pg's wording when `query_timeout` (see postgres-waits.ts) ends a query; the error has no code. */
const QUERY_TIMEOUT_MESSAGE = /Query read timeout/;

/** Socket errors: the server is down, unreachable or dropped us. */
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);

/**
 * SQLSTATEs meaning "not now" or "not with this configuration" rather than "wrong request":
 * 08 connection exceptions; 53 insufficient resources (too many connections, disk full, out of
 * memory); 57P01-57P05 shutdown / terminated by an administrator / starting up / idle sessions
 * ended; 57014 query cancelled (statement timeout); 55000 object not in prerequisite state ("the
 * database system is not accepting connections", e.g. in recovery or shutting down); 55P03 lock
 * not available (our `lock_timeout` expired: another writer held the append lock too long);
 * 25006 read-only transaction (a standby); 3D000 no such database; 28000/28P01 authentication;
 * and what an administrator does to a running ledger's database: 42501 rights revoked, 42P01 its
 * tables gone (the schema dropped or renamed: the ledger's own statements name only tables it
 * creates before it serves), 3F000 its schema gone. These answered 500 on every route, /health
 * too, where they are an outage that ends when the rights or the schema are back.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '57P04',
  '57P05',
  '57014',
  '55000',
  '55P03',
  '25006',
  '3D000',
  '28000',
  '28P01',
  '42501',
  '42P01',
  '3F000',
]);
const UNAVAILABLE_SQLSTATE_CLASSES = ['08', '53'];

/** pg's own wording for connections it lost or could not make; these errors have no code. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i;

function asPgFailure(error: unknown): PgFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { message } = error as { message?: unknown };
  return typeof message === 'string' ? (error as PgFailure) : undefined;
}

/** True when `error` is a unique violation of the named constraint. */
export function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  const failure = asPgFailure(error);
  return failure?.code === UNIQUE_VIOLATION && failure.constraint === constraint;
}

/** True when pg gave up waiting for the answer to a query (`query_timeout`). */
export function isQueryTimeout(error: unknown): boolean {
  const failure = asPgFailure(error);
  return failure !== undefined && failure.code === undefined && QUERY_TIMEOUT_MESSAGE.test(failure.message);
}

export function isUnavailableFailure(error: unknown): boolean {
  const failure = asPgFailure(error);
  if (failure === undefined) return false;
  const code = typeof failure.code === 'string' ? failure.code : '';
  return (
    UNAVAILABLE_NODE_CODES.has(code) ||
    UNAVAILABLE_SQLSTATE_CLASSES.some((sqlClass) => code.startsWith(sqlClass)) ||
    UNAVAILABLE_SQLSTATES.has(code) ||
    UNAVAILABLE_MESSAGES.test(failure.message) ||
    isQueryTimeout(error)
  );
}

/**
 * The reason in words. Node reports a refused connection to a name with several addresses as an
 * AggregateError whose own message is empty, so the inner errors are spelled out.
 */
export function reasonOf(error: unknown): string {
  const failure = asPgFailure(error);
  if (failure === undefined) return String(error);
  if (isQueryTimeout(error)) return 'no answer to a query within the query timeout (the server or the network to it stopped answering)';
  const inner = Array.isArray(failure.errors) ? failure.errors.map(reasonOf).join('; ') : '';
  const message = failure.message !== '' ? failure.message : inner;
  const code = typeof failure.code === 'string' && !message.includes(failure.code) ? ` (${failure.code})` : '';
  return `${message || 'unknown error'}${code}`;
}

/**
 * Wraps errors of an unusable server in `StoreUnavailableError` naming `target` (host, port,
 * database and schema, never the password); returns anything else as is.
 */
export function toStoreError(error: unknown, target: string): unknown {
  if (error instanceof StoreUnavailableError || !isUnavailableFailure(error)) return error;
  return new StoreUnavailableError(`PostgreSQL event store at ${target} is unavailable: ${reasonOf(error)}`, { cause: error });
}
