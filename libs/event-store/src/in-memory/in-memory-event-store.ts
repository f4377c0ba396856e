import { revisionRangeOf } from '../shared/read-stream-options';
import { DuplicateEventIdError, StoreUnavailableError } from '../event-store.errors';
import {
  AppendOptions,
  AppendResult,
  EventMetadata,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  SkimmedEvent,
  StoredEvent,
  StoredEventText,
  SubscribeOptions,
} from '../event-store.port';
import { AppendNotifier } from '../shared/append-notifier';
import { appendResultOf } from '../shared/append-result';
import { validateAppend } from '../shared/append-validation';
import { catchUpSubscription } from '../shared/catch-up-subscription';
import { assertDecidedOn, assertExpectedRevision } from '../shared/expected-revision';
import { toReadRange } from '../shared/read-all-options';
import { deserializeEvent, SerializedEvent, serializeEvent } from '../shared/serialized-event';

const SUBSCRIPTION_BATCH_SIZE = 500;

/**
 * The store kept in process memory, for unit tests. It keeps the contract's guarantees: each
 * append is checked and written without awaiting in between, so it is atomic and serialised
 * against every other append. Events are kept as JSON text, as the SQLite adapter keeps them (see
 * `SerializedEvent`), so no caller can alter history through an object it passed or was given.
 */
export class InMemoryEventStore implements EventStore {
  /** The global log: the event at position p is at index p - 1. */
  private readonly log: SerializedEvent[] = [];
  private readonly streams = new Map<string, SerializedEvent[]>();
  /** Each stored event id, with the stream that holds it. */
  private readonly eventIds = new Map<string, string>();
  private readonly commands = new Map<string, AppendResult>();
  private readonly notifier = new AppendNotifier();

  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const commandId = validateAppend(stream, events, options);
    this.assertOpen();

    const earlier = this.commands.get(commandId);
    if (earlier) return copyOf(earlier, true);

    const streamEvents = this.streams.get(stream) ?? [];
    assertExpectedRevision(stream, options.expectedRevision, streamEvents.length - 1);
    assertDecidedOn(options.decidedOn, (read) => (this.streams.get(read)?.length ?? 0) - 1);
    const reused = events.find((event) => this.eventIds.has(event.eventId));
    if (reused) throw new DuplicateEventIdError(reused.eventId);
    // Serialising can throw (a BigInt, a cycle): do it all before the first write.
    const serialized = events.map((event, index) => serializeEvent(event, stream, streamEvents.length + index, this.log.length + index + 1));

    for (const event of serialized) {
      this.log.push(event);
      streamEvents.push(event);
      this.eventIds.set(event.eventId, stream);
    }
    this.streams.set(stream, streamEvents);
    const result = appendResultOf(serialized, false);
    if (result === undefined) throw new Error('unreachable: validateAppend refuses empty batches');
    this.commands.set(commandId, result);
    this.notifier.notify();
    return copyOf(result, false);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const { from, to } = revisionRangeOf(options);
    this.assertOpen();
    return (this.streams.get(stream) ?? []).slice(from, to).map(deserializeEvent);
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return (await this.readAllText(options)).map(deserializeEvent);
  }

  async readAllText(options?: ReadAllOptions): Promise<StoredEventText[]> {
    const { after, limit } = toReadRange(options);
    this.assertOpen();
    const end = limit === undefined ? undefined : after + limit;
    return this.log.slice(after, end).map(({ commandId: _commandId, ...text }) => text);
  }

  async readAllSkimmed(options?: ReadAllOptions): Promise<SkimmedEvent[]> {
    return (await this.readAllText(options)).map((text) => ({ ...text, recordedAt: (JSON.parse(text.metadata) as EventMetadata).recordedAt }));
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.log.length;
  }

  async streamOf(eventId: string): Promise<string | undefined> {
    this.assertOpen();
    return this.eventIds.get(eventId);
  }

  /** The append's original result, so `duplicate` is false: it describes the write that happened. */
  async findCommand(commandId: string): Promise<AppendResult | undefined> {
    this.assertOpen();
    const result = this.commands.get(commandId);
    return result === undefined ? undefined : copyOf(result, false);
  }

  subscribe(options?: SubscribeOptions): AsyncIterable<StoredEvent> {
    return catchUpSubscription(
      {
        readAfter: (after, limit) => this.readAll({ after, limit }),
        notifier: this.notifier,
        batchSize: SUBSCRIPTION_BATCH_SIZE,
      },
      options,
    );
  }

  /** Ends live subscriptions; later calls fail. Calling it again does nothing. */
  async close(): Promise<void> {
    this.notifier.close();
  }

  private assertOpen(): void {
    if (this.notifier.isClosed) throw new StoreUnavailableError('the in-memory event store is closed');
  }
}

function copyOf(result: AppendResult, duplicate: boolean): AppendResult {
  return { ...result, eventIds: [...result.eventIds], duplicate };
}
