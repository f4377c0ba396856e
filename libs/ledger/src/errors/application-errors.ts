/** `If-Match` named a stream revision the stream has moved past. */
export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailedError';

  constructor(
    readonly stream: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(`stream ${stream} is at revision ${actualRevision}, not ${expectedRevision} as If-Match required`);
  }
}

/** What an idempotency key was first used for: the first record its command made. */
export interface FirstUse {
  readonly type: string;
  readonly stream: string;
  /** Whether that record carries the digest of the request that made it; one entered by import without it can be no request's retry. */
  readonly fingerprinted: boolean;
}

/** An idempotency key that was already used for a different command. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';

  constructor(
    readonly commandId: string,
    readonly firstUse?: FirstUse,
  ) {
    super(
      firstUse === undefined
        ? `idempotency key ${commandId} was already used for a different request`
        : firstUse.fingerprinted
          ? `idempotency key ${commandId} was already used for a different request, which recorded ${firstUse.type} in ${firstUse.stream}`
          : `idempotency key ${commandId} names ${firstUse.type} in ${firstUse.stream}, entered without the digest of the request that made it (imported), so no request can be its retry; send this one with another key`,
    );
  }
}

/** Writers kept colliding on the same stream; the command was not recorded. */
export class ConcurrencyExhaustedError extends Error {
  override readonly name = 'ConcurrencyExhaustedError';

  constructor(
    readonly stream: string,
    attempts: number,
  ) {
    super(`stream ${stream} changed under ${attempts} attempts in a row; nothing was recorded, retry the command`);
  }
}

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/** A query parameter that cannot be read; `errors` names each one. */
export class InvalidQueryError extends Error {
  override readonly name = 'InvalidQueryError';

  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map(({ field, messages }) => `${field} ${messages.join('; ')}`).join('; '));
  }
}

/** `atPosition`, or a cursor's point, beyond the head: that event has not been recorded yet. */
export class PositionNotReachedError extends Error {
  override readonly name = 'PositionNotReachedError';

  constructor(
    readonly position: number,
    readonly headPosition: number,
  ) {
    super(`position ${position} has not been reached; the ledger's head is at ${headPosition}`);
  }
}
