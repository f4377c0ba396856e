/**
 * The ONE module that imports the EventStoreDB client package. Switching to its successor,
 * `@kurrent/kurrentdb-client` (the same gRPC API under `KurrentDBClient.connectionString`, with
 * `kurrentdb://` connection strings in its documentation), is a change to this file only:
 * everything else depends on the narrow `EsdbClient` of `esdb-client.port.ts`, and the compiler
 * checks here that the client still fits it.
 */
import type * as EsdbPackage from '@eventstore/db-client';
import type { ErrorType, EventStoreDBClient, ReadStreamOptions, ResolvedEvent } from '@eventstore/db-client';
import { ESDB_ERROR_TYPES, EsdbClient, EsdbEventData, EsdbReadStreamOptions, EsdbResolvedEvent } from './esdb-client.port';
import { SharedEsdbClients } from './shared-esdb-clients';

/**
 * Opens a client from a connection string such as `esdb://localhost:2113?tls=false` or
 * `esdb+discover://node1:2113,node2:2113?tls=false`. Connects lazily: nothing is sent until the
 * first call, so an unreachable server shows up as that call's `unavailable` error.
 */
export function createEsdbClient(connectionString: string): EsdbClient {
  // Typed as the narrow interface: if a client release changed a shape the adapter relies on,
  // this assignment stops compiling.
  const client: EsdbClient = esdbPackage().EventStoreDBClient.connectionString(connectionString);
  return client;
}

/**
 * The package is loaded when the first client is made, not with this module: loading it (gRPC and
 * its generated code) took a fifth of a second, which every process paid at start, the API and
 * each CLI call alike, on SQLite and PostgreSQL too.
 */
function esdbPackage(): typeof EsdbPackage {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@eventstore/db-client') as typeof EsdbPackage;
}

/**
 * The process's clients, one per connection string, shared by every store that opens on it (see
 * `shared-esdb-clients.ts` for why two clients in one process are a hazard with this package).
 */
export const processEsdbClients = new SharedEsdbClients(createEsdbClient);

// The error types the adapter recognises by shape must be the package's own values.
type ErrorTypesOfThePackage = {
  wrongExpectedVersion: `${ErrorType.WRONG_EXPECTED_VERSION}`;
  streamNotFound: `${ErrorType.STREAM_NOT_FOUND}`;
  unavailable: `${ErrorType.UNAVAILABLE}`;
  deadlineExceeded: `${ErrorType.DEADLINE_EXCEEDED}`;
  timeout: `${ErrorType.TIMEOUT}`;
  notLeader: `${ErrorType.NOT_LEADER}`;
  cancelled: `${ErrorType.CANCELLED}`;
};
// Should they differ, the compiler says "Type 'true' is not assignable to type 'false'" below.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _errorTypesMatchThePackage: Same<ErrorTypesOfThePackage, { -readonly [K in keyof typeof ESDB_ERROR_TYPES]: (typeof ESDB_ERROR_TYPES)[K] }> = true;
void _errorTypesMatchThePackage;

// Methods are compared loosely (their parameters bivariantly), so the shapes the adapter sends and
// receives are checked one way each here: its events (JSON and binary: links) and read options
// must be what the client takes, and what the client yields must be what the adapter reads.
const _shapesMatchThePackage = {
  events: (events: EsdbEventData[]): Parameters<EventStoreDBClient['appendToStream']>[1] => events,
  readOptions: (options: EsdbReadStreamOptions): ReadStreamOptions => options,
  resolved: (resolved: ResolvedEvent): EsdbResolvedEvent => resolved,
};
void _shapesMatchThePackage;
