import type { Database, Statement } from 'better-sqlite3';
import { DuplicateEventIdError } from '../event-store.errors';
import { AppendResult, DecidedOn, EventToAppend, ExpectedRevision } from '../event-store.port';
import { AppendedEventRef, appendResultOf } from '../shared/append-result';
import { assertDecidedOn, assertExpectedRevision, NO_STREAM_REVISION } from '../shared/expected-revision';
import { SerializedEvent, serializeEvent } from '../shared/serialized-event';
import { Outcome } from './group-commit';
import { LogTreePipeline } from './log-tree-pipeline';
import { OpenedFile } from './opened-file';

/** Statements both the appender and the store's own reads run. */
export const LOOKUP_SQL = {
  commandEvents: 'SELECT stream, stream_revision AS streamRevision, position, event_id AS eventId FROM events WHERE command_id = ? ORDER BY position',
  streamRevision: 'SELECT MAX(stream_revision) FROM events WHERE stream = ?',
  headPosition: 'SELECT COALESCE(MAX(position), 0) FROM events',
  eventIdExists: 'SELECT 1 FROM events WHERE event_id = ?',
} as const;

/** An event with its data and metadata already JSON text: made on the caller's thread, so a value JSON refuses fails there. */
export type PreparedEvent = Omit<SerializedEvent, 'position' | 'stream' | 'streamRevision'>;

export interface AppendRequest {
  readonly stream: string;
  readonly events: readonly PreparedEvent[];
  readonly expected: ExpectedRevision;
  readonly decidedOn?: readonly DecidedOn[];
  readonly commandId: string;
}

export function prepareEvent(event: EventToAppend): PreparedEvent {
  const { position: _position, stream: _stream, streamRevision: _revision, ...prepared } = serializeEvent(event, '', 0, 0);
  return prepared;
}

/**
 * Writes groups of appends on one connection: one `BEGIN IMMEDIATE` transaction per group, each
 * append in its own savepoint that checks its command id and expected revision and assigns global
 * positions while the file's write lock is held, so a refused append is rolled back alone. Used on
 * the store's own connection, or on the writer thread's (see `sqlite-writer-thread.ts`).
 */
export class SqliteAppender {
  private readonly commandEvents: Statement<[string], AppendedEventRef>;
  private readonly streamRevision: Statement<[string], number | null>;
  private readonly headPosition: Statement<[], number>;
  private readonly eventIdExists: Statement<[string], number>;
  private readonly insertEvent: Statement<[SerializedEvent]>;
  private readonly appendGroup: (requests: readonly AppendRequest[]) => Outcome<AppendResult>[];
  private readonly logTree: LogTreePipeline | undefined;
  /** The events the group under way has written, in position order, for the log's tree. */
  private written: SerializedEvent[] = [];

  constructor(db: Database, options: { readonly extendLogTree: boolean }) {
    const file = new OpenedFile(db.name);
    this.logTree = options.extendLogTree ? new LogTreePipeline(db) : undefined;
    this.commandEvents = db.prepare<[string], AppendedEventRef>(LOOKUP_SQL.commandEvents);
    this.streamRevision = db.prepare<[string], number | null>(LOOKUP_SQL.streamRevision).pluck();
    this.headPosition = db.prepare<[], number>(LOOKUP_SQL.headPosition).pluck();
    this.eventIdExists = db.prepare<[string], number>(LOOKUP_SQL.eventIdExists).pluck();
    this.insertEvent = db.prepare<[SerializedEvent]>(
      `INSERT INTO events (position, event_id, stream, stream_revision, type, schema_version, data, metadata, command_id)
       VALUES (@position, @eventId, @stream, @streamRevision, @type, @schemaVersion, @data, @metadata, @commandId)`,
    );
    // Called inside the group's transaction, a transaction function becomes a savepoint.
    const appendOne = db.transaction((request: AppendRequest) => this.appendUnderWriteLock(request));
    const group = db.transaction((requests: readonly AppendRequest[]) => {
      this.written = [];
      this.logTree?.insideGroup();
      const outcomes = requests.map((request) => {
        const outcome = outcomeOf(() => appendOne(request));
        // SQLite undoes the whole transaction itself after some errors (a full disk): the group
        // is then lost as a whole, and must not go on outside a transaction.
        if (!outcome.ok && !db.inTransaction) throw outcome.error;
        return outcome;
      });
      return outcomes;
    });
    // IMMEDIATE takes the write lock before the first read, so the revisions and head read cannot
    // change before the writes: another process's append waits (busy_timeout) instead.
    this.appendGroup = (requests) => {
      file.assertStillThere();
      this.logTree?.beforeGroup();
      try {
        const outcomes = group.immediate(requests);
        this.logTree?.groupCommitted(this.written);
        return outcomes;
      } finally {
        this.written = [];
        this.logTree?.afterGroup();
      }
    };
  }

  /** Computes and stores what the log tree has pending, before the connection closes. */
  close(): void {
    this.logTree?.close();
  }

  /** Each request's own outcome; throws only when the group's transaction cannot begin or commit. */
  appendTogether(requests: readonly AppendRequest[]): Outcome<AppendResult>[] {
    return this.appendGroup(requests);
  }

  private appendUnderWriteLock({ stream, events, expected, decidedOn, commandId }: AppendRequest): AppendResult {
    // Checked first, inside the lock: a retried command is answered even if the stream moved on.
    const earlier = appendResultOf(this.commandEvents.all(commandId), true);
    if (earlier) return earlier;

    const revision = this.streamRevision.get(stream) ?? NO_STREAM_REVISION;
    assertExpectedRevision(stream, expected, revision);
    assertDecidedOn(decidedOn, (read) => this.streamRevision.get(read) ?? NO_STREAM_REVISION);
    const reused = events.find((event) => this.eventIdExists.get(event.eventId) !== undefined);
    if (reused) throw new DuplicateEventIdError(reused.eventId);

    const head = this.headPosition.get() ?? 0;
    const serialized: SerializedEvent[] = events.map((event, index) => ({
      ...event,
      stream,
      streamRevision: revision + 1 + index,
      position: head + 1 + index,
    }));
    for (const event of serialized) this.insertEvent.run(event);
    const result = appendResultOf(serialized, false);
    if (result === undefined) throw new Error('unreachable: validateAppend refuses empty batches');
    // Last, so that an append its savepoint rolled back leaves nothing for the tree.
    this.written.push(...serialized);
    return result;
  }
}

function outcomeOf<T>(work: () => T): Outcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error };
  }
}
