import { isStoreUnavailable, missingTableOf, UnreadableEventError } from '@concord/event-store';

/**
 * What the CLI says, on one line, of a store that failed it while it ran: unreachable, locked by
 * another process past its wait, damaged, or holding an event this version cannot read. These
 * are the operator's to deal with, not faults of the CLI: a stack trace says nothing more to them.
 * Undefined for any other error.
 */
export function storeFailureMessage(error: unknown): string | undefined {
  if (error instanceof UnreadableEventError) return error.message;
  const missingTable = missingTableOf(error);
  if (missingTable !== undefined)
    return `the store has no table ${missingTable}, which every ledger has: the store was damaged (a table dropped) or is not a ledger's. Nothing was changed; restore it from a backup`;
  if (!isStoreUnavailable(error)) return undefined;
  const reason = error instanceof Error ? error.message : String(error);
  return (
    `the store cannot be used now: ${reason}. Nothing more was read or written: ` +
    'try again once it answers (a lock another process holds ends with it); a damaged file is restored from a backup'
  );
}
