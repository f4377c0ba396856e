/**
 * The store port: the only thing the ledger asks of a store. Every adapter (in-memory, SQLite,
 * PostgreSQL, EventStoreDB) passes the one contract suite in `contract/event-store.contract.ts`.
 *
 * Numbering is the same on every adapter:
 * - a stream revision is the 0-based index of an event in its stream (the first event is 0);
 * - a global position is a 1-based integer, assigned at commit, ascending without gaps;
 * - the head position of an empty store is 0, so "read after 0" reads everything.
 */

export interface Actor {
  readonly id: string;
  readonly role: string;
  /** The key holder's name, when the key was issued to a named person; absent for the environment's keys. */
  readonly name?: string;
}

export interface EventMetadata {
  /** Idempotency: every event of one append carries the same command id. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /** Ledger time: when the ledger stored the event, from the server clock. */
  readonly recordedAt: string;
  /** A digest of the command's input, so a reused command id with other input can be told apart. */
  readonly commandFingerprint?: string;
}

/**
 * Stored as JSON by every adapter, so it should hold JSON values only: what `JSON.stringify` would
 * change (a Date becomes a string, `undefined` disappears) comes back changed, a BigInt is refused.
 */
export type EventData = Readonly<Record<string, unknown>>;

export interface EventToAppend {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: EventData;
  readonly metadata: EventMetadata;
}

export interface StoredEvent extends EventToAppend {
  readonly stream: string;
  readonly streamRevision: number;
  readonly position: number;
}

/**
 * `no-stream`: the stream must not exist yet; a number: the revision of the stream's last event.
 * -1 is accepted as a synonym of `no-stream` (it is the revision of a missing stream).
 */
export type ExpectedRevision = 'any' | 'no-stream' | number;

/** A stream a command was decided on besides the one it appends to, at the revision it was read (-1: it did not exist). */
export interface DecidedOn {
  readonly stream: string;
  readonly revision: number;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  /**
   * The other streams the events were decided on (the body a proposal command read, the meeting it
   * names): the append is refused with `ConcurrencyError` naming the first of them that has moved
   * past the revision read, checked in the same atomic step as `expectedRevision`, so that no
   * command is recorded on facts another writer changed meanwhile.
   */
  readonly decidedOn?: readonly DecidedOn[];
}

export interface AppendResult {
  readonly stream: string;
  /** Revision of the last event appended. */
  readonly streamRevision: number;
  readonly firstPosition: number;
  readonly lastPosition: number;
  readonly eventIds: readonly string[];
  /** True when the command id had already been appended: nothing new was written. */
  readonly duplicate: boolean;
}

export interface ReadAllOptions {
  /** Return events whose position is strictly greater than this; 0 reads from the start. */
  readonly after?: number;
  /** At most this many events (adapters may cap it). */
  readonly limit?: number;
}

export interface ReadStreamOptions {
  /** Only the events at this revision and after (0-based); 0 or absent reads the whole stream. */
  readonly fromRevision?: number;
  /**
   * At most this many events, from `fromRevision` on; absent reads to the stream's end. A stream's
   * revisions have no gaps, so adapters may read it as the revisions below `fromRevision + limit`.
   */
  readonly limit?: number;
}

export interface SubscribeOptions {
  readonly after?: number;
  /** Aborting ends the iteration cleanly. */
  readonly signal?: AbortSignal;
  /**
   * Adapters that read the log when woken by an append wait until this many milliseconds after
   * their previous read began, so that the appends made meanwhile are read together (a full batch
   * is followed by the next read at once). A follower that delivers in batches anyway (SSE flushes
   * every few milliseconds) then makes about one read per interval under load instead of one per
   * commit. Adapters that are pushed each event (EventStoreDB) ignore it. Absent or 0: read as
   * soon as woken.
   */
  readonly readEveryMs?: number;
}

/** A stored event with its data and metadata as the JSON text the store keeps. */
export interface StoredEventText extends Omit<StoredEvent, 'data' | 'metadata'> {
  /** RFC 8785 text for events recorded since stores kept it canonical; as first written before. */
  readonly data: string;
  readonly metadata: string;
}

/**
 * A stored event as a fold skims it: data and metadata as the stored text, with the metadata's
 * `recordedAt` read out by the database. A fold that needs only the recorded time of most events
 * (the read side's indexes) then parses no JSON for them.
 */
export interface SkimmedEvent extends StoredEventText {
  readonly recordedAt: string;
}

/** A page of the log as the transparency log's entries: what a verifier hashes, read at once. */
export interface LogEntries {
  readonly positions: number[];
  /**
   * Each event's eight members as JSON text, assembled around its stored text in RFC 8785 member
   * order: the event's entry when that text is canonical (see ledgerEntryOfCanonicalText).
   */
  readonly entries: string[];
  /** The leaf stored for each position with the log, where there is one. */
  readonly leaves: (Uint8Array | undefined)[];
  /**
   * Whether each event's data and metadata are JSON on their own. Text moved across the boundary
   * between the two can leave the assembled entry unchanged: only this check sees it.
   */
  readonly readable: boolean[];
}

export interface EventStore {
  /**
   * Appends all events or none, atomically, if the stream is at the expected revision and every
   * stream the events were decided on (`decidedOn`) at the revision read. Throws
   * `ConcurrencyError` otherwise, naming the stream that moved. When the command id of the events was appended before, returns
   * that first result with `duplicate: true` and writes nothing, whatever the expected revision
   * (and whatever the stream: the result names the stream the command was first appended to).
   * Throws `TypeError` for an empty batch, a batch mixing command ids or repeating an event id, or
   * an expected revision (or a `decidedOn` revision) that is not an integer >= -1; `DuplicateEventIdError` when an event id is
   * already stored; `StoreUnavailableError` when the store cannot be used (closed, locked too
   * long, unreachable).
   */
  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  /**
   * The stream's events in revision order, from `fromRevision` on; an empty array for a stream that
   * does not exist or has no event there yet. Throws `TypeError` for a `fromRevision` that is not an
   * integer >= 0.
   */
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** The global log in position order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * The global log as `readAll` gives it, but with data and metadata as the stored text, not
   * parsed: what a verifier hashes without canonicalising again. Absent on a store that does not
   * keep the text (EventStoreDB).
   */
  readAllText?(options?: ReadAllOptions): Promise<StoredEventText[]>;
  /**
   * The global log as `readAllText` gives it, each event with its metadata's `recordedAt` beside
   * it. Absent on a store that does not keep the text (EventStoreDB).
   */
  readAllSkimmed?(options?: ReadAllOptions): Promise<SkimmedEvent[]>;
  /**
   * The log as entries and stored leaves, built by the database itself in one read, with no row
   * objects: a store that keeps the tree in the same database (SQLite). Absent elsewhere.
   */
  readLogEntries?(options?: ReadAllOptions): Promise<LogEntries>;
  /** The position of the last committed event, 0 when the store is empty. */
  headPosition(): Promise<number>;
  /** The stream that holds the event with this id; undefined when no event has it (any string may be asked). */
  streamOf(eventId: string): Promise<string | undefined>;
  /** The result of the append that carried this command id, as first returned (`duplicate: false`), if any. */
  findCommand(commandId: string): Promise<AppendResult | undefined>;
  /**
   * Catch-up then live: every event after `after` (default 0), in order, without gaps or
   * duplicates. Ends without an error when the signal aborts or the store closes.
   */
  subscribe(options?: SubscribeOptions): AsyncIterable<StoredEvent>;
  /** Ends live subscriptions; later calls fail with `StoreUnavailableError`. Idempotent. */
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
