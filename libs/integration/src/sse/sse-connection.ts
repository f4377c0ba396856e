import { EventSelection, selects } from '../feed/event-selection';
import { sseComment, SseIdForm, sseId, sseOverflowMessage, sseProgressMessage, sseUnreadableMessage } from './sse-messages';
import { SseSettings, SseSink } from './sse-sink';

/** How long a closed connection's socket may take to send what it still holds before it is cut. */
const END_GRACE_MS = 10_000;
/**
 * A connection ended with a last message (overflow, unreadable) stays open while its client keeps
 * taking bytes, checked this often, and at most `LAST_MESSAGE_LIMIT_MS` in all: a slow reader still
 * reaches the message that tells it where to resume.
 */
export const LAST_MESSAGE_PROGRESS_MS = 10_000;
export const LAST_MESSAGE_LIMIT_MS = 10 * 60_000;

/**
 * How a connection writes ids, and the id of the event at the position it resumes after (null at
 * 0, or where only positions are written): a `progress` or `overflow` message may name that point.
 */
export interface SseIds {
  readonly form: SseIdForm;
  readonly afterEventId: string | null;
}

export const POSITION_IDS: SseIds = { form: 'position', afterEventId: null };

/** A live event's message, written with ids of the form asked. */
export type SseMessageOf = (form: SseIdForm) => string;

/**
 * One subscriber. It catches up from the store on its own, then is fed by the hub: live events
 * wait in `pending` until the next flush writes them in one go. A client too slow to take them
 * (its socket full, `bufferEvents` waiting) is told where it stopped and disconnected, so that it
 * never holds back writers or other subscribers.
 */
export class SseConnection {
  private pending: string[] = [];
  /** The positions of the first and last pending messages. */
  private pendingFrom = 0;
  private pendingTo = 0;
  /** Connections with equal keys are sent the same events: they can share one encoded write. */
  private readonly selectionKey: string;
  /** Every event up to here was written to the socket or filtered out. */
  private deliveredThrough: number;
  private deliveredThroughEventId: string | null;
  /** Every event up to here is written, filtered out, or pending. */
  private queuedThrough: number;
  private queuedThroughEventId: string | null;
  /** The last id the client was sent, of an event or of a progress message. */
  private lastIdSent: number;
  private open = true;

  constructor(
    private readonly sink: SseSink,
    readonly selection: EventSelection,
    after: number,
    private readonly settings: SseSettings,
    private readonly onClosed: (connection: SseConnection, overflowedAt?: number) => void,
    private readonly ids: SseIds = POSITION_IDS,
  ) {
    this.deliveredThrough = after;
    this.deliveredThroughEventId = ids.afterEventId;
    this.queuedThrough = after;
    this.queuedThroughEventId = ids.afterEventId;
    this.lastIdSent = after;
    this.selectionKey = `${selection.types === null ? '*' : [...selection.types].sort().join(',')}|${selection.bodyId ?? '*'}|${ids.form}`;
    sink.once('close', () => this.close());
  }

  get isOpen(): boolean {
    return this.open && !this.sink.destroyed && !this.sink.writableEnded;
  }

  get position(): number {
    return this.queuedThrough;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** How this connection writes its messages' ids. */
  get idForm(): SseIdForm {
    return this.ids.form;
  }

  /**
   * Catch-up: writes a batch read from the store (already filtered into `text`, its last event at
   * `lastSent`, if any; the batch read through `through`, the event `throughEventId`) and resolves
   * when the socket can take more, so a slow reader slows only its own catch-up.
   */
  async writeCaughtUp(text: string, through: number, throughEventId: string | null, lastSent: number | undefined): Promise<void> {
    if (!this.isOpen) return;
    const roomLeft = text.length === 0 || this.sink.write(text);
    if (lastSent !== undefined) this.lastIdSent = lastSent;
    this.deliveredThrough = through;
    this.deliveredThroughEventId = throughEventId;
    this.queuedThrough = through;
    this.queuedThroughEventId = throughEventId;
    if (!roomLeft) await this.drained();
  }

  /** Live: an event the hub dispatched. Events the catch-up already covered are skipped. */
  offer(position: number, eventId: string, type: string, bodyId: string | undefined, message: SseMessageOf): void {
    if (!this.isOpen || position <= this.queuedThrough) return;
    this.queuedThrough = position;
    this.queuedThroughEventId = eventId;
    if (!selects(this.selection, type, bodyId)) {
      if (this.pending.length === 0) {
        this.deliveredThrough = position;
        this.deliveredThroughEventId = eventId;
      }
      return;
    }
    if (this.pending.length === 0) this.pendingFrom = position;
    this.pendingTo = position;
    this.pending.push(message(this.ids.form));
    if (this.settings.flushMs === 0) this.flush();
    if (this.pending.length < this.settings.bufferEvents) return;
    // A burst between two flushes is written at once if the socket takes it; only a client that
    // stopped taking what it was sent falls behind.
    this.flush();
    if (this.pending.length >= this.settings.bufferEvents) this.overflow();
  }

  /**
   * Writes what is pending in one write, unless the socket is still full from before. Connections
   * following the same selection over the same span of the log have the same bytes to send: `shared`
   * encodes them once per flush for all of them.
   */
  flush(shared?: Map<string, Uint8Array>): void {
    if (!this.isOpen || this.pending.length === 0) return;
    if (this.sink.writableLength > this.settings.socketHighWaterBytes) return;
    const key = `${this.selectionKey}|${this.pendingFrom}|${this.pendingTo}`;
    let chunk = shared?.get(key);
    if (chunk === undefined) {
      chunk = Buffer.from(this.pending.join(''), 'utf8');
      shared?.set(key, chunk);
    }
    this.sink.write(chunk);
    this.pending = [];
    this.lastIdSent = this.pendingTo;
    this.deliveredThrough = this.queuedThrough;
    this.deliveredThroughEventId = this.queuedThroughEventId;
  }

  /** A comment, or, where the selection passed over events since the last id sent, how far it read. */
  heartbeat(): void {
    if (!this.isOpen || this.sink.writableLength !== 0) return;
    if (this.deliveredThrough > this.lastIdSent) {
      this.lastIdSent = this.deliveredThrough;
      this.sink.write(sseProgressMessage(this.deliveredThrough, sseId(this.deliveredThrough, this.deliveredThroughEventId, this.ids.form)));
    } else this.sink.write(sseComment('heartbeat'));
  }

  /** The ledger is shutting down: the client is told nothing more comes, and reconnects elsewhere or later. */
  end(): void {
    this.close();
    if (!this.sink.writableEnded) this.sink.end();
    const cut = setTimeout(() => this.sink.destroy(), END_GRACE_MS);
    cut.unref();
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.pending = [];
    this.onClosed(this);
  }

  /** Ends the stream at an event the ledger will not serve: what is pending (the events before it) goes first. */
  endUnreadable(position: number, detail: string): void {
    if (!this.isOpen) return;
    const pending = this.pending.join('');
    this.open = false;
    this.pending = [];
    this.sink.end(pending + sseUnreadableMessage(position, detail));
    this.cutLater();
    this.onClosed(this);
  }

  private overflow(): void {
    const lastDelivered = this.deliveredThrough;
    this.open = false;
    this.pending = [];
    this.sink.end(sseOverflowMessage(lastDelivered, this.settings.bufferEvents, sseId(lastDelivered, this.deliveredThroughEventId, this.ids.form)));
    this.cutLater();
    this.onClosed(this, lastDelivered);
  }

  /**
   * A client that reads nothing at all never gets the last message; it is cut off once it has taken
   * nothing for a while. One still reading, however slowly, is left to read up to the message.
   */
  private cutLater(): void {
    let unsent = this.sink.writableLength;
    let waited = 0;
    const check = setInterval(() => {
      waited += LAST_MESSAGE_PROGRESS_MS;
      const nowUnsent = this.sink.writableLength;
      if (nowUnsent >= unsent || waited >= LAST_MESSAGE_LIMIT_MS) {
        clearInterval(check);
        this.sink.destroy();
      }
      unsent = nowUnsent;
    }, LAST_MESSAGE_PROGRESS_MS);
    check.unref();
    this.sink.once('close', () => clearInterval(check));
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => resolve();
      this.sink.once('drain', done);
      this.sink.once('close', done);
    });
  }
}
