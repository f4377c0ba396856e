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

/** An idempotency key that was already used for a different command. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';

  constructor(readonly commandId: string) {
    super(`idempotency key ${commandId} was already used for a different request`);
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
