import { EventStore, ReadAllOptions, ReadStreamOptions, SkimmedEvent, StoredEvent } from '@concord/event-store';

/**
 * Counts the events a reader takes from the store: what a restart or a read costs. The log read
 * as parsed events or skimmed counts alike; it skims only where the store it wraps can.
 */
export class CountingStore {
  readAllCalls = 0;
  readAllEvents = 0;
  readStreamEvents = 0;
  /** Each stream read, in turn. */
  readonly streamsRead: string[] = [];
  readonly readAllSkimmed?: (options?: ReadAllOptions) => Promise<SkimmedEvent[]>;

  constructor(private readonly inner: EventStore) {
    const skim = inner.readAllSkimmed?.bind(inner);
    if (skim) this.readAllSkimmed = async (options) => this.countedLogRead(await skim(options));
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.countedLogRead(await this.inner.readAll(options));
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

  private countedLogRead<T>(events: T[]): T[] {
    this.readAllCalls += 1;
    this.readAllEvents += events.length;
    return events;
  }
}
