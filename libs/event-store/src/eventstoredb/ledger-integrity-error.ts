/**
 * What EventStoreDB holds under the adapter's stream names is not what the adapter wrote: an event
 * without the ledger envelope, a revision or position out of step, a copy missing from a stream.
 * Something wrote there outside the adapter (or deleted/truncated). Retrying will not help; the
 * log stream is still the record of what the ledger committed.
 */
export class LedgerIntegrityError extends Error {
  override readonly name = 'LedgerIntegrityError';
}
