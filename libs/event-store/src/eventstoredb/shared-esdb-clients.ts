import { EsdbClient, EsdbEventData, EsdbExpectedRevision, EsdbReadStreamOptions, EsdbSubscribeToStreamOptions, EsdbSubscription } from './esdb-client.port';

export type EsdbClientFactory = (connectionString: string) => EsdbClient;

interface Entry {
  readonly client: EsdbClient;
  holders: number;
}

/**
 * One client per connection string, shared by whoever acquires it and disposed when the last
 * holder releases it.
 *
 * Why: `@eventstore/db-client` 6.2.1 keeps the promises of pending batch appends in ONE map for
 * the whole module (`promiseBank` in `dist/streams/appendToStream/batchAppend.js`), and an error on
 * any client's batch-append stream, disposing a client included (it cancels that stream), rejects
 * every pending append of every client and empties the map. Two clients in one process can
 * therefore fail each other's appends; one shared client cannot. (Clients for DIFFERENT connection
 * strings still share that map; the key is the string as given, so spell one server one way.)
 */
export class SharedEsdbClients {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly create: EsdbClientFactory) {}

  /** A handle on the shared client; its `dispose()` releases it (once; the handle is unusable after). */
  acquire(connectionString: string): EsdbClient {
    let entry = this.entries.get(connectionString);
    if (entry === undefined) {
      entry = { client: this.create(connectionString), holders: 0 };
      this.entries.set(connectionString, entry);
    }
    entry.holders += 1;
    return new ClientHandle(entry.client, () => this.release(connectionString, entry));
  }

  /** How many clients are open, for tests and diagnostics. */
  get openClients(): number {
    return this.entries.size;
  }

  private async release(connectionString: string, entry: Entry): Promise<void> {
    entry.holders -= 1;
    if (entry.holders > 0) return;
    // Forgotten before disposing, so that an acquire from now on gets a fresh client.
    if (this.entries.get(connectionString) === entry) this.entries.delete(connectionString);
    await entry.client.dispose();
  }
}

/**
 * A holder's view of a shared client. Releasing it ends the subscriptions opened through it, as
 * disposing a client of one's own would have, and leaves the other holders' calls alone.
 */
class ClientHandle implements EsdbClient {
  private readonly subscriptions = new Set<EsdbSubscription>();
  private released = false;

  constructor(
    private readonly client: EsdbClient,
    private readonly release: () => Promise<void>,
  ) {}

  appendToStream(streamName: string, events: EsdbEventData[], options: { expectedRevision: EsdbExpectedRevision }) {
    return this.live().appendToStream(streamName, events, options);
  }

  readStream(streamName: string, options?: EsdbReadStreamOptions) {
    return this.live().readStream(streamName, options);
  }

  subscribeToStream(streamName: string, options?: EsdbSubscribeToStreamOptions): EsdbSubscription {
    const subscription = this.live().subscribeToStream(streamName, options);
    this.subscriptions.add(subscription);
    // A wrapper rather than the client's object changed: the caller's own unsubscribe also forgets
    // it here, so that a long-lived handle does not collect ended subscriptions.
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      unsubscribe: async (): Promise<void> => {
        this.subscriptions.delete(subscription);
        await subscription.unsubscribe();
      },
    };
  }

  async dispose(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const open = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.allSettled(open.map((subscription) => subscription.unsubscribe()));
    await this.release();
  }

  private live(): EsdbClient {
    if (this.released) throw new Error('this EventStoreDB client handle was disposed');
    return this.client;
  }
}
