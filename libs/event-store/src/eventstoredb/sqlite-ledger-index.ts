import { randomUUID } from 'node:crypto';
import type { Database, Statement, Transaction } from 'better-sqlite3';
import { StoreUnavailableError } from '../event-store.errors';
import { AppendResult } from '../event-store.port';
import { openSqliteDatabase } from '../sqlite/sqlite-connection';
import { AppendEnd, continuationOf, LedgerIndex } from './ledger-index';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { LedgerRecord } from './ledger-record';

/** The layout's version, in the file's `user_version`. */
const LAYOUT_VERSION = 1;

const LAYOUT = `
  CREATE TABLE IF NOT EXISTS index_state (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
  ) STRICT;
  -- One row per append; event_ids is a JSON array of its events' ids in position order.
  CREATE TABLE IF NOT EXISTS appends (
    first_position  INTEGER PRIMARY KEY,
    stream          TEXT    NOT NULL,
    stream_revision INTEGER NOT NULL,
    last_position   INTEGER NOT NULL,
    event_ids       TEXT    NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS appends_by_stream ON appends (stream, stream_revision);
  CREATE TABLE IF NOT EXISTS commands (
    command_id     TEXT PRIMARY KEY NOT NULL,
    first_position INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS event_ids (
    event_id TEXT PRIMARY KEY NOT NULL,
    stream   TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
`;

const APPEND_COLUMNS = 'first_position, stream, stream_revision, last_position, event_ids';
type AppendRow = [firstPosition: number, stream: string, streamRevision: number, lastPosition: number, eventIds: string];

interface Statements {
  readonly state: Statement<[string], string>;
  readonly setState: Statement<[string, string]>;
  readonly lastAppend: Statement<[string], AppendRow>;
  readonly appendsFrom: Statement<[string, number], AppendRow>;
  readonly appendAt: Statement<[number], AppendRow>;
  readonly commandAppend: Statement<[string], AppendRow>;
  readonly streamOfEvent: Statement<[string], string>;
  readonly streamsAfter: Statement<[{ position: number }], string>;
  readonly startAppend: Statement<[number, string, number, number, string]>;
  readonly extendAppend: Statement<[number, number, string, number]>;
  readonly keepCommand: Statement<[string, number]>;
  readonly keepEventId: Statement<[string, string]>;
}

/**
 * The ledger index in a SQLite file of the instance's data directory, so that an open reads only
 * the log's events since the last one indexed, whatever the log's length, and the index's size
 * costs disk, not memory. The file is derived from the log: it names the log it indexes, the store
 * compares its first and last indexed events with the log's at each open and starts it again when
 * they differ (another server, a log deleted and written anew), and a commit lost in a crash is
 * read from the log again. So it is written with synchronous=NORMAL, in one transaction per batch
 * of records. Processes sharing a data directory share the file: each batch is applied under the
 * file's write lock, passing over what another process indexed first.
 */
export class SqliteLedgerIndex implements LedgerIndex {
  private head = 0;
  /** Set anew at each reset: a process whose generation is no longer the file's must not answer from it. */
  private generation = '';
  private readonly statements: Statements;
  private readonly applyInTransaction: Transaction<(records: readonly LedgerRecord[]) => { head: number; failure?: unknown }>;
  private readonly resetInTransaction: Transaction<() => void>;
  private readonly readInTransaction: Transaction<(work: () => unknown) => unknown>;

  /** Opens (creating if needed) the index of `logStream` in `filePath`; an index of another log there is started again. */
  static open(filePath: string, logStream: string, busyTimeoutMs = 5000): SqliteLedgerIndex {
    const db = openSqliteDatabase(filePath, busyTimeoutMs, 'log index', prepareLayout);
    try {
      return new SqliteLedgerIndex(db, logStream);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(
    private readonly db: Database,
    private readonly logStream: string,
  ) {
    const statements = prepareStatements(db);
    this.statements = statements;
    this.applyInTransaction = db.transaction((records: readonly LedgerRecord[]) => this.applyUnderWriteLock(records));
    this.resetInTransaction = db.transaction(() => {
      db.exec('DELETE FROM appends; DELETE FROM commands; DELETE FROM event_ids;');
      statements.setState.run('head', '0');
      statements.setState.run('copies_level_through', '0');
      statements.setState.run('log', logStream);
      statements.setState.run('generation', randomUUID());
    });
    this.readInTransaction = db.transaction((work: () => unknown) => {
      this.assertCurrent();
      return work();
    });
    const opening = db.transaction(() => {
      if (statements.state.get('log') !== logStream || statements.state.get('generation') === undefined) this.resetInTransaction();
      this.generation = statements.state.get('generation') ?? '';
      this.head = this.storedNumber('head');
    });
    this.use(() => opening.immediate());
  }

  get headPosition(): number {
    return this.head;
  }

  get copiesLevelThrough(): number {
    return this.storedNumber('copies_level_through');
  }

  applyAll(records: readonly LedgerRecord[]): void {
    // Even with nothing to apply: the catch-up before a decision is where a reset by another process shows.
    const { head, failure } = this.use(() => this.applyInTransaction.immediate(records));
    this.head = head;
    if (failure !== undefined) throw failure;
  }

  consistently<T>(work: () => T): T {
    // What `work` throws (a refused expected revision, say) is the caller's, not the file's.
    let refused: { readonly error: unknown } | undefined;
    const result = this.use(() =>
      this.readInTransaction(() => {
        try {
          return work();
        } catch (error) {
          refused = { error };
          return undefined;
        }
      }),
    );
    if (refused !== undefined) throw refused.error;
    return result as T;
  }

  commandResult(commandId: string): AppendResult | undefined {
    const row = this.consistently(() => this.statements.commandAppend.get(commandId));
    return row === undefined ? undefined : resultOf(row);
  }

  hasEventId(eventId: string): boolean {
    return this.streamOf(eventId) !== undefined;
  }

  streamOf(eventId: string): string | undefined {
    return this.consistently(() => this.statements.streamOfEvent.get(eventId));
  }

  eventIdAt(position: number): string | undefined {
    return this.consistently(() => this.indexedEventIdAt(position));
  }

  streamRevision(stream: string): number {
    return this.consistently(() => this.statements.lastAppend.get(stream))?.[2] ?? -1;
  }

  appendsTo(stream: string, fromRevision = 0): AppendResult[] {
    return this.consistently(() => this.statements.appendsFrom.all(stream, fromRevision)).map(resultOf);
  }

  streamsAppendedAfter(position: number): string[] {
    return this.consistently(() => this.statements.streamsAfter.all({ position }));
  }

  markCopiesLevel(position: number): void {
    if (position > this.copiesLevelThrough) this.use(() => this.statements.setState.run('copies_level_through', String(position)));
  }

  reset(): void {
    this.use(() => this.resetInTransaction.immediate());
    this.generation = this.statements.state.get('generation') ?? '';
    this.head = 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Applies the records past the file's head, in one transaction. A record that does not continue
   * the log ends the batch before anything of it is written, and is returned, so what came before
   * it is kept; any other failure (a full disk) undoes the whole batch.
   */
  private applyUnderWriteLock(records: readonly LedgerRecord[]): { head: number; failure?: unknown } {
    this.assertCurrent();
    const indexed = this.storedNumber('head');
    let head = indexed;
    let failure: unknown;
    for (const record of records) {
      const { event } = record;
      if (event.position <= indexed) {
        if (this.indexedEventIdAt(event.position) !== event.eventId) {
          failure = new LedgerIntegrityError(`the log index holds another event than the log at position ${event.position}`);
          break;
        }
        continue;
      }
      try {
        this.applyOne(record, head);
      } catch (error) {
        if (!(error instanceof LedgerIntegrityError)) throw error;
        failure = error;
        break;
      }
      head = event.position;
    }
    if (head !== indexed) this.statements.setState.run('head', String(head));
    return failure === undefined ? { head } : { head, failure };
  }

  private applyOne(record: LedgerRecord, head: number): void {
    const { event } = record;
    const lastRow = this.statements.lastAppend.get(event.stream);
    const last: AppendEnd | undefined = lastRow === undefined ? undefined : { firstPosition: lastRow[0], streamRevision: lastRow[2], lastPosition: lastRow[3] };
    if (continuationOf(record, head, last) === 'starts') {
      this.statements.startAppend.run(event.position, event.stream, event.streamRevision, event.position, JSON.stringify([event.eventId]));
      // The first append of a command is the one its callers were told about.
      this.statements.keepCommand.run(event.metadata.commandId, event.position);
    } else if (last !== undefined) {
      this.statements.extendAppend.run(event.streamRevision, event.position, event.eventId, last.firstPosition);
    }
    this.statements.keepEventId.run(event.eventId, event.stream);
  }

  /** The event id the file holds at `position`, read on the caller's transaction. */
  private indexedEventIdAt(position: number): string | undefined {
    const row = this.statements.appendAt.get(position);
    if (row === undefined || row[3] < position) return undefined;
    return eventIdsOf(row)[position - row[0]];
  }

  /** Refuses to answer from a file another process has started again since this one read it. */
  private assertCurrent(): void {
    if (this.statements.state.get('generation') === this.generation && this.statements.state.get('log') === this.logStream) return;
    throw new StoreUnavailableError(
      `the EventStoreDB log index at ${this.db.name} was started again by another process (one that found it indexing another log); restart this process to index the log again`,
    );
  }

  private storedNumber(key: string): number {
    return Number(this.statements.state.get(key) ?? 0);
  }

  private use<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof LedgerIntegrityError || error instanceof StoreUnavailableError || !this.db.open) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(`the EventStoreDB log index at ${this.db.name} cannot be used: ${reason}`, { cause: error });
    }
  }
}

function prepareLayout(db: Database): void {
  // Derived from the log: a commit lost to a power cut is read from the log again.
  db.pragma('synchronous = NORMAL');
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version !== 0 && version !== LAYOUT_VERSION) {
    throw new Error(`its layout is version ${version}, not ${LAYOUT_VERSION}; it is derived from the log, so delete it and it is built again`);
  }
  db.exec(LAYOUT);
  db.pragma(`user_version = ${LAYOUT_VERSION}`);
}

function prepareStatements(db: Database): Statements {
  return {
    state: db.prepare<[string], string>('SELECT value FROM index_state WHERE key = ?').pluck(),
    setState: db.prepare<[string, string]>('INSERT INTO index_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    lastAppend: db.prepare<[string], AppendRow>(`SELECT ${APPEND_COLUMNS} FROM appends WHERE stream = ? ORDER BY stream_revision DESC LIMIT 1`).raw(),
    appendsFrom: db
      .prepare<[string, number], AppendRow>(`SELECT ${APPEND_COLUMNS} FROM appends WHERE stream = ? AND stream_revision >= ? ORDER BY stream_revision`)
      .raw(),
    appendAt: db.prepare<[number], AppendRow>(`SELECT ${APPEND_COLUMNS} FROM appends WHERE first_position <= ? ORDER BY first_position DESC LIMIT 1`).raw(),
    commandAppend: db
      .prepare<[string], AppendRow>(`SELECT ${APPEND_COLUMNS} FROM appends WHERE first_position = (SELECT first_position FROM commands WHERE command_id = ?)`)
      .raw(),
    streamOfEvent: db.prepare<[string], string>('SELECT stream FROM event_ids WHERE event_id = ?').pluck(),
    // From the append holding the position on (it may end after it), those that end after it.
    streamsAfter: db
      .prepare<[{ position: number }], string>(
        `SELECT stream FROM appends
         WHERE first_position >= COALESCE((SELECT MAX(first_position) FROM appends WHERE first_position <= @position), 0) AND last_position > @position
         GROUP BY stream ORDER BY MIN(first_position)`,
      )
      .pluck(),
    startAppend: db.prepare<[number, string, number, number, string]>(`INSERT INTO appends (${APPEND_COLUMNS}) VALUES (?, ?, ?, ?, ?)`),
    extendAppend: db.prepare<[number, number, string, number]>(
      "UPDATE appends SET stream_revision = ?, last_position = ?, event_ids = json_insert(event_ids, '$[#]', ?) WHERE first_position = ?",
    ),
    keepCommand: db.prepare<[string, number]>('INSERT INTO commands (command_id, first_position) VALUES (?, ?) ON CONFLICT (command_id) DO NOTHING'),
    keepEventId: db.prepare<[string, string]>(
      'INSERT INTO event_ids (event_id, stream) VALUES (?, ?) ON CONFLICT (event_id) DO UPDATE SET stream = excluded.stream',
    ),
  };
}

function eventIdsOf(row: AppendRow): string[] {
  return JSON.parse(row[4]) as string[];
}

function resultOf(row: AppendRow): AppendResult {
  const [firstPosition, stream, streamRevision, lastPosition] = row;
  return { stream, streamRevision, firstPosition, lastPosition, eventIds: eventIdsOf(row), duplicate: false };
}
