import { EventStore, ReadAllOptions, ReadStreamOptions, StoredEvent } from '@concord/event-store';

/** Counts the events a reader takes from the store: what a restart or a read costs. */
export class CountingStore {
  readAllCalls = 0;
  readAllEvents = 0;
  readStreamEvents = 0;
  /** Each stream read, in turn. */
  readonly streamsRead: string[] = [];
  constructor(private readonly inner: EventStore) {}
  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    const events = await this.inner.readAll(options);
    this.readAllCalls += 1;
    this.readAllEvents += events.length;
    return events;
  }
  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const events = await this.inner.readStream(stream, options);
    this.readStreamEvents += events.length;
    this.streamsRead.push(stream);
    return events;
  }
  asStore(): EventStore {
    return this as unknown as EventStore;
  }
}
