import { canonicalJson } from './jcs';

/** An event as the ledger stores and exports it (the fields a leaf covers). */
export interface LedgerEvent {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly streamRevision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
}

/**
 * The entry a leaf hashes: the event as stored (its data never upcast), as RFC 8785 canonical JSON
 * of exactly these members. Its position is inside, so an event moved elsewhere hashes differently.
 */
export function ledgerEntry(event: LedgerEvent): string {
  const { position, eventId, stream, streamRevision, type, schemaVersion, data, metadata } = event;
  return canonicalJson({ position, eventId, stream, streamRevision, type, schemaVersion, data, metadata });
}
