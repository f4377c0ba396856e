import { StoredEvent } from '@concord/event-store';
import { ledgerEntry } from '@concord/verifier';

/** The exact string the event's leaf hashes (the verifier's definition: one format, one place). */
export function logEntryOf(event: StoredEvent): string {
  return ledgerEntry(event);
}
