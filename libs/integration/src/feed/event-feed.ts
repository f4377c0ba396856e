import { assertVouchedFor, EventProblem, EventStore, readAllReadable, StoredEvent, UnreadableEventError } from '@concord/event-store';
import { LedgerCloudEvent, toCloudEvent } from '../cloud-events/cloud-event';
import { StreamBodyIndex } from '../cloud-events/stream-body-index';
import { EventSelection, selects } from './event-selection';

export interface FeedPage {
  readonly events: LedgerCloudEvent[];
  /** Pass as `after` for the next page: past every event read, the ones filtered out included. */
  readonly next: number;
  /**
   * The id of the event at `next`, null at position 0: pass it as `afterEventId` with `after` to have
   * the ledger check, before it answers, that the event there is still the one this page read.
   */
  readonly nextEventId: string | null;
  readonly headPosition: number;
}

/** A feed position the ledger has not reached: the reader has seen more than the ledger holds. */
export class FeedPositionAheadError extends Error {
  override readonly name = 'FeedPositionAheadError';

  constructor(
    readonly position: number,
    readonly headPosition: number,
  ) {
    super(`position ${position} is beyond the ledger's head ${headPosition}; resume from a position you received from this ledger`);
  }
}

/**
 * The event at a position a reader resumes after is not the one it names: the log the reader
 * followed was rolled back (an older copy restored) and written on since, so events it processed
 * after the rollback point are not in this ledger, and events recorded since lie at positions it
 * passed. Carrying on would skip them without a word.
 */
export class FeedPositionRewrittenError extends Error {
  override readonly name = 'FeedPositionRewrittenError';

  constructor(
    readonly position: number,
    readonly expectedEventId: string,
    readonly eventId: string,
    readonly headPosition: number,
  ) {
    super(
      `the event at position ${position} is ${eventId}, not ${expectedEventId}: the log was rolled back (an older copy restored) and written on since you read it. ` +
        'Resume after the latest position whose event is still one you processed, and set aside what you processed after it',
    );
  }
}

const READ_BATCH = 1000;
/** A filtered page stops scanning here, so one request's cost is bounded however sparse its events. */
export const MAX_SCANNED_PER_PAGE = 10_000;

/**
 * Reads the global log as CloudEvents, for the feed, the SSE catch-up and webhook delivery. It
 * keeps the stream → body index that every envelope needs caught up with what it reads.
 */
export class EventFeed {
  private readonly bodies = new StreamBodyIndex();

  /**
   * `problemOf` says of an event whether the ledger would vouch for it: one it would not (a row
   * written into the store by hand) is served to no one, as `UnreadableEventError`.
   */
  constructor(
    private readonly store: EventStore,
    readonly publicUrl: string,
    private readonly problemOf?: EventProblem,
  ) {}

  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  /**
   * The head, once `position` is within it and, where `eventId` is given, the event at `position` is
   * that one (`FeedPositionRewrittenError` otherwise).
   */
  async assertReached(position: number, eventId?: string): Promise<number> {
    const head = await this.store.headPosition();
    if (position > head) throw new FeedPositionAheadError(position, head);
    if (eventId !== undefined) {
      const found = await this.eventIdAt(position);
      if (found !== eventId) throw new FeedPositionRewrittenError(position, eventId, found ?? '(none)', head);
    }
    return head;
  }

  /** The id of the event at `position`; null at 0, before the first. */
  async eventIdAt(position: number): Promise<string | null> {
    if (position === 0) return null;
    const { events, unreadable } = await readAllReadable(this.store, position - 1, 1);
    const event = events[0];
    if (event?.position === position) return event.eventId;
    throw unreadable ?? this.bodies.gapAt(position, position);
  }

  /**
   * Up to `limit` selected events after `after`, scanning at most `MAX_SCANNED_PER_PAGE` events.
   * `headPosition` is read first, so an event acknowledged before the call is in the page or
   * before `next`. With `afterEventId`, the event at `after` must be that one.
   */
  async page(after: number, limit: number, selection: EventSelection, afterEventId?: string): Promise<FeedPage> {
    const headPosition = await this.assertReached(after, afterEventId);
    const events: LedgerCloudEvent[] = [];
    let next = after;
    let nextEventId: string | null | undefined = afterEventId;
    while (events.length < limit && next < headPosition && next - after < MAX_SCANNED_PER_PAGE) {
      const { events: batch, unreadable } = await readAllReadable(this.store, next, Math.min(READ_BATCH, headPosition - next));
      if (unreadable !== undefined && batch.length === 0) {
        // The next event cannot even be read (its text is not JSON): as for one the ledger will not serve.
        if (next > after) return { events, next, nextEventId: await this.idAt(next, nextEventId), headPosition };
        throw unreadable;
      }
      if (batch.length === 0) break;
      await this.indexThrough(next, batch);
      for (const stored of batch) {
        const event = this.selectedUpTo(stored, selection, next > after);
        if (event === null) return { events, next, nextEventId: await this.idAt(next, nextEventId), headPosition };
        if (event !== undefined) events.push(event);
        next = stored.position;
        nextEventId = stored.eventId;
        if (events.length === limit) break;
      }
    }
    return { events, next, nextEventId: await this.idAt(next, nextEventId), headPosition };
  }

  /** The id of the event at `position` when the page has it already, else read. */
  private idAt(position: number, known: string | null | undefined): Promise<string | null> {
    return known === undefined ? this.eventIdAt(position) : Promise.resolve(known);
  }

  /**
   * As `select`, but null for an event the ledger will not serve once the page has read past
   * something (`readPast`): the page ends before it, so that what precedes it is read as the live
   * stream and webhooks deliver it, and the page that starts at it is refused.
   */
  private selectedUpTo(stored: StoredEvent, selection: EventSelection, readPast: boolean): LedgerCloudEvent | undefined | null {
    try {
      return this.select(stored, selection);
    } catch (error) {
      if (readPast && error instanceof UnreadableEventError) return null;
      throw error;
    }
  }

  /** The envelope of `stored`, or undefined when `selection` leaves it out. The index must be past it. */
  select(stored: StoredEvent, selection: EventSelection): LedgerCloudEvent | undefined {
    if (stored.position > this.bodies.position) throw this.bodies.gapBefore(stored);
    const bodyId = this.bodies.bodyOf(stored.stream);
    if (!selects(selection, stored.type, bodyId)) return undefined;
    return this.envelope(stored, bodyId);
  }

  /** The body of an event's stream; undefined for a stream no event opened (a row written by hand). The index must be past the event. */
  bodyOf(stored: StoredEvent): string | undefined {
    return this.bodies.bodyOf(stored.stream);
  }

  /** Throws `UnreadableEventError` for an event the ledger will not serve: one it would not vouch for, or one of a stream nothing opened. */
  envelope(stored: StoredEvent, bodyId = this.bodyOf(stored)): LedgerCloudEvent {
    assertVouchedFor(stored, this.problemOf);
    if (bodyId === undefined)
      throw new UnreadableEventError(
        stored.position,
        `no event before it opened ${stored.stream}, so it belongs to no body (a row written into the store by hand)`,
      );
    return toCloudEvent(stored, bodyId, this.publicUrl);
  }

  /**
   * Brings the body index to the end of `batch`, which starts right after `after`: everything the
   * index lacks before the batch is read first (streams opened earlier), then the batch is fed.
   */
  async indexThrough(after: number, batch: readonly StoredEvent[]): Promise<void> {
    while (this.bodies.position < after) {
      const missing = await this.store.readAll({ after: this.bodies.position, limit: Math.min(READ_BATCH, after - this.bodies.position) });
      // The head is past `after` (`assertReached`): reading nothing here means a gap (a store that reads by position range finds none).
      if (missing.length === 0) throw this.bodies.gapAt(this.bodies.position + 1, after);
      // A reader past a gap in the log: nothing after the gap is indexed, so nothing after it is served.
      const unfed = missing.find((stored) => !this.bodies.note(stored));
      if (unfed !== undefined) throw this.bodies.gapBefore(unfed);
    }
    // Past a gap the batch is not indexed: `select` refuses its events.
    batch.find((stored) => !this.bodies.note(stored));
  }
}
