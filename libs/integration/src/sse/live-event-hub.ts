import { EventStore, readAllReadable, StoredEvent, UnreadableEventError } from '@concord/event-store';
import { LedgerCloudEvent } from '../cloud-events/cloud-event';
import { EventFeed } from '../feed/event-feed';
import { EventSelection } from '../feed/event-selection';
import { POSITION_IDS, SseConnection, SseIds } from './sse-connection';
import { sseComment, sseEventMessage, SseIdForm, sseId, sseRetry } from './sse-messages';
import { SseSettings, SseSink } from './sse-sink';

const CATCH_UP_BATCH = 500;
const RESUBSCRIBE_DELAY_MS = 1_000;

export interface HubLogger {
  warn(entry: Record<string, unknown>): void;
}

/**
 * Fans the live log out to every SSE connection. ONE subscription to the store follows the log;
 * each event is turned into its envelope and serialised once, whatever the number of subscribers,
 * and each connection's share is written to its socket once per flush interval. A new connection
 * first catches up from the store by itself and joins the live fan-out once it has reached the
 * position the hub has dispatched through, so nothing is missed or sent twice between the two.
 */
export class LiveEventHub {
  private readonly live = new Set<SseConnection>();
  private readonly connections = new Set<SseConnection>();
  /** Whose key opened each connection, so that revoking a key ends its streams. */
  private readonly owners = new Map<SseConnection, string>();
  private dispatchedThrough = 0;
  private readonly stopping = new AbortController();
  private flushTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  /** The last event live connections were refused, logged once. */
  private refusedAt = 0;
  private following: Promise<void> | undefined;
  private readonly dispatchListeners: (() => void)[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly feed: EventFeed,
    private readonly settings: SseSettings,
    private readonly logger: HubLogger,
  ) {}

  get subscriberCount(): number {
    return this.connections.size;
  }

  /** Called after every event the hub follows: webhook delivery wakes on it. */
  onDispatched(listener: () => void): void {
    this.dispatchListeners.push(listener);
  }

  /** Starts following the log from its head now; events before it are served by catch-up. */
  async start(): Promise<void> {
    if (this.following !== undefined) return;
    this.dispatchedThrough = await this.store.headPosition();
    this.following = this.follow();
    this.heartbeatTimer = setInterval(() => this.heartbeat(), this.settings.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.heartbeatTimer !== undefined) clearInterval(this.heartbeatTimer);
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    for (const connection of [...this.connections]) connection.end();
    await this.following;
  }

  /** Whether a stream opened with this key stays within the streams one key may hold open (`streamsPerOwner`). */
  hasRoomFor(ownerKeyId: string | undefined): boolean {
    const most = this.settings.streamsPerOwner;
    if (ownerKeyId === undefined || most === 0) return true;
    let held = 0;
    for (const owner of this.owners.values()) if (owner === ownerKeyId && ++held >= most) return false;
    return true;
  }

  get streamsPerOwner(): number {
    return this.settings.streamsPerOwner;
  }

  /** Ends the streams opened with this key, as on shutdown; the number ended. */
  endOwnedBy(ownerKeyId: string): number {
    const owned = [...this.owners].filter(([, owner]) => owner === ownerKeyId).map(([connection]) => connection);
    for (const connection of owned) connection.end();
    return owned.length;
  }

  /** Serves one subscriber from `after` on, writing ids as `ids` says; the stream's headers must already be written. */
  open(sink: SseSink, after: number, selection: EventSelection, ownerKeyId?: string, ids: SseIds = POSITION_IDS): SseConnection {
    const connection = new SseConnection(
      sink,
      selection,
      after,
      this.settings,
      (closed, overflowedAt) => {
        this.live.delete(closed);
        this.connections.delete(closed);
        this.owners.delete(closed);
        if (overflowedAt !== undefined) {
          this.logger.warn({
            msg: 'an SSE client fell behind and was disconnected with an overflow message',
            lastDeliveredPosition: overflowedAt,
            bufferEvents: this.settings.bufferEvents,
          });
        }
      },
      ids,
    );
    this.connections.add(connection);
    if (ownerKeyId !== undefined) this.owners.set(connection, ownerKeyId);
    sink.write(sseRetry(this.settings.retryMs) + sseComment(`following the ledger after position ${after}`));
    this.catchUp(connection).catch((error: unknown) => {
      this.logger.warn({ msg: 'SSE catch-up failed; the connection is closed', error: String(error) });
      connection.close();
      sink.destroy();
    });
    return connection;
  }

  private async catchUp(connection: SseConnection): Promise<void> {
    let cursor = connection.position;
    while (connection.isOpen) {
      // Checked and joined in one synchronous step: no dispatch can slip in between.
      if (cursor >= this.dispatchedThrough) {
        this.live.add(connection);
        return;
      }
      const { events: batch, unreadable } = await readAllReadable(this.store, cursor, Math.min(CATCH_UP_BATCH, this.dispatchedThrough - cursor));
      if (unreadable !== undefined && batch.length === 0) {
        connection.endUnreadable(unreadable.position, unreadable.message);
        return;
      }
      if (batch.length === 0) return;
      try {
        await this.feed.indexThrough(cursor, batch);
      } catch (error) {
        // Resumed past a gap in the log: nothing after it is served, and the stream says why.
        if (!(error instanceof UnreadableEventError)) throw error;
        connection.endUnreadable(error.position, error.message);
        return;
      }
      let text = '';
      let lastSent: number | undefined;
      let cursorEventId: string | null = null;
      let refused: UnreadableEventError | undefined;
      for (const stored of batch) {
        let event: LedgerCloudEvent | undefined;
        try {
          event = this.feed.select(stored, connection.selection);
        } catch (error) {
          if (!(error instanceof UnreadableEventError)) throw error;
          refused = error;
          break;
        }
        if (event !== undefined) {
          text += sseEventMessage(sseId(stored.position, stored.eventId, connection.idForm), JSON.stringify(event));
          lastSent = stored.position;
        }
        cursor = stored.position;
        cursorEventId = stored.eventId;
      }
      // Nothing of the batch passed (an event refused first): the connection stays where it was.
      if (cursorEventId !== null) await connection.writeCaughtUp(text, cursor, cursorEventId, lastSent);
      if (refused !== undefined) {
        // The events before it are sent; the stream ends saying why, not with a bare cut.
        connection.endUnreadable(refused.position, refused.message);
        return;
      }
    }
  }

  private async follow(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      try {
        // Connections are written to once per flush interval: reading the log more often than that
        // under load would only split the same writes into more reads.
        for await (const stored of this.store.subscribe({ after: this.dispatchedThrough, signal, readEveryMs: this.settings.flushMs })) {
          await this.feed.indexThrough(stored.position - 1, [stored]);
          this.dispatch(stored);
        }
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof UnreadableEventError) this.refuseLive(error);
        else this.logger.warn({ msg: 'the live event subscription failed; resubscribing', after: this.dispatchedThrough, error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, RESUBSCRIBE_DELAY_MS).unref());
      }
    }
  }

  /**
   * The log cannot be followed past an event the ledger will not serve (a gap in its positions,
   * say): the live streams end saying why, rather than hearing heartbeats only, and it is said once
   * in the log. The hub goes on trying, for an operator may mend the log.
   */
  private refuseLive(refused: UnreadableEventError): void {
    for (const connection of [...this.live]) connection.endUnreadable(refused.position, refused.message);
    if (this.refusedAt !== refused.position)
      this.logger.warn({ msg: 'SSE streams that select an event the ledger will not serve are ended', position: refused.position, reason: refused.reason });
    this.refusedAt = refused.position;
  }

  private dispatch(stored: StoredEvent): void {
    const bodyId = this.feed.bodyOf(stored);
    // Serialised once, and written once per id form, whatever the number of connections.
    let json: string | undefined;
    let byPosition: string | undefined;
    let byPositionAndEvent: string | undefined;
    const messageOf = (form: SseIdForm): string =>
      sseEventMessage(sseId(stored.position, stored.eventId, form), (json ??= JSON.stringify(this.feed.envelope(stored, bodyId))));
    const messageOnce = (form: SseIdForm): string => (form === 'position' ? (byPosition ??= messageOf(form)) : (byPositionAndEvent ??= messageOf(form)));
    for (const connection of this.live) {
      try {
        connection.offer(stored.position, stored.eventId, stored.type, bodyId, messageOnce);
      } catch (error) {
        if (!(error instanceof UnreadableEventError)) throw error;
        // Served to no one: a connection that selects it gets what was pending before it, then why it ends.
        connection.endUnreadable(stored.position, error.message);
        if (this.refusedAt !== stored.position)
          this.logger.warn({ msg: 'SSE streams that select an event the ledger will not serve are ended', position: stored.position, reason: error.reason });
        this.refusedAt = stored.position;
      }
    }
    this.dispatchedThrough = stored.position;
    if (json !== undefined) this.scheduleFlush();
    for (const listener of this.dispatchListeners) listener();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      let waiting = false;
      const shared = new Map<string, Uint8Array>();
      for (const connection of this.live) {
        connection.flush(shared);
        waiting ||= connection.hasPending;
      }
      // A socket that was full keeps its events; look again once it may have drained.
      if (waiting) this.scheduleFlush();
    }, this.settings.flushMs);
  }

  private heartbeat(): void {
    for (const connection of this.connections) {
      if (!connection.hasPending) connection.heartbeat();
    }
  }
}
