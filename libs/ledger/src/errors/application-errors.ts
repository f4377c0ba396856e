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

  constructor(readonly stream: string, attempts: number) {
    super(`stream ${stream} changed under ${attempts} attempts in a row; nothing was recorded, retry the command`);
  }
}
