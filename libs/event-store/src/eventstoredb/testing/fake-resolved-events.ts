import { EsdbRecordedEvent, EsdbResolvedEvent } from '../esdb-client.port';
import { FakeRecord, textOf } from './fake-esdb-server';

/** Looks an event up by stream and revision, as the server's read index does to resolve a link. */
export type FakeRecordLookup = (streamName: string, revision: number) => FakeRecord | undefined;

/** A `long.TryParse` look-alike: optional blanks and sign around decimal digits. */
const LINK_REVISION = /^\s*[+-]?\d+\s*$/;

/**
 * What the client yields for a stored record. Without `resolveLinkTos` every record is its own
 * `event`, links included (type `$>`). With it, a link is resolved as EventStoreDB 24.10 does: its
 * data is read as UTF-8 and split at the first `@`; a revision that does not parse leaves the link
 * unresolved (returned as `event`); otherwise `link` is the link record and `event` the target, or
 * undefined when the target cannot be read (here: missing).
 */
export function toResolvedEvent(record: FakeRecord, resolveLinkTos: boolean, lookup: FakeRecordLookup): EsdbResolvedEvent {
  const commitPosition = record.position.commit;
  if (!resolveLinkTos || record.type !== '$>') return { event: toRecordedEvent(record), commitPosition };
  const text = textOf(record.data);
  const at = text.indexOf('@');
  const revisionText = at < 0 ? text : text.slice(0, at);
  if (!LINK_REVISION.test(revisionText)) return { event: toRecordedEvent(record), commitPosition };
  const link = toRecordedEvent(record);
  const revision = Number(revisionText.trim());
  const target = at < 0 || revision < 0 ? undefined : lookup(text.slice(at + 1), revision);
  return target === undefined ? { link, commitPosition } : { event: toRecordedEvent(target), link, commitPosition };
}

/**
 * As the client converts a record: JSON data parsed (its text when it does not parse), binary data
 * as a Uint8Array; metadata parsed when it is JSON, bytes when not, undefined when empty. Parsed
 * afresh on every read, so a reader cannot alter what others read.
 */
export function toRecordedEvent(record: FakeRecord): EsdbRecordedEvent {
  return {
    streamId: record.streamId,
    id: record.id,
    revision: record.revision,
    type: record.type,
    isJson: record.isJson,
    data: record.isJson ? parseOr(textOf(record.data), (text) => text) : Uint8Array.from(record.data),
    metadata: record.metadata.byteLength === 0 ? undefined : parseOr(textOf(record.metadata), () => Uint8Array.from(record.metadata)),
    created: record.created,
    position: record.position,
  };
}

function parseOr(text: string, fallback: (text: string) => unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback(text);
  }
}
