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

/** An event whose data and metadata are given as JSON text. */
export interface LedgerEventText extends Omit<LedgerEvent, 'data' | 'metadata'> {
  readonly data: string;
  readonly metadata: string;
}

/**
 * The same bytes as `ledgerEntry`, assembled around data and metadata that are already RFC 8785
 * text, without parsing them: how a store that keeps them canonical hashes a leaf cheaply. Given
 * text that is not canonical, the result is not the event's entry, and its hash will not match a
 * leaf computed by `ledgerEntry`; a verifier that gets a mismatch must fall back to `ledgerEntry`.
 */
export function ledgerEntryOfCanonicalText(event: LedgerEventText): string {
  const { position, eventId, stream, streamRevision, type, schemaVersion, data, metadata } = event;
  // The members in RFC 8785 order; numbers and strings written exactly as canonicalJson writes them.
  return (
    `{"data":${data},"eventId":${JSON.stringify(eventId)},"metadata":${metadata},"position":${String(position)},` +
    `"schemaVersion":${String(schemaVersion)},"stream":${JSON.stringify(stream)},"streamRevision":${String(streamRevision)},"type":${JSON.stringify(type)}}`
  );
}
