import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  fromRevisionOf,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
} from '@concord/event-store';

/** How many events the cache holds at most, across streams; the least recently read go first. */
export const DEFAULT_CACHED_EVENTS = 100_000;

/**
 * The command side's view of the store: a stream read again is read only from where the last read
 * of it ended. Streams are append-only and stored events never change, so what was read stays
 * true; only the events after it are asked of the store (and parsed), however long the stream.
 * Everything else goes to the store as it is. Memory is bounded by `maxEvents`; a stream longer
 * than that is read whole each time, as without the cache. The events it hands out are shared
 * between readers, so they are frozen: no reader can change what another reads.
 */
/** One cached stream: its events, and the states folds reached over a prefix of them. */
interface CachedStream {
  readonly events: readonly StoredEvent[];
  readonly folds: Map<string, { readonly length: number; readonly state: unknown }>;
}

export class StreamCachingStore implements EventStore {
  private readonly cached = new Map<string, CachedStream>();
  private cachedEvents = 0;

  constructor(
    private readonly store: EventStore,
    private readonly maxEvents: number = DEFAULT_CACHED_EVENTS,
  ) {}

  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const from = fromRevisionOf(options);
    const known = this.cached.get(stream)?.events ?? [];
    const newer = await this.store.readStream(stream, { fromRevision: known.length });
    // Another read of this stream may have finished meanwhile with more: keep the longer one.
    const latest = this.cached.get(stream)?.events ?? [];
    const whole = latest.length > known.length + newer.length ? latest : [...known, ...newer.map(deepFreeze)];
    this.remember(stream, whole);
    return whole.slice(from);
  }

  /** The state a fold named `fold` reached over the first `length` events of `stream`, while the stream is cached. */
  foldedState<S>(fold: string, stream: string): { readonly length: number; readonly state: S } | undefined {
    return this.cached.get(stream)?.folds.get(fold) as { length: number; state: S } | undefined;
  }

  rememberFoldedState<S>(fold: string, stream: string, length: number, state: S): void {
    this.cached.get(stream)?.folds.set(fold, { length, state });
  }

  append(stream: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
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

  close(): Promise<void> {
    return this.store.close();
  }

  /** A stream's folded states go with it: dropped from the cache, or too long to keep. */
  private remember(stream: string, events: readonly StoredEvent[]): void {
    const earlier = this.cached.get(stream);
    this.cachedEvents -= earlier?.events.length ?? 0;
    // Deleted and set again: a Map keeps insertion order, so the first key is the least recently read.
    this.cached.delete(stream);
    if (events.length > this.maxEvents) return;
    this.cached.set(stream, { events, folds: earlier?.folds ?? new Map() });
    this.cachedEvents += events.length;
    for (const [oldest, held] of this.cached) {
      if (this.cachedEvents <= this.maxEvents) break;
      this.cached.delete(oldest);
      this.cachedEvents -= held.events.length;
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
