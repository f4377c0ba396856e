import type { Database, Statement } from 'better-sqlite3';
import { ConcurrencyError, DuplicateEventIdError, StoreUnavailableError } from '../event-store.errors';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
} from '../event-store.port';
import { AppendNotifier } from '../shared/append-notifier';
import { GroupCommit, Outcome } from './group-commit';
import { AppendedEventRef, appendResultOf } from '../shared/append-result';
import { validateAppend } from '../shared/append-validation';
import { catchUpSubscription } from '../shared/catch-up-subscription';
import { assertExpectedRevision, NO_STREAM_REVISION } from '../shared/expected-revision';
import { toReadRange } from '../shared/read-all-options';
import { fromRevisionOf } from '../shared/read-stream-options';
import { deserializeEvent, SerializedEvent, serializeEvent } from '../shared/serialized-event';
import { openSqliteConnection, readConnectionSettings, SqliteConnectionSettings } from './sqlite-connection';
import { isUniqueViolationOf, toStoreError } from './sqlite-errors';

export interface SqliteEventStoreOptions {
  /** How often live subscriptions look for appends made by other processes. Default 50 ms. */
  readonly pollIntervalMs?: number;
  /**
   * How long a write waits for another process's write lock before failing with
   * `StoreUnavailableError`. SQLite waits synchronously, blocking this process's event loop, which
   * is acceptable because every write transaction is one short append. Default 5000 ms.
   */
  readonly busyTimeoutMs?: number;
}

const DEFAULT_POLL_INTERVAL_MS = 50;
const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const SUBSCRIPTION_BATCH_SIZE = 500;
/** LIMIT -1 is SQLite for "no limit". */
const NO_LIMIT = -1;
/** Column names as `SerializedEvent` names them, so rows need no mapping. */
const EVENT_COLUMNS = 'position, event_id AS eventId, stream, stream_revision AS streamRevision, type, schema_version AS schemaVersion, data, metadata';

type EventRow = Omit<SerializedEvent, 'commandId'>;

interface AppendRequest {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
  readonly commandId: string;
}

interface Statements {
  readonly commandEvents: Statement<[string], AppendedEventRef>;
  readonly streamRevision: Statement<[string], number | null>;
  readonly headPosition: Statement<[], number>;
  readonly eventIdExists: Statement<[string], number>;
  readonly streamOfEvent: Statement<[string], string>;
  readonly insertEvent: Statement<[SerializedEvent]>;
  readonly readStream: Statement<[string, number], EventRow>;
  readonly readAll: Statement<[number, number], EventRow>;
}

/**
 * The embedded default store: one SQLite file, which several processes may share. Appends made in
 * one turn of the event loop are group-committed: one `BEGIN IMMEDIATE` transaction, one fsync,
 * each append in its own savepoint that checks its command id and expected revision and assigns
 * global positions while the file's write lock is held, so writers from any process take turns,
 * positions stay gapless, and one refused append is rolled back alone. An append is answered only
 * after its group's COMMIT has returned, with synchronous=FULL: durable. Live subscriptions are woken at once by this instance's
 * appends and see other processes' appends within `pollIntervalMs`.
 */
export class SqliteEventStore implements EventStore {
  private readonly notifier = new AppendNotifier();
  private readonly statements: Statements;
  private readonly appends: GroupCommit<AppendRequest, AppendResult>;

  /** Opens (creating if needed) the store in `filePath`; `:memory:` gives a private in-memory database. */
  static async open(filePath: string, options: SqliteEventStoreOptions = {}): Promise<SqliteEventStore> {
    const pollIntervalMs = integerAtLeast('pollIntervalMs', options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, 1);
    const busyTimeoutMs = integerAtLeast('busyTimeoutMs', options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, 0);
    return new SqliteEventStore(openSqliteConnection(filePath, busyTimeoutMs), filePath, pollIntervalMs);
  }

  private constructor(
    private readonly db: Database,
    readonly filePath: string,
    private readonly pollIntervalMs: number,
  ) {
    this.statements = prepareStatements(db);
    // Called inside the group's transaction, each append is a savepoint: refused alone, it is rolled back alone.
    const appendOne = db.transaction((request: AppendRequest) => this.appendUnderWriteLock(request.stream, request.events, request.expected, request.commandId));
    const appendTogether = db.transaction((requests: readonly AppendRequest[]) => requests.map((request) => outcomeOf(() => appendOne(request))));
    // IMMEDIATE takes the write lock before the first read, so the revisions and head we read
    // cannot change before we write: another process's append waits (busy_timeout) instead.
    this.appends = new GroupCommit((requests) => appendTogether.immediate(requests));
  }

  async append(stream: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const commandId = validateAppend(stream, events, options.expectedRevision);
    this.assertOpen();
    let result: AppendResult;
    try {
      result = await this.appends.submit({ stream, events, expected: options.expectedRevision, commandId });
    } catch (error) {
      throw this.appendError(error, stream, events, options.expectedRevision);
    }
    if (!result.duplicate) this.notifier.notify();
    return result;
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const from = fromRevisionOf(options);
    return this.query(() => this.statements.readStream.all(stream, from).map(deserializeEvent));
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    const { after, limit } = toReadRange(options);
    return this.query(() => this.statements.readAll.all(after, limit ?? NO_LIMIT).map(deserializeEvent));
  }

  async headPosition(): Promise<number> {
    return this.query(() => this.statements.headPosition.get() ?? 0);
  }

  async streamOf(eventId: string): Promise<string | undefined> {
    return this.query(() => this.statements.streamOfEvent.get(eventId));
  }

  /** The append's original result, so `duplicate` is false: it describes the write that happened. */
  async findCommand(commandId: string): Promise<AppendResult | undefined> {
    return this.query(() => this.commandResult(commandId, false));
  }

  subscribe(options?: SubscribeOptions): AsyncIterable<StoredEvent> {
    return catchUpSubscription(
      {
        readAfter: (after, limit) => this.readAll({ after, limit }),
        notifier: this.notifier,
        pollIntervalMs: this.pollIntervalMs,
        batchSize: SUBSCRIPTION_BATCH_SIZE,
      },
      options,
    );
  }

  /** Ends live subscriptions and closes the file; calling it again does nothing. */
  async close(): Promise<void> {
    if (this.notifier.isClosed) return;
    this.appends.flush();
    this.notifier.close();
    this.db.close();
  }

  /** The pragmas in force, as SQLite reports them: for health checks and tests. */
  connectionSettings(): SqliteConnectionSettings {
    return this.query(() => readConnectionSettings(this.db));
  }

  private appendUnderWriteLock(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision, commandId: string): AppendResult {
    // Checked first, inside the lock: a retried command is answered even if the stream moved on.
    const earlier = this.commandResult(commandId, true);
    if (earlier) return earlier;

    const revision = this.currentRevision(stream);
    assertExpectedRevision(stream, expected, revision);
    const reused = events.find((event) => this.statements.eventIdExists.get(event.eventId) !== undefined);
    if (reused) throw new DuplicateEventIdError(reused.eventId);

    const head = this.statements.headPosition.get() ?? 0;
    const serialized = events.map((event, index) => serializeEvent(event, stream, revision + 1 + index, head + 1 + index));
    for (const event of serialized) this.statements.insertEvent.run(event);
    const result = appendResultOf(serialized, false);
    if (result === undefined) throw new Error('unreachable: validateAppend refuses empty batches');
    return result;
  }

  private commandResult(commandId: string, duplicate: boolean): AppendResult | undefined {
    return appendResultOf(this.statements.commandEvents.all(commandId), duplicate);
  }

  private currentRevision(stream: string): number {
    return this.statements.streamRevision.get(stream) ?? NO_STREAM_REVISION;
  }

  /**
   * The transaction already reports conflicts it can see; the UNIQUE constraints are the safety
   * net for a writer that got past the lock (e.g. an older build that did not take it), and are
   * reported the same way.
   */
  private appendError(error: unknown, stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): unknown {
    if (isUniqueViolationOf(error, 'events.stream, events.stream_revision')) {
      return new ConcurrencyError(stream, expected, this.currentRevision(stream));
    }
    if (isUniqueViolationOf(error, 'events.event_id')) {
      const reused = events.find((event) => this.statements.eventIdExists.get(event.eventId) !== undefined);
      return new DuplicateEventIdError(reused?.eventId ?? 'of this batch');
    }
    return toStoreError(error, this.filePath);
  }

  private query<T>(read: () => T): T {
    this.assertOpen();
    try {
      return read();
    } catch (error) {
      throw toStoreError(error, this.filePath);
    }
  }

  private assertOpen(): void {
    if (this.notifier.isClosed) throw new StoreUnavailableError(`SQLite event store at ${this.filePath} is closed`);
  }
}

function prepareStatements(db: Database): Statements {
  return {
    commandEvents: db.prepare<[string], AppendedEventRef>(
      'SELECT stream, stream_revision AS streamRevision, position, event_id AS eventId FROM events WHERE command_id = ? ORDER BY position',
    ),
    streamRevision: db.prepare<[string], number | null>('SELECT MAX(stream_revision) FROM events WHERE stream = ?').pluck(),
    headPosition: db.prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck(),
    eventIdExists: db.prepare<[string], number>('SELECT 1 FROM events WHERE event_id = ?').pluck(),
    streamOfEvent: db.prepare<[string], string>('SELECT stream FROM events WHERE event_id = ?').pluck(),
    insertEvent: db.prepare<[SerializedEvent]>(
      `INSERT INTO events (position, event_id, stream, stream_revision, type, schema_version, data, metadata, command_id)
       VALUES (@position, @eventId, @stream, @streamRevision, @type, @schemaVersion, @data, @metadata, @commandId)`,
    ),
    readStream: db.prepare<[string, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND stream_revision >= ? ORDER BY stream_revision`),
    readAll: db.prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
  };
}

function outcomeOf<T>(work: () => T): Outcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error };
  }
}

function integerAtLeast(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) throw new TypeError(`${name} must be an integer >= ${minimum}, got ${String(value)}`);
  return value;
}
