import { UnreadableEventError } from '@concord/event-store';

/** Where a fold stopped before an event the ledger would not vouch for; undefined if it went through. */
export async function stoppedAt(fold: Promise<unknown>): Promise<number | undefined> {
  try {
    await fold;
    return undefined;
  } catch (error) {
    if (error instanceof UnreadableEventError) return error.position;
    throw error;
  }
}
