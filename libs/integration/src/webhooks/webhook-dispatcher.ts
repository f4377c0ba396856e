import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EventStore, readAllReadable, StoredEvent, UnreadableEventError } from '@concord/event-store';
import { LedgerCloudEvent } from '../cloud-events/cloud-event';
import { EventFeed } from '../feed/event-feed';
import { EventSelection } from '../feed/event-selection';
import { nextRetryDelayMs, retryAfterMs } from './retry-schedule';
import { WebhookAttemptRecord } from './webhook-attempt';
import { DeliveryState, deliveryStateOf, WebhookRecord } from './webhook-record';
import { WebhookRepository } from './webhook-repository';
import { PostOutcome, postWebhook, WebhookPost } from './webhook-post';
import { sendSigned } from './webhook-send';

/** Retries falling due within this long get a timer of their own (see `wakeAt`). */
const LONGEST_TIMED_WAIT_MS = 60 * 60 * 1000;

export interface DispatcherSettings {
  readonly retryBaseMs: number;
  readonly maxAttempts: number;
  readonly leaseMs: number;
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
  /** How often due webhooks are looked for when no append wakes the dispatcher. */
  readonly pollMs: number;
}

export interface DispatcherLogger {
  info(entry: Record<string, unknown>): void;
  warn(entry: Record<string, unknown>): void;
}

export interface DispatcherDependencies {
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly post?: WebhookPost;
}

const READ_BATCH = 200;
/** How long a stop lets delivery attempts in flight run before cutting them, as the API's connections. */
const STOP_GRACE_MS = 2000;
const MIN_TICK_GAP_MS = 50;

function isDue(webhook: WebhookRecord, head: number, now: Date): boolean {
  return webhook.status === 'active' && webhook.deliveredThrough < head && (webhook.nextAttemptAt === null || webhook.nextAttemptAt <= now.toISOString());
}

/**
 * Delivers every active webhook's events, one at a time and in position order: the next event is
 * sent only after a 2xx for the previous one, and the checkpoint (`deliveredThrough`) is saved
 * after each 2xx, so a restart resumes where the receiver last acknowledged (at least once: an
 * event acknowledged but not yet checkpointed when the process dies is sent again, with the same
 * `webhook-id`). Each webhook is worked on under a lease, so instances sharing a database never
 * deliver the same webhook at once.
 */
export class WebhookDispatcher {
  readonly holder = `${hostname()}/${process.pid}/${randomUUID()}`;
  private readonly working = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  /** Aborted once a stop's grace has passed: attempts still waiting on a receiver are cut. */
  private readonly cutting = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private wakeRequested = false;
  private wakeTimer: NodeJS.Timeout | undefined;
  private lastTickAt = 0;
  /** Webhooks whose lease this instance took: released on a clean stop. */
  private readonly held = new Set<string>();
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly post: WebhookPost;

  constructor(
    private readonly repository: WebhookRepository,
    private readonly store: EventStore,
    private readonly feed: EventFeed,
    private readonly settings: DispatcherSettings,
    private readonly logger: DispatcherLogger,
    dependencies: DispatcherDependencies = {},
  ) {
    this.now = dependencies.now ?? (() => new Date());
    this.random = dependencies.random ?? Math.random;
    this.post = dependencies.post ?? postWebhook;
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.wake(), this.settings.pollMs);
    this.timer.unref();
    this.wake();
  }

  /**
   * Something was appended or a webhook changed: look for due work soon. Under a stream of appends
   * the looks are spaced by `MIN_TICK_GAP_MS`, so following the log costs a few queries a second,
   * not one per event.
   */
  wake(): void {
    if (this.stopping.signal.aborted || this.wakeTimer !== undefined) return;
    const wait = Math.max(0, this.lastTickAt + MIN_TICK_GAP_MS - Date.now());
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.tickNow();
    }, wait);
    this.wakeTimer.unref();
  }

  private tickNow(): void {
    if (this.stopping.signal.aborted) return;
    this.lastTickAt = Date.now();
    if (this.ticking !== undefined) {
      this.wakeRequested = true;
      return;
    }
    this.ticking = this.tick()
      .catch((error: unknown) => this.logger.warn({ msg: 'looking for due webhooks failed', error: String(error) }))
      .finally(() => {
        this.ticking = undefined;
        if (this.wakeRequested) {
          this.wakeRequested = false;
          this.wake();
        }
      });
  }

  /**
   * Stops taking work, lets attempts in flight finish for `graceMs` and then cuts them (their events
   * are delivered again at the next start, with the same `webhook-id`: a receiver slow to answer
   * must not hold a stop for the whole attempt timeout), and hands the leases back.
   */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    this.stopping.abort();
    if (this.timer !== undefined) clearInterval(this.timer);
    if (this.wakeTimer !== undefined) clearTimeout(this.wakeTimer);
    const cut = setTimeout(() => {
      if (this.working.size > 0)
        this.logger.info({ msg: 'webhook deliveries in flight cut by the stop; they are sent again at the next start', webhooks: this.working.size });
      this.cutting.abort();
    }, graceMs);
    try {
      await this.ticking;
      await Promise.all(this.working.values());
    } finally {
      clearTimeout(cut);
    }
    // Handed back so that another instance takes these webhooks over at once, not when the lease runs out.
    await Promise.all([...this.held].map((webhookId) => this.repository.releaseLease(webhookId, this.holder).catch(() => undefined)));
  }

  private async tick(): Promise<void> {
    const head = await this.store.headPosition();
    const due = await this.repository.listDue(this.holder, this.now());
    for (const listed of due) {
      if (this.stopping.signal.aborted) return;
      if (this.working.has(listed.webhookId) || listed.deliveredThrough >= head) continue;
      if (!(await this.repository.acquireLease(listed.webhookId, this.holder, this.now(), this.settings.leaseMs))) continue;
      this.held.add(listed.webhookId);
      // Read again: while this look waited on the leases before it, a delivery of this webhook may
      // have run and ended, and the listing's checkpoint would send an acknowledged event again.
      const webhook = await this.repository.get(listed.webhookId);
      if (webhook === undefined || this.working.has(webhook.webhookId) || !isDue(webhook, head, this.now())) continue;
      const work = this.work(webhook)
        .catch((error: unknown) =>
          this.logger.warn({ msg: 'webhook delivery stopped by an error; it resumes on the next look', webhookId: webhook.webhookId, error: String(error) }),
        )
        .finally(() => this.working.delete(webhook.webhookId));
      this.working.set(webhook.webhookId, work);
    }
  }

  /**
   * Delivers one webhook's due events until it is caught up, an attempt fails, or it changed
   * meanwhile. Events are read in batches and delivered one by one from each batch; events the
   * selection leaves out only move the checkpoint.
   */
  private async work(start: WebhookRecord): Promise<void> {
    let webhook = start;
    const selection: EventSelection = { types: webhook.types === null ? null : new Set(webhook.types), bodyId: webhook.bodyId };
    const lease = { renewedAt: this.now().getTime() };
    while (!this.stopping.signal.aborted) {
      const after = webhook.deliveredThrough;
      const { events: batch, unreadable } = await readAllReadable(this.store, after, READ_BATCH);
      if (unreadable !== undefined && batch.length === 0) {
        await this.pauseAtUnreadable(webhook, unreadable);
        return;
      }
      if (batch.length === 0) return;
      const gap = await this.feed.indexThrough(after, batch).then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof UnreadableEventError) return error;
          throw error;
        },
      );
      // Past a gap in the log, nothing is served: paused and said, as for any event it will not serve.
      if (gap !== undefined) {
        await this.pauseAtUnreadable(webhook, gap);
        return;
      }
      let scannedThrough = after;
      for (const stored of batch) {
        if (this.stopping.signal.aborted || !(await this.holdLease(webhook, lease))) return;
        const event = await this.selected(webhook, stored, selection);
        if (event === null) return;
        scannedThrough = stored.position;
        if (event === undefined) continue;
        const { outcome, made } = await this.attempt(webhook, event);
        // Cut by a stop: not the receiver's failure, nothing to save; the next start sends it again.
        if (outcome.cancelled) return;
        const saved = await this.save(webhook, this.stateAfter(webhook, event, outcome), made);
        if (saved?.nextAttemptAt != null) this.wakeAt(saved.nextAttemptAt);
        if (saved === undefined || saved.status !== 'active' || outcome.error !== null) return;
        webhook = saved;
      }
      if (scannedThrough > webhook.deliveredThrough) {
        const saved = await this.save(webhook, { ...webhook, deliveredThrough: scannedThrough });
        if (saved === undefined) return;
        webhook = saved;
      }
    }
  }

  /**
   * The envelope of `stored` if the selection takes it; null, with the webhook paused, when the
   * ledger will not serve it (a row written into the store by hand): attempting again at every look
   * would change nothing until an operator deals with the row, after which the webhook is resumed.
   */
  private async selected(webhook: WebhookRecord, stored: StoredEvent, selection: EventSelection): Promise<LedgerCloudEvent | undefined | null> {
    try {
      return this.feed.select(stored, selection);
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      await this.pauseAtUnreadable(webhook, error);
      return null;
    }
  }

  private async pauseAtUnreadable(webhook: WebhookRecord, refused: UnreadableEventError): Promise<void> {
    this.logger.warn({ msg: 'webhook paused: the log holds an event the ledger will not serve', webhookId: webhook.webhookId, position: refused.position });
    await this.save(webhook, { ...webhook, status: 'paused', lastError: refused.message, nextAttemptAt: null });
  }

  /** Renews the lease once a third of it has passed; false when another instance has it now. */
  private async holdLease(webhook: WebhookRecord, lease: { renewedAt: number }): Promise<boolean> {
    const now = this.now();
    if (now.getTime() - lease.renewedAt <= this.settings.leaseMs / 3) return true;
    if (!(await this.repository.acquireLease(webhook.webhookId, this.holder, now, this.settings.leaseMs))) return false;
    lease.renewedAt = now.getTime();
    return true;
  }

  /**
   * Looks again when a retry falls due, so that it is sent at the `nextAttemptAt` shown, not at the
   * first poll after it (up to `pollMs` later: a `Retry-After: 2` became 3 s). The longest wait the
   * backoff gives is an hour; a later one is left to the polls.
   */
  private wakeAt(when: string): void {
    const delay = Date.parse(when) - this.now().getTime();
    if (delay > LONGEST_TIMED_WAIT_MS) return;
    setTimeout(() => this.wake(), Math.max(0, delay) + 5).unref();
  }

  private async attempt(webhook: WebhookRecord, event: LedgerCloudEvent): Promise<{ outcome: PostOutcome; made: WebhookAttemptRecord }> {
    const { outcome, made } = await sendSigned(webhook, event, { kind: 'event', position: event.position }, this.post, {
      now: this.now(),
      timeoutMs: this.settings.timeoutMs,
      allowPrivate: this.settings.allowPrivate,
      cancel: this.cutting.signal,
    });
    if (outcome.error !== null && outcome.cancelled !== true) {
      this.logger.warn({
        msg: 'webhook delivery failed',
        webhookId: webhook.webhookId,
        position: event.position,
        status: outcome.status,
        error: outcome.error,
      });
    }
    return { outcome, made };
  }

  private stateAfter(webhook: WebhookRecord, event: LedgerCloudEvent, outcome: PostOutcome): DeliveryState {
    const now = this.now();
    const attemptedAt = now.toISOString();
    if (outcome.error === null) {
      return {
        status: 'active',
        deliveredThrough: event.position,
        consecutiveFailures: 0,
        lastError: null,
        lastAttemptAt: attemptedAt,
        nextAttemptAt: null,
        lastDeliveredAt: attemptedAt,
      };
    }
    const failures = webhook.consecutiveFailures + 1;
    const lastError = `${outcome.error} (event at position ${event.position})`;
    const failed = { ...webhook, consecutiveFailures: failures, lastError, lastAttemptAt: attemptedAt };
    if (outcome.status === 410) {
      this.logger.info({ msg: 'the receiver answered 410 Gone: webhook disabled', webhookId: webhook.webhookId });
      return { ...failed, status: 'disabled', nextAttemptAt: null };
    }
    if (failures >= this.settings.maxAttempts) {
      this.logger.info({ msg: 'webhook paused after failing too often in a row', webhookId: webhook.webhookId, failures });
      return { ...failed, status: 'paused', nextAttemptAt: null };
    }
    const delay = nextRetryDelayMs(failures, this.settings.retryBaseMs, retryAfterMs(outcome.retryAfter, now), this.random);
    return { ...failed, status: 'active', nextAttemptAt: new Date(now.getTime() + delay).toISOString() };
  }

  private save(webhook: WebhookRecord, state: DeliveryState, made?: WebhookAttemptRecord): Promise<WebhookRecord | undefined> {
    return this.repository.saveState(webhook.webhookId, webhook.version, deliveryStateOf(state), this.holder, made);
  }
}
