import type { Pool, PoolClient } from 'pg';
import { isWellFormed } from '@concord/verifier';
import { ConcurrencyError, DuplicateEventIdError, StoreUnavailableError } from '../event-store.errors';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SkimmedEvent,
  StoredEvent,
  StoredEventText,
  SubscribeOptions,
} from '../event-store.port';
import { revisionRangeOf } from '../shared/read-stream-options';
import { AppendNotifier } from '../shared/append-notifier';
import { appendResultOf } from '../shared/append-result';
import { validateAppend } from '../shared/append-validation';
import { catchUpSubscription } from '../shared/catch-up-subscription';
import { toReadRange } from '../shared/read-all-options';
import { advisoryLockKey } from './postgres-advisory-locks';
import { appendUnderLock, assertCanonicalUuidEventIds, CANONICAL_UUID } from './postgres-append';
import { ledgerTableExists, openMigratedPool } from './postgres-connection';
import { isUniqueViolationOf, reasonOf, toStoreError } from './postgres-errors';
import { PostgresEventStoreOptions, PostgresSettings, resolvePostgresSettings } from './postgres-options';
import { EVENT_ID_CONSTRAINT, STREAM_REVISION_CONSTRAINT } from './postgres-schema';
import { EventRefRow, EventRow, SkimmedEventRow, toEventRef, toEventText, toPosition, toSkimmedEvent, toStoredEvent } from './postgres-rows';
import { deserializeEvent } from '../shared/serialized-event';
import { withEveryRevision } from '../shared/stream-revisions';
import { EventSql, eventSql } from './postgres-sql';
import { inTransaction } from './postgres-transaction';

export type { PostgresEventStoreOptions } from './postgres-options';

const SUBSCRIPTION_BATCH_SIZE = 500;

/**
 * The event store in a PostgreSQL schema. Appends from any number of processes take turns on an
 * advisory lock of the schema (see `postgres-append.ts`), which keeps positions gapless and in
 * commit order, so a subscriber following the log never skips an event. Live subscriptions are
 * woken at once by this instance's appends and see other processes' appends within
 * `pollIntervalMs`.
 */
export class PostgresEventStore implements EventStore {
  private readonly notifier = new AppendNotifier();
  private readonly sql: EventSql;
  private readonly appendLockKey: string;
  private closing: Promise<void> | undefined;

  /**
   * Creates the schema and its tables if needed (processes opening it at once take turns), then
   * returns a store on a pool of `poolSize` connections. Throws `TypeError` for bad options and
   * `StoreUnavailableError`, naming host, port, database and schema, when the server cannot be
   * reached or the schema cannot be prepared.
   */
  /** Whether the schema holds a ledger already; asks without creating anything. */
  static async exists(options: PostgresEventStoreOptions): Promise<boolean> {
    const settings = resolvePostgresSettings(options);
    try {
      return await ledgerTableExists(settings);
    } catch (error) {
      throw new StoreUnavailableError(`cannot reach PostgreSQL event store at ${settings.target}: ${reasonOf(error)}`, { cause: error });
    }
  }

  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const settings = resolvePostgresSettings(options);
    return new PostgresEventStore(await openMigratedPool(settings, 'event store'), settings);
  }

  private constructor(
    private readonly pool: Pool,
    private readonly settings: PostgresSettings,
  ) {
    this.sql = eventSql(settings.quotedSchema);
    this.appendLockKey = advisoryLockKey('append', settings.schema);
  }

  get schema(): string {
    return this.settings.schema;
  }

  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const commandId = validateAppend(stream, events, options);
    assertCanonicalUuidEventIds(stream, events);
    const request = { stream, events, expectedRevision: options.expectedRevision, decidedOn: options.decidedOn, commandId };
    let result: AppendResult;
    try {
      result = await this.inTransaction((client) => appendUnderLock(client, this.sql, this.appendLockKey, request));
    } catch (error) {
      throw await this.appendError(error, stream, events, options.expectedRevision);
    }
    if (!result.duplicate) this.notifier.notify();
    return result;
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const { from, to } = revisionRangeOf(options);
    // No append can store such a name, and the driver would send it with U+FFFD in its place.
    if (!isWellFormed(stream)) return [];
    return withEveryRevision(stream, from, (await this.query<EventRow>(this.sql.readStream, [stream, from, to])).map(toStoredEvent));
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return (await this.readAllText(options)).map(deserializeEvent);
  }

  async readAllText(options?: ReadAllOptions): Promise<StoredEventText[]> {
    const { after, limit } = toReadRange(options);
    return (await this.query<EventRow>(this.sql.readAll, [after, limit ?? null])).map(toEventText);
  }

  async readAllSkimmed(options?: ReadAllOptions): Promise<SkimmedEvent[]> {
    const { after, limit } = toReadRange(options);
    return (await this.query<SkimmedEventRow>(this.sql.readAllSkimmed, [after, limit ?? null])).map(toSkimmedEvent);
  }

  async headPosition(): Promise<number> {
    const [row] = await this.query<{ head: string }>(this.sql.headPosition, []);
    return toPosition(row?.head ?? '0');
  }

  /** Event ids are canonical UUIDs here (appends refuse others): any other string names no event. */
  async streamOf(eventId: string): Promise<string | undefined> {
    if (!CANONICAL_UUID.test(eventId)) return undefined;
    const [row] = await this.query<{ stream: string }>(this.sql.streamOfEvent, [eventId]);
    return row?.stream;
  }

  /** The append's original result, so `duplicate` is false: it describes the write that happened. */
  async findCommand(commandId: string): Promise<AppendResult | undefined> {
    const rows = await this.query<EventRefRow>(this.sql.commandEvents, [commandId]);
    return appendResultOf(rows.map(toEventRef), false);
  }

  /**
   * A read failing because the store closed under it ends the subscription quietly, as the port
   * asks; any other failure (the server went away) ends it with that error.
   */
  subscribe(options?: SubscribeOptions): AsyncIterable<StoredEvent> {
    const readAfter = async (after: number, limit: number): Promise<StoredEvent[]> => {
      try {
        return await this.readAll({ after, limit });
      } catch (error) {
        if (this.notifier.isClosed) return [];
        throw error;
      }
    };
    return catchUpSubscription(
      { readAfter, notifier: this.notifier, pollIntervalMs: this.settings.pollIntervalMs, batchSize: SUBSCRIPTION_BATCH_SIZE },
      options,
    );
  }

  /** Ends live subscriptions, then the pool once its queries in flight have finished. Idempotent. */
  async close(): Promise<void> {
    if (this.closing === undefined) {
      this.notifier.close();
      this.closing = this.pool.end().catch(() => undefined);
    }
    await this.closing;
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    this.assertOpen();
    return inTransaction(this.pool, work);
  }

  /**
   * The transaction already reports the conflicts it can see; the UNIQUE constraints are the
   * safety net for a writer that got past the lock (e.g. one that does not take it), and are
   * reported the same way.
   */
  private async appendError(error: unknown, stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<unknown> {
    if (isUniqueViolationOf(error, STREAM_REVISION_CONSTRAINT)) {
      const [row] = await this.query<{ revision: number }>(this.sql.streamRevision, [stream]);
      return new ConcurrencyError(stream, expected, row?.revision ?? -1);
    }
    if (isUniqueViolationOf(error, EVENT_ID_CONSTRAINT)) {
      const stored = await this.readEventIdsAmong(events);
      return new DuplicateEventIdError(events.find((event) => stored.includes(event.eventId))?.eventId ?? 'of this batch');
    }
    return this.storeError(error);
  }

  private async readEventIdsAmong(events: readonly EventToAppend[]): Promise<string[]> {
    const [row] = await this.query<{ storedEventIds: string[] }>(this.sql.storedEventIds, [events.map((event) => event.eventId)]);
    return row?.storedEventIds ?? [];
  }

  private async query<Row extends Record<string, unknown>>(text: string, values: unknown[]): Promise<Row[]> {
    this.assertOpen();
    try {
      return (await this.pool.query<Row>(text, values)).rows;
    } catch (error) {
      throw this.storeError(error);
    }
  }

  private storeError(error: unknown): unknown {
    if (this.notifier.isClosed && !(error instanceof StoreUnavailableError)) return this.closedError(error);
    return toStoreError(error, this.settings.target);
  }

  private assertOpen(): void {
    if (this.notifier.isClosed) throw this.closedError();
  }

  private closedError(cause?: unknown): StoreUnavailableError {
    return new StoreUnavailableError(`PostgreSQL event store at ${this.settings.target} is closed`, { cause });
  }
}
