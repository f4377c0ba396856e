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
export class StreamCachingStore implements EventStore {
  private readonly cached = new Map<string, readonly StoredEvent[]>();
  private cachedEvents = 0;
  /** Folded states by fold and stream, with the stream length they were folded through. */
  private readonly states = new Map<string, { readonly length: number; readonly state: unknown }>();

  constructor(
    private readonly store: EventStore,
    private readonly maxEvents: number = DEFAULT_CACHED_EVENTS,
  ) {}

  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const from = fromRevisionOf(options);
    const known = this.cached.get(stream) ?? [];
    const newer = await this.store.readStream(stream, { fromRevision: known.length });
    // Another read of this stream may have finished meanwhile with more: keep the longer one.
    const latest = this.cached.get(stream) ?? [];
    const whole = latest.length > known.length + newer.length ? latest : [...known, ...newer.map(deepFreeze)];
    this.remember(stream, whole);
    return whole.slice(from);
  }

  /**
   * The state a fold named `fold` reached over the first `length` events of `stream`, if it was
   * remembered and the stream is still cached (a stream dropped from the cache drops its states).
   */
  foldedState<S>(fold: string, stream: string): { readonly length: number; readonly state: S } | undefined {
    if (!this.cached.has(stream)) return undefined;
    return this.states.get(`${fold}\u0000${stream}`) as { length: number; state: S } | undefined;
  }

  rememberFoldedState<S>(fold: string, stream: string, length: number, state: S): void {
    if (this.cached.has(stream)) this.states.set(`${fold}\u0000${stream}`, { length, state });
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

  findCommand(commandId: string): Promise<AppendResult | undefined> {
    return this.store.findCommand(commandId);
  }

  subscribe(options?: SubscribeOptions): AsyncIterable<StoredEvent> {
    return this.store.subscribe(options);
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private forgetStates(stream: string): void {
    for (const key of this.states.keys()) if (key.endsWith(`\u0000${stream}`)) this.states.delete(key);
  }

  private remember(stream: string, events: readonly StoredEvent[]): void {
    this.cachedEvents -= this.cached.get(stream)?.length ?? 0;
    // Deleted and set again: a Map keeps insertion order, so the first key is the least recently read.
    this.cached.delete(stream);
    if (events.length > this.maxEvents) {
      this.forgetStates(stream);
      return;
    }
    this.cached.set(stream, events);
    this.cachedEvents += events.length;
    for (const [oldest, held] of this.cached) {
      if (this.cachedEvents <= this.maxEvents) break;
      this.cached.delete(oldest);
      this.forgetStates(oldest);
      this.cachedEvents -= held.length;
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
