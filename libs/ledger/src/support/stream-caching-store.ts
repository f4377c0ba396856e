import {
  AppendOptions,
  AppendResult,
  assertVouchedFor,
  EventProblem,
  EventStore,
  EventToAppend,
  fromRevisionOf,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
} from '@concord/event-store';
import { FoldShelf, ShelvedFold } from './fold-shelf';

/** How many events the cache holds at most, across streams; the least recently read go first. */
export const DEFAULT_CACHED_EVENTS = 100_000;
/** How many folded states it keeps at most (one per fold and stream); the least recently used go first. */
export const DEFAULT_CACHED_FOLDS = 20_000;

/** The last event a fold went over: which one, and where in the log. */
export type LastEvent = Pick<StoredEvent, 'position' | 'eventId'>;

/** A fold's state over the first `length` events of a stream. */
export interface FoldedState<S> {
  readonly length: number;
  readonly state: S;
}

/** One cached stream's events, appended to in place and never otherwise changed (an event's index is its revision). */
interface CachedEvents {
  readonly events: StoredEvent[];
  /** How many of them count towards the bound (the array may have grown since). */
  readonly counted: number;
}

/**
 * The command side's view of the store, with two bounded caches:
 * - events: a stream read again is read only from where the last read of it ended, because
 *   streams are append-only and stored events never change. A stream longer than the bound is not
 *   held; a partial read (`fromRevision`) of a stream not held goes to the store as it is.
 * - folded states: the state a fold reached over a stream's first n events, so that a command
 *   folds only the events recorded since (see `loadFolded`). They are kept apart from the events,
 *   so a stream too long to hold still folds only what is new.
 * - with a `FoldShelf`, folds of long streams stored beside the log, so that after a start a
 *   command folds only what was recorded since the last one stored.
 * Everything else goes to the store as it is. The events it hands out are shared between readers,
 * so they are frozen: no reader can change what another reads.
 */
export class StreamCachingStore implements EventStore {
  private readonly cached = new Map<string, CachedEvents>();
  private cachedEvents = 0;
  private readonly folds = new Map<string, FoldedState<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly maxEvents: number = DEFAULT_CACHED_EVENTS,
    private readonly maxFolds: number = DEFAULT_CACHED_FOLDS,
    private readonly shelf?: FoldShelf,
    /** Says of an event whether the ledger would vouch for it: no command is decided on one it would not (a row written by hand). */
    private readonly problemOf?: EventProblem,
  ) {}

  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    // A part of a stream is read as asked: the cache keeps whole streams only.
    if (options?.limit !== undefined) return this.readVouchedFor(stream, options);
    const from = fromRevisionOf(options);
    const held = this.cached.get(stream)?.events;
    if (held === undefined && from > 0) return this.readVouchedFor(stream, { fromRevision: from });
    const events = held ?? [];
    const newer = await this.readVouchedFor(stream, { fromRevision: events.length });
    // Reads that ended meanwhile may have appended some of these already: each revision once.
    for (const event of newer) if (event.streamRevision === events.length) events.push(deepFreeze(event));
    const current = this.cached.get(stream)?.events;
    const latest = current !== undefined && current.length > events.length ? current : events;
    this.remember(stream, latest);
    return latest.slice(from);
  }

  /** Every event read from the store is vetted once, as it is read: what the cache holds was. */
  private async readVouchedFor(stream: string, options: ReadStreamOptions): Promise<StoredEvent[]> {
    const events = await this.store.readStream(stream, options);
    if (this.problemOf !== undefined) for (const event of events) assertVouchedFor(event, this.problemOf);
    return events;
  }

  /** The state the fold named `fold` last reached over `stream`, if it is still kept. */
  foldedState<S>(fold: string, stream: string): FoldedState<S> | undefined {
    const key = foldKey(fold, stream);
    const kept = this.folds.get(key);
    if (kept === undefined) return undefined;
    this.folds.delete(key);
    this.folds.set(key, kept);
    return kept as FoldedState<S>;
  }

  /** Keeps a fold's state, unless one over more of the stream is kept already (a later read got there first). */
  rememberFoldedState<S>(fold: string, stream: string, length: number, state: S): void {
    const key = foldKey(fold, stream);
    const kept = this.folds.get(key);
    if (kept !== undefined && kept.length > length) return;
    this.folds.delete(key);
    this.folds.set(key, { length, state });
    for (const oldest of this.folds.keys()) {
      if (this.folds.size <= this.maxFolds) break;
      this.folds.delete(oldest);
    }
  }

  /** The fold named `fold` stored last for `stream`, if there is a shelf and one is stored. */
  async shelvedFold<S>(fold: string, stream: string, accepts: (state: unknown) => state is S): Promise<ShelvedFold<S> | undefined> {
    return this.shelf?.take(fold, stream, accepts);
  }

  /**
   * Keeps a fold's state (see `rememberFoldedState`) and, when its last event is known, stores it on
   * the shelf once one is due since `since` (see `FoldShelf.keep`): `shelfForm` is what the shelf
   * stores, the state itself unless given.
   */
  keepFold<S>(
    fold: string,
    stream: string,
    since: number,
    folded: FoldedState<S>,
    last: LastEvent | undefined,
    shelfForm: () => unknown = () => folded.state,
  ): void {
    this.rememberFoldedState(fold, stream, folded.length, folded.state);
    if (last !== undefined) this.shelf?.keep(fold, stream, since, { length: folded.length, position: last.position, eventId: last.eventId }, shelfForm);
  }

  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    return this.store.append(stream, events, options);
  }

  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.store.readAll(options);
  }

  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  streamOf(eventId: string): Promise<string | undefined> {
    return this.store.streamOf(eventId);
  }

  findCommand(commandId: string): Promise<AppendResult | undefined> {
    return this.store.findCommand(commandId);
  }

  subscribe(options?: SubscribeOptions): AsyncIterable<StoredEvent> {
    return this.store.subscribe(options);
  }

  async close(): Promise<void> {
    await this.shelf?.settled();
    return this.store.close();
  }

  private remember(stream: string, events: StoredEvent[]): void {
    const earlier = this.cached.get(stream);
    this.cachedEvents -= earlier?.counted ?? 0;
    // Deleted and set again: a Map keeps insertion order, so the first key is the least recently read.
    this.cached.delete(stream);
    if (events.length > this.maxEvents) return;
    this.cached.set(stream, { events, counted: events.length });
    this.cachedEvents += events.length;
    for (const [oldest, held] of this.cached) {
      if (this.cachedEvents <= this.maxEvents) break;
      this.cached.delete(oldest);
      this.cachedEvents -= held.counted;
    }
  }
}

function foldKey(fold: string, stream: string): string {
  return `${fold}\u0000${stream}`;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
