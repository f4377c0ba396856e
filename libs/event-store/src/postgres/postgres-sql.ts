/** The store's statements for one schema (already quoted); parameters are noted with each. */
export interface EventSql {
  /** $1 lock key: waits for, then holds until commit or rollback, the schema's append lock. */
  readonly lockAppends: string;
  /** $1 command id: the events that command appended, as refs, in position order. */
  readonly commandEvents: string;
  /** $1 stream, $2 event ids: the stream's revision (-1 if none), the head, the ids already stored. */
  readonly appendState: string;
  /** $1..$9 one array per column, one element per event, in position order. */
  readonly insertEvents: string;
  /** $1 stream. */
  readonly streamRevision: string;
  readonly streamRevisions: string;
  /** $1 event ids: those already stored. */
  readonly storedEventIds: string;
  /** $1 stream. */
  readonly readStream: string;
  /** $1 event id (a UUID): the stream holding it, if any. */
  readonly streamOfEvent: string;
  /** $1 after, $2 limit (null for no limit). */
  readonly readAll: string;
  /** As `readAll`, each row with its metadata's recordedAt. */
  readonly readAllSkimmed: string;
  readonly headPosition: string;
}

/**
 * Columns named as `EventRow` names them. Data and metadata come back as their exact text (pg would
 * otherwise parse JSON itself), so the shared `deserializeEvent` reads them as every adapter does.
 */
const EVENT_COLUMNS = `position, event_id::text AS "eventId", stream, stream_revision AS "streamRevision", type,
  schema_version AS "schemaVersion", data::text AS data, metadata::text AS metadata`;

const REF_COLUMNS = 'stream, stream_revision AS "streamRevision", position, event_id::text AS "eventId"';

export function eventSql(schema: string): EventSql {
  const events = `${schema}.events`;
  const storedEventIds = (parameter: string): string =>
    `ARRAY(SELECT event_id::text FROM ${events} WHERE event_id = ANY(${parameter}::uuid[])) AS "storedEventIds"`;
  return {
    lockAppends: 'SELECT pg_advisory_xact_lock($1::bigint)',
    commandEvents: `SELECT ${REF_COLUMNS} FROM ${events} WHERE command_id = $1 ORDER BY position`,
    appendState: `SELECT
        (SELECT COALESCE(MAX(stream_revision), -1) FROM ${events} WHERE stream = $1) AS revision,
        (SELECT COALESCE(MAX(position), 0) FROM ${events}) AS head,
        ${storedEventIds('$2')}`,
    // One statement for the whole batch, however long: unnest turns the column arrays into rows.
    insertEvents: `INSERT INTO ${events} (position, event_id, stream, stream_revision, type, schema_version, data, metadata, command_id)
      SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::integer[], $5::text[], $6::integer[], $7::json[], $8::json[], $9::text[])`,
    streamRevision: `SELECT COALESCE(MAX(stream_revision), -1) AS revision FROM ${events} WHERE stream = $1`,
    // $1 the streams' names. Each stream's own MAX, so that each is read from the (stream, stream_revision) index's end.
    streamRevisions: `SELECT name AS stream, (SELECT COALESCE(MAX(stream_revision), -1) FROM ${events} WHERE stream = name) AS revision FROM unnest($1::text[]) AS name`,
    storedEventIds: `SELECT ${storedEventIds('$1')}`,
    readStream: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE stream = $1 AND stream_revision >= $2::bigint AND stream_revision < $3::bigint ORDER BY stream_revision`,
    streamOfEvent: `SELECT stream FROM ${events} WHERE event_id = $1::uuid`,
    readAll: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE position > $1 ORDER BY position LIMIT $2`,
    readAllSkimmed: `SELECT ${EVENT_COLUMNS}, metadata->>'recordedAt' AS "recordedAt" FROM ${events} WHERE position > $1 ORDER BY position LIMIT $2`,
    headPosition: `SELECT COALESCE(MAX(position), 0) AS head FROM ${events}`,
  };
}
