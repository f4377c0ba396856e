import { toBigInt } from './bigint';
import { linkRecordId } from './deterministic-id';
import { EsdbBinaryEventData, EsdbResolvedEvent } from './esdb-client.port';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { decodeLogEvent, decodeStreamCopy, LedgerRecord } from './ledger-record';

/** EventStoreDB's type for a link: an event that stands for another, named by its data. */
export const LINK_EVENT_TYPE = '$>';

/**
 * The entry of a ledger stream for one committed event: a link to the event's place in the log.
 * The server reads a link's data as UTF-8 `<revision>@<stream>` (split at the first `@`) whatever
 * its content type; it is sent as a binary event, as links are, with bytes (a string here would be
 * taken for base64, see `EsdbBinaryEventData`). The id derives from the command, like the log
 * event's, so that two instances writing the same link write it once.
 */
export function toLinkEvent(record: LedgerRecord, logStream: string): EsdbBinaryEventData {
  const { event, batch } = record;
  const logRevision = toBigInt(event.position - 1, 'log revision');
  return {
    id: linkRecordId(event.metadata.commandId, event.position - batch.firstPosition),
    contentType: 'application/octet-stream',
    type: LINK_EVENT_TYPE,
    data: new TextEncoder().encode(`${logRevision}@${logStream}`),
    metadata: undefined,
  };
}

/**
 * An entry of a ledger stream, read with `resolveLinkTos`: a link (what the adapter writes now),
 * or a full copy of the log event (what earlier versions wrote, and existing streams still begin
 * with). Either way the entry's revision in the stream must be the event's stream revision, and the
 * event must say it belongs to `stream`; a link must also lead into the log, at the revision that
 * holds the event's position.
 */
export function decodeStreamEntry(resolved: EsdbResolvedEvent, stream: string, logStream: string): LedgerRecord {
  const { link, event } = resolved;
  if (link === undefined) return decodeStreamCopy(resolved, stream);
  const where = `link ${link.revision}@${link.streamId}`;
  if (event === undefined) throw new LedgerIntegrityError(`${where} leads to an event the server cannot read (missing or deleted)`);
  if (event.streamId !== logStream) throw new LedgerIntegrityError(`${where} leads to ${event.revision}@${event.streamId}, outside the log ${logStream}`);
  const record = decodeLogEvent({ event });
  if (record.event.stream !== stream || link.revision !== BigInt(record.event.streamRevision)) {
    throw new LedgerIntegrityError(`${where} leads to ${record.event.stream}@${record.event.streamRevision}; expected ${stream}@${link.revision}`);
  }
  return record;
}
