import { StoredEvent } from '@concord/event-store';

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

  /** Takes the next event of the log; one already fed is ignored, one past a gap is refused. */
  note(event: StoredEvent): void {
    if (event.position <= this.fedThrough) return;
    if (event.position !== this.fedThrough + 1) {
      throw new Error(`stream body index: position ${event.position} fed after ${this.fedThrough}; the log must be fed without gaps`);
    }
    this.fedThrough = event.position;
    if (this.bodies.has(event.stream)) return;
    const bodyId = event.stream.startsWith(BODY_STREAM_PREFIX) ? event.stream.slice(BODY_STREAM_PREFIX.length) : event.data.bodyId;
    if (typeof bodyId === 'string') this.bodies.set(event.stream, bodyId);
  }

  /**
   * The body of a stream fed before; undefined for a stream no event fed opened, which the ledger
   * never writes (a row written into the store by hand) and which no selection by body takes.
   */
  bodyOf(stream: string): string | undefined {
    return this.bodies.get(stream);
  }
}
