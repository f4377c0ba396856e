import { createHash } from 'node:crypto';

/** The namespace of every EventStoreDB event id this adapter derives; fixed forever. */
export const CONCORD_EVENT_ID_NAMESPACE = '376906a1-4870-4b0a-b5f4-b3f091525815';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The EventStoreDB id of the `index`-th event of the append that carried `commandId`.
 *
 * Why derived, not the application's `eventId`: EventStoreDB only takes UUIDs, the port takes any
 * string; and EventStoreDB's own idempotency (same ids at the same expected revision: success,
 * nothing written) then recognises a repeat of the same command, whatever event ids a retry made.
 * The application's ids are kept in the event's metadata and are what readers get back.
 */
export function eventRecordId(commandId: string, index: number): string {
  // A JSON array cannot be read two ways, whatever characters the command id holds.
  return uuidV5(JSON.stringify([commandId, index]), CONCORD_EVENT_ID_NAMESPACE);
}

/**
 * The EventStoreDB id of the link (`$>` event) that puts the `index`-th event of the append that
 * carried `commandId` into its ledger stream. Derived like `eventRecordId`, so that instances
 * writing the same link are recognised as repeating one write; from another name (a three-item
 * array can never spell a two-item one), so that it is never the log event's own id.
 */
export function linkRecordId(commandId: string, index: number): string {
  return uuidV5(JSON.stringify(['$>', commandId, index]), CONCORD_EVENT_ID_NAMESPACE);
}

/** RFC 4122 (section 4.3) name-based UUID, version 5: SHA-1 over the namespace's bytes and the name. */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID.test(namespace)) throw new TypeError(`uuidV5 namespace must be a UUID, got ${namespace}`);
  const digest = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = digest.subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6); // version 5
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8); // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
