import { StoreUnavailableError } from './event-store.errors';
import { isUnavailableFailure } from './postgres/postgres-errors';
import { isUnavailableSqliteFailure } from './sqlite/sqlite-errors';

/**
 * Whether a failure means the ledger's database cannot be used right now, whoever met it: the
 * event store wraps its own in `StoreUnavailableError`, while the tables beside it (API keys,
 * webhooks) let the driver's error through, and it is recognised here by its shape.
 */
export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof StoreUnavailableError || isUnavailableFailure(error) || isUnavailableSqliteFailure(error);
}
