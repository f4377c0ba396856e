import { EsdbCurrentRevision, EsdbExpectedRevision, GRPC_STATUS } from '../esdb-client.port';

/**
 * Look-alikes of `@eventstore/db-client`'s errors: same `type` and fields, which is all the adapter
 * reads (it recognises client errors by shape, see `esdb-errors.ts`). Like the client's, they are
 * plain `Error`s with no `name` of their own.
 */

export class FakeWrongExpectedVersionError extends Error {
  readonly type = 'wrong-expected-version';

  constructor(
    readonly streamName: string,
    readonly expectedVersion: EsdbExpectedRevision,
    readonly actualVersion: EsdbCurrentRevision,
  ) {
    super(`wrong expected version on ${streamName}: expected ${String(expectedVersion)}, actual ${String(actualVersion)}`);
  }
}

export class FakeStreamNotFoundError extends Error {
  readonly type = 'stream-not-found';

  constructor(readonly streamName: string) {
    super(`${streamName} not found`);
  }
}

/** What the client raises when the channel cannot reach a server: gRPC status 14. */
export class FakeUnavailableError extends Error {
  readonly type = 'unavailable';
  readonly code = GRPC_STATUS.unavailable;

  constructor(message = '14 UNAVAILABLE: No connection established') {
    super(message);
  }
}

/** The server refused the request's content (here: an event id that is not a UUID). */
export class FakeInvalidArgumentError extends Error {
  readonly type = 'invalid-argument';

  constructor(message: string) {
    super(message);
  }
}
