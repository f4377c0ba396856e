import { StoreUnavailableError } from '../event-store.errors';
import { ESDB_ERROR_TYPES, EsdbWrongExpectedVersionError, GRPC_STATUS } from './esdb-client.port';

/** Errors a Node socket raises when the server cannot be reached at all. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
/** Client errors meaning "not now": no connection, no answer in time, the leader moved. */
const TRANSIENT_TYPES = new Set<string>([
  ESDB_ERROR_TYPES.unavailable,
  ESDB_ERROR_TYPES.deadlineExceeded,
  ESDB_ERROR_TYPES.timeout,
  ESDB_ERROR_TYPES.notLeader,
  ESDB_ERROR_TYPES.cancelled,
]);
const TRANSIENT_GRPC_CODES = new Set<unknown>([GRPC_STATUS.unavailable, GRPC_STATUS.deadlineExceeded]);
/** How the client says it found no cluster node (`esdb+discover://`): a plain Error. */
const DISCOVERY_FAILURE = /^Failed to discover after \d+ attempts/;
/**
 * A node that is not the leader and knows of none (a cluster electing one) answers a request that
 * needs the leader with gRPC UNKNOWN and this text; the client makes it an `unknown` error.
 */
const NO_LEADER_YET = /No leader info available in response/;

interface ErrorFields {
  readonly type?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

/**
 * Client errors are recognised by shape (`type`, `code`), not `instanceof`: the fake raises
 * look-alikes, a successor client package has classes of its own, and test runners may load the
 * package more than once, each copy with its own classes.
 */
function fieldsOf(error: unknown): ErrorFields {
  return typeof error === 'object' && error !== null ? (error as ErrorFields) : {};
}

export function isWrongExpectedVersion(error: unknown): error is EsdbWrongExpectedVersionError {
  return fieldsOf(error).type === ESDB_ERROR_TYPES.wrongExpectedVersion;
}

export function isStreamNotFound(error: unknown): boolean {
  return fieldsOf(error).type === ESDB_ERROR_TYPES.streamNotFound;
}

/** True when the server could not be used right now, so that the same call may work later. */
export function isTransient(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  const { type, code, message } = fieldsOf(error);
  if (typeof type === 'string' && TRANSIENT_TYPES.has(type)) return true;
  if (TRANSIENT_GRPC_CODES.has(code)) return true;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  return typeof message === 'string' && (DISCOVERY_FAILURE.test(message) || NO_LEADER_YET.test(message));
}

/**
 * The port's error for a failed client call: `StoreUnavailableError` (with the client's error as
 * its cause) when the server could not be used, anything else unchanged, since it is not a
 * condition that waiting would clear (access denied, a bug).
 */
export function toStoreError(error: unknown, action: string): unknown {
  if (error instanceof StoreUnavailableError || !isTransient(error)) return error;
  const reason = fieldsOf(error).message;
  return new StoreUnavailableError(`EventStoreDB is unavailable (${action}): ${typeof reason === 'string' ? reason : String(error)}`, { cause: error });
}
