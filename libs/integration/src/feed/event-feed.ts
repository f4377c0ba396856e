import { assertVouchedFor, EventProblem, EventStore, readAllReadable, StoredEvent, UnreadableEventError } from '@concord/event-store';
import { LedgerCloudEvent, toCloudEvent } from '../cloud-events/cloud-event';
import { StreamBodyIndex } from '../cloud-events/stream-body-index';
import { EventSelection, selects } from './event-selection';

export interface FeedPage {
  readonly events: LedgerCloudEvent[];
  /** Pass as `after` for the next page: past every event read, the ones filtered out included. */
  readonly next: number;
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

  async assertReached(position: number): Promise<number> {
    const head = await this.store.headPosition();
    if (position > head) throw new FeedPositionAheadError(position, head);
    return head;
  }

  /**
   * Up to `limit` selected events after `after`, scanning at most `MAX_SCANNED_PER_PAGE` events.
   * `headPosition` is read first, so an event acknowledged before the call is in the page or
   * before `next`.
   */
  async page(after: number, limit: number, selection: EventSelection): Promise<FeedPage> {
    const headPosition = await this.assertReached(after);
    const events: LedgerCloudEvent[] = [];
    let next = after;
    while (events.length < limit && next < headPosition && next - after < MAX_SCANNED_PER_PAGE) {
      const { events: batch, unreadable } = await readAllReadable(this.store, next, Math.min(READ_BATCH, headPosition - next));
      if (unreadable !== undefined && batch.length === 0) {
        // The next event cannot even be read (its text is not JSON): as for one the ledger will not serve.
        if (next > after) return { events, next, headPosition };
        throw unreadable;
      }
      if (batch.length === 0) break;
      await this.indexThrough(next, batch);
      for (const stored of batch) {
        const event = this.selectedUpTo(stored, selection, next > after);
        if (event === null) return { events, next, headPosition };
        if (event !== undefined) events.push(event);
        next = stored.position;
        if (events.length === limit) break;
      }
    }
    return { events, next, headPosition };
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
