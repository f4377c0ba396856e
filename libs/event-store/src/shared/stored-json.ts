import { UnreadableEventError } from '../unreadable-event-error';

/**
 * A stored event's data or metadata, parsed. The ledger writes them as JSON; text that is not (a
 * row edited by hand) is an event the ledger cannot read, named by its position, rather than a
 * bare `SyntaxError` failing every read that meets it.
 */
export function parseStoredJson<T>(text: string, position: number, column: 'data' | 'metadata'): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new UnreadableEventError(position, `its ${column} is not JSON as stored (${(error as Error).message})`);
  }
}
