import type { ClientBase } from 'pg';
import { DuplicateEventIdError } from '../event-store.errors';
import { AppendResult, DecidedOn, EventToAppend, ExpectedRevision } from '../event-store.port';
import { appendResultOf } from '../shared/append-result';
import { assertDecidedOn, assertExpectedRevision } from '../shared/expected-revision';
import { SerializedEvent, serializeEvent } from '../shared/serialized-event';
import { AppendStateRow, EventRefRow, toEventRef, toPosition } from './postgres-rows';
import { EventSql } from './postgres-sql';

/** Lower-case and hyphenated, as `randomUUID` and the ledger's `uuidV7` write them. */
export const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Event ids live in a UUID column, which refuses anything else and gives back the canonical form:
 * an upper-case id would come back lower-case, so the stored envelope would differ from the one
 * appended. Such ids are refused up front with the port's `TypeError` for malformed appends.
 */
export function assertCanonicalUuidEventIds(stream: string, events: readonly EventToAppend[]): void {
  const odd = events.find((event) => !CANONICAL_UUID.test(event.eventId));
  if (odd) throw new TypeError(`append to ${stream}: event id ${JSON.stringify(odd.eventId)} is not a lower-case UUID, which the PostgreSQL store requires`);
}

export interface AppendRequest {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expectedRevision: ExpectedRevision;
  readonly decidedOn?: readonly DecidedOn[];
  readonly commandId: string;
}

/**
 * Writes one append inside a READ COMMITTED transaction opened by the caller, who commits it.
 *
 * Why positions are not a sequence (or BIGSERIAL): `nextval` hands out numbers when rows are
 * inserted, but transactions commit in their own order. If writer A draws position 5, then writer
 * B draws 6 and commits first, a subscriber reading "position > 4" sees 6, yields it and moves its
 * cursor to 6; when A commits 5 a moment later, nothing ever reads it again: the event is skipped
 * for good. (A rolled-back append also burns its numbers, leaving holes the port forbids.)
 *
 * Why the lock fixes it: every append first takes the same transaction-scoped advisory lock, held
 * until commit or rollback, and only then reads the head and numbers its events head+1... So
 * appends from every process take turns: the next writer reads the head only once the previous
 * one has committed (PostgreSQL makes a commit visible before releasing its locks), positions are
 * assigned in commit order, a rollback gives its numbers back, and any snapshot a reader takes
 * sees a gapless prefix 1..k of the log. The same lock makes the command-id and expected-revision
 * checks race-free; the UNIQUE constraints remain as a safety net.
 *
 * The cost: one append at a time per ledger (per schema), across all processes, each holding the
 * lock for a few round trips plus its commit. Reads and subscriptions never wait for it.
 *
 * The lock is a statement of its own because a READ COMMITTED statement reads from a snapshot
 * taken when it starts: reads in the same statement as the lock wait would miss the commit that
 * released it. For the same reason the transaction must not be REPEATABLE READ or SERIALIZABLE,
 * whose snapshot would predate the lock wait.
 */
export async function appendUnderLock(client: ClientBase, sql: EventSql, lockKey: string, request: AppendRequest): Promise<AppendResult> {
  const { stream, events, expectedRevision, decidedOn, commandId } = request;
  await client.query(sql.lockAppends, [lockKey]);

  // Checked first: a retried command is answered even if its stream has moved on since.
  const earlier = await client.query<EventRefRow>(sql.commandEvents, [commandId]);
  const duplicate = appendResultOf(earlier.rows.map(toEventRef), true);
  if (duplicate) return duplicate;

  const state = await readAppendState(client, sql, stream, events);
  assertExpectedRevision(stream, expectedRevision, state.revision);
  if (decidedOn !== undefined && decidedOn.length > 0) {
    // Under the same lock as every append: the streams read cannot move before this one commits.
    const { rows } = await client.query<{ stream: string; revision: number }>(sql.streamRevisions, [decidedOn.map((read) => read.stream)]);
    const revisions = new Map(rows.map((row) => [row.stream, Number(row.revision)]));
    assertDecidedOn(decidedOn, (read) => revisions.get(read) ?? -1);
  }
  const reused = events.find((event) => state.storedEventIds.includes(event.eventId));
  if (reused) throw new DuplicateEventIdError(reused.eventId);

  const head = toPosition(state.head);
  if (!Number.isSafeInteger(head + events.length))
    throw new RangeError(`appending ${events.length} events after position ${head} would pass Number.MAX_SAFE_INTEGER`);
  const serialized = events.map((event, index) => serializeEvent(event, stream, state.revision + 1 + index, head + 1 + index));
  await client.query(sql.insertEvents, columnsOf(serialized));
  const result = appendResultOf(serialized, false);
  if (result === undefined) throw new Error('unreachable: validateAppend refuses empty batches');
  return result;
}

async function readAppendState(client: ClientBase, sql: EventSql, stream: string, events: readonly EventToAppend[]): Promise<AppendStateRow> {
  const { rows } = await client.query<AppendStateRow>(sql.appendState, [stream, events.map((event) => event.eventId)]);
  const state = rows[0];
  if (state === undefined) throw new Error('unreachable: a SELECT without FROM returns one row');
  return state;
}

/** The batch as one array per column, in the order of `insertEvents`' parameters. */
function columnsOf(events: readonly SerializedEvent[]): unknown[] {
  return [
    events.map((event) => String(event.position)),
    events.map((event) => event.eventId),
    events.map((event) => event.stream),
    events.map((event) => event.streamRevision),
    events.map((event) => event.type),
    events.map((event) => event.schemaVersion),
    events.map((event) => event.data),
    events.map((event) => event.metadata),
    events.map((event) => event.commandId),
  ];
}
