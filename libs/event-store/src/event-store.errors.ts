import { ExpectedRevision } from './event-store.port';

/** The stream was not at the expected revision: somebody else wrote first. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';

  constructor(
    readonly stream: string,
    readonly expectedRevision: ExpectedRevision,
    /** The stream's actual last revision, -1 when it does not exist. */
    readonly actualRevision: number,
  ) {
    super(`stream ${stream} is at revision ${actualRevision}, expected ${String(expectedRevision)}`);
  }
}

/** The store cannot be reached or refused to work; the command may be retried later. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * An event id of the batch is already in the store under another command. Event ids are meant to
 * be unique, so this is a caller bug rather than a race: retrying will not help.
 */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';

  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already in the store`);
  }
}
