import { existsSync } from 'node:fs';
import { isWellFormed } from '@concord/verifier';
import { join } from 'node:path';
import { OpenedFile } from './opened-file';
import type { Database, Statement } from 'better-sqlite3';
import { ConcurrencyError, DuplicateEventIdError, StoreUnavailableError } from '../event-store.errors';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  LogEntries,
  ReadAllOptions,
  ReadStreamOptions,
  SkimmedEvent,
  StoredEvent,
  StoredEventText,
  SubscribeOptions,
} from '../event-store.port';
import { AppendNotifier } from '../shared/append-notifier';
import { GroupCommit } from './group-commit';
import { AppendRequest, LOOKUP_SQL, prepareEvent, SqliteAppender } from './sqlite-appender';
import { InProcessWriter, SqliteWriter, ThreadWriter, WriterThreadEntry } from './sqlite-writers';
import { AppendedEventRef, appendResultOf } from '../shared/append-result';
import { validateAppend } from '../shared/append-validation';
import { catchUpSubscription } from '../shared/catch-up-subscription';
import { NO_STREAM_REVISION } from '../shared/expected-revision';
import { toReadRange } from '../shared/read-all-options';
import { revisionRangeOf } from '../shared/read-stream-options';
import { SerializedEvent } from '../shared/serialized-event';
import { withEveryRevision } from '../shared/stream-revisions';
import {
  LOG_EVENT_COLUMNS,
  LogEventRow,
  SKIMMED_EVENT_COLUMNS,
  SkimmedEventRow,
  STREAM_EVENT_COLUMNS,
  StreamEventRow,
  logEventsOf,
  skimmedEventsOf,
  streamEventsOf,
} from './sqlite-event-rows';
import { IN_MEMORY_PATH, openSqliteConnection, readConnectionSettings, SqliteConnectionSettings } from './sqlite-connection';
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
  /**
   * Where appends are written: `thread` (a writer thread with its own connection, so the event
   * loop goes on during each commit's fsync) or `in-process` (this connection). Default: the
   * thread, where its compiled entry exists and the file is not `:memory:` (a private in-memory
   * database cannot be shared with another connection).
   */
  readonly writer?: 'thread' | 'in-process';
  /** How to start the writer thread, for tests that run from TypeScript sources. */
  readonly writerThread?: WriterThreadEntry;
  /**
   * Whether appends extend the transparency log's Merkle tree in their own transaction (default
   * true). Off only to measure what the tree costs, or for a file whose tree is kept elsewhere.
   */
  readonly extendLogTree?: boolean;
}

const WRITER_THREAD_ENTRY = join(__dirname, 'sqlite-writer-thread.js');

const DEFAULT_POLL_INTERVAL_MS = 50;
const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const SUBSCRIPTION_BATCH_SIZE = 500;
/** Column names as `SerializedEvent` names them, so rows need no mapping. */
const EVENT_COLUMNS = 'position, event_id AS eventId, stream, stream_revision AS streamRevision, type, schema_version AS schemaVersion, data, metadata';

type EventRow = Omit<SerializedEvent, 'commandId'>;

/**
 * Each event's log entry as ledgerEntryOfCanonicalText assembles it, built by SQLite with its
 * leaf beside it. A string json_quote wrote otherwise than JSON.stringify would (it never does for
 * these ids and names) only makes a verifier hash the entry the long way.
 */
const LOG_ENTRIES_SQL = `
  SELECT e.position,
         '{"data":' || e.data || ',"eventId":' || json_quote(e.event_id) || ',"metadata":' || e.metadata ||
         ',"position":' || e.position || ',"schemaVersion":' || e.schema_version || ',"stream":' || json_quote(e.stream) ||
         ',"streamRevision":' || e.stream_revision || ',"type":' || json_quote(e.type) || '}',
         n.hash,
         json_valid(e.data) AND json_valid(e.metadata)
  FROM events e LEFT JOIN log_tree n ON n.node = (e.position - 1) * 64
  WHERE e.position > ? AND e.position <= ? ORDER BY e.position`;

interface Statements {
  readonly commandEvents: Statement<[string], AppendedEventRef>;
  readonly streamRevision: Statement<[string], number | null>;
  readonly headPosition: Statement<[], number>;
  readonly eventIdExists: Statement<[string], number>;
  readonly streamOfEvent: Statement<[string], string>;
  readonly readStream: Statement<[string, number, number], StreamEventRow>;
  readonly readAll: Statement<[number, number], LogEventRow>;
  readonly readAllText: Statement<[number, number], EventRow>;
  readonly readAllSkimmed: Statement<[number, number], SkimmedEventRow>;
  readonly readLogEntries: Statement<[number, number], [number, string, Buffer | null, number]>;
}

/**
 * The embedded default store: one SQLite file, which several processes may share. Appends are
 * group-committed (`GroupCommit`, `SqliteAppender`): those made while a group commits form the
 * next, one `BEGIN IMMEDIATE` transaction and one fsync, each append in its own savepoint that
 * checks its command id and expected revision and assigns global positions under the file's write
 * lock, so writers from any process take turns, positions stay gapless, and one refused append is
 * rolled back alone. Groups are written by a writer thread with its own connection, so the event
 * loop goes on during the fsync; each turn's group is handed to it at once, and the groups that
 * queued while it committed share its next transaction. With `writer: 'in-process'` (the CLI, a
 * private `:memory:` database) they are written on this connection instead. An append is answered
 * only after its group's COMMIT has returned, with synchronous=FULL: durable. Reads use this
 * connection. Live
 * subscriptions are woken at once by this instance's appends and see other processes' appends
 * within `pollIntervalMs`.
 */
export class SqliteEventStore implements EventStore {
  private readonly notifier = new AppendNotifier();
  private readonly statements: Statements;
  private readonly appends: GroupCommit<AppendRequest, AppendResult>;
  private readonly file: OpenedFile;

  /** Opens (creating if needed) the store in `filePath`; `:memory:` gives a private in-memory database. */
  static async open(filePath: string, options: SqliteEventStoreOptions = {}): Promise<SqliteEventStore> {
    const pollIntervalMs = integerAtLeast('pollIntervalMs', options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, 1);
    const busyTimeoutMs = integerAtLeast('busyTimeoutMs', options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, 0);
    const db = openSqliteConnection(filePath, busyTimeoutMs);
    const thread = options.writerThread ?? { entry: WRITER_THREAD_ENTRY };
    const useThread =
      filePath !== IN_MEMORY_PATH &&
      (options.writer === 'thread' || (options.writer === undefined && (options.writerThread !== undefined || existsSync(WRITER_THREAD_ENTRY))));
    let writer: SqliteWriter;
    try {
      const extendLogTree = options.extendLogTree ?? true;
      writer = useThread
        ? await ThreadWriter.start(thread, { filePath, busyTimeoutMs, extendLogTree })
        : new InProcessWriter(new SqliteAppender(db, { extendLogTree }));
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteEventStore(db, filePath, pollIntervalMs, writer);
  }

  /** Where this store's appends are written (see `SqliteEventStoreOptions.writer`). */
  readonly writes: 'thread' | 'in-process';

  private constructor(
    private readonly db: Database,
    readonly filePath: string,
    private readonly pollIntervalMs: number,
    private readonly writer: SqliteWriter,
  ) {
    this.statements = prepareStatements(db);
    this.file = new OpenedFile(db.name);
    this.writes = writer instanceof ThreadWriter ? 'thread' : 'in-process';
    // Pipelined: the writer thread queues groups and runs them in order; the in-process writer
    // answers at once, so its groups never overlap.
    this.appends = new GroupCommit((requests) => writer.appendTogether(requests), { pipelined: true });
  }

  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const commandId = validateAppend(stream, events, options);
    this.assertOpen();
    let result: AppendResult;
    try {
      const request = { stream, events: events.map(prepareEvent), expected: options.expectedRevision, decidedOn: options.decidedOn, commandId };
      result = await this.appends.submit(request);
    } catch (error) {
      throw this.appendError(error, stream, events, options.expectedRevision);
    }
    if (!result.duplicate) this.notifier.notify();
    return result;
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const { from, to } = revisionRangeOf(options);
    // No append can store such a name; answered here, whatever the driver would send for it, no
    // event read back is ever labelled with a name other than its own (the row omits the stream).
    if (!isWellFormed(stream)) return [];
    return this.query(() => withEveryRevision(stream, from, streamEventsOf(stream, this.statements.readStream.all(stream, from, to))));
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.query(() => logEventsOf(this.statements.readAll.all(...positionRangeOf(options))));
  }

  async readLogEntries(options?: ReadAllOptions): Promise<LogEntries> {
    const rows = this.query(() => this.statements.readLogEntries.all(...positionRangeOf(options)));
    return {
      positions: rows.map((row) => row[0]),
      entries: rows.map((row) => row[1]),
      leaves: rows.map((row) => row[2] ?? undefined),
      readable: rows.map((row) => row[3] === 1),
    };
  }

  async readAllText(options?: ReadAllOptions): Promise<StoredEventText[]> {
    return this.query(() => this.statements.readAllText.all(...positionRangeOf(options)));
  }

  async readAllSkimmed(options?: ReadAllOptions): Promise<SkimmedEvent[]> {
    return this.query(() => skimmedEventsOf(this.statements.readAllSkimmed.all(...positionRangeOf(options))));
  }

  /**
   * The log's head, as long as the file opened is still the ledger's: health checks and `/metrics`
   * ask this, and a file removed or replaced takes every append (see OpenedFile).
   */
  async headPosition(): Promise<number> {
    return this.query(() => {
      this.file.assertStillThere();
      return this.statements.headPosition.get() ?? 0;
    });
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
    await this.appends.flush();
    this.notifier.close();
    await this.writer.close();
    this.db.close();
  }

  /** The pragmas in force, as SQLite reports them: for health checks and tests. */
  connectionSettings(): SqliteConnectionSettings {
    return this.query(() => readConnectionSettings(this.db));
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

/** A page of the log as the bounds its statements take: after a position, through another (positions are gapless). */
function positionRangeOf(options: ReadAllOptions | undefined): [after: number, through: number] {
  const { after, limit } = toReadRange(options);
  return [after, limit === undefined ? Number.MAX_SAFE_INTEGER : after + limit];
}

function prepareStatements(db: Database): Statements {
  return {
    commandEvents: db.prepare<[string], AppendedEventRef>(LOOKUP_SQL.commandEvents),
    streamRevision: db.prepare<[string], number | null>(LOOKUP_SQL.streamRevision).pluck(),
    headPosition: db.prepare<[], number>(LOOKUP_SQL.headPosition).pluck(),
    eventIdExists: db.prepare<[string], number>(LOOKUP_SQL.eventIdExists).pluck(),
    streamOfEvent: db.prepare<[string], string>('SELECT stream FROM events WHERE event_id = ?').pluck(),
    readStream: db
      .prepare<[string, number, number], StreamEventRow>(
        `SELECT ${STREAM_EVENT_COLUMNS} FROM events WHERE stream = ? AND stream_revision >= ? AND stream_revision < ? ORDER BY stream_revision`,
      )
      .raw(),
    // Positions are gapless, so a page is a range of them: a bound LIMIT parameter cost about 14 µs
    // a call more (measured with better-sqlite3 12), paid by every catch-up before a query.
    readAll: db.prepare<[number, number], LogEventRow>(`SELECT ${LOG_EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position`).raw(),
    readAllText: db.prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position`),
    readAllSkimmed: db
      .prepare<[number, number], SkimmedEventRow>(`SELECT ${SKIMMED_EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position`)
      .raw(),
    readLogEntries: db.prepare<[number, number], [number, string, Buffer | null, number]>(LOG_ENTRIES_SQL).raw(),
  };
}

function integerAtLeast(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) throw new TypeError(`${name} must be an integer >= ${minimum}, got ${String(value)}`);
  return value;
}
