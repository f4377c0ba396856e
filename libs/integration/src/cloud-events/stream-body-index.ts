import { StoredEvent, UnreadableEventError } from '@concord/event-store';

const BODY_STREAM_PREFIX = 'body-';

/**
 * Which body each stream belongs to. A body's stream names it; a meeting's or a proposal's stream
 * learns it from its opening event, whose data carries `bodyId`. Fed with the log in position
 * order, it answers for every stream opened at or before the last event it was fed.
 */
export class StreamBodyIndex {
  private readonly bodies = new Map<string, string>();
  private fedThrough = 0;

  /** The position of the last event fed. */
  get position(): number {
    return this.fedThrough;
  }

  /**
   * Takes the next event of the log; one already fed is ignored. One past a gap is not taken
   * (false): nothing after a gap is fed, and `gapBefore` says why.
   */
  note(event: StoredEvent): boolean {
    if (event.position <= this.fedThrough) return true;
    if (event.position !== this.fedThrough + 1) return false;
    this.fedThrough = event.position;
    if (this.bodies.has(event.stream)) return true;
    const bodyId = event.stream.startsWith(BODY_STREAM_PREFIX) ? event.stream.slice(BODY_STREAM_PREFIX.length) : event.data.bodyId;
    if (typeof bodyId === 'string') this.bodies.set(event.stream, bodyId);
    return true;
  }

  /**
   * An event past the last one fed, read after a gap, as the event the ledger cannot read at the
   * first position missing: the ledger's positions follow one another, so an event was removed
   * there, or one was written by hand past the end.
   */
  gapBefore(event: StoredEvent): UnreadableEventError {
    const missing = this.fedThrough + 1;
    return new UnreadableEventError(
      missing,
      `the log holds no event at position ${missing}, but one at ${event.position}: the ledger's positions follow one another, so an event was removed or one written past the end`,
    );
  }

  /** As `gapBefore`, where the reader knows only that the log goes on past `seen`. */
  gapAt(missing: number, seen: number): UnreadableEventError {
    return new UnreadableEventError(
      missing,
      `the log holds no event at position ${missing}, though a reader has seen position ${seen}: the ledger's positions follow one another, so an event was removed`,
    );
  }

  /**
   * The body of a stream fed before; undefined for a stream no event fed opened, which the ledger
   * never writes (a row written into the store by hand) and which no selection by body takes.
   */
  bodyOf(stream: string): string | undefined {
    return this.bodies.get(stream);
  }
}
