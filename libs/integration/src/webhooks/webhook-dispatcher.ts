import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EventStore, StoredEvent } from '@concord/event-store';
import { LedgerCloudEvent } from '../cloud-events/cloud-event';
import { EventFeed } from '../feed/event-feed';
import { EventSelection } from '../feed/event-selection';
import { nextRetryDelayMs, retryAfterMs } from './retry-schedule';
import { DeliveryState, WebhookRecord } from './webhook-record';
import { WebhookRepository } from './webhook-repository';
import { PostOutcome, postWebhook, WebhookPost } from './webhook-post';
import { signWebhook } from './webhook-signature';

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
const USER_AGENT = 'ConcordLedger-Webhooks/1';

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
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private wakeRequested = false;
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

  /** Something was appended or a webhook changed: look for due work now. */
  wake(): void {
    if (this.stopping.signal.aborted) return;
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

  /** Stops taking work, lets attempts in flight finish, and hands the leases back. */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.ticking;
    await Promise.all(this.working.values());
  }

  /** Waits until no delivery is in flight: for tests. */
  async idle(): Promise<void> {
    while (this.ticking !== undefined || this.working.size > 0) {
      await this.ticking;
      await Promise.all(this.working.values());
    }
  }

  private async tick(): Promise<void> {
    const head = await this.store.headPosition();
    const due = await this.repository.listDue(this.holder, this.now());
    for (const webhook of due) {
      if (this.stopping.signal.aborted) return;
      if (this.working.has(webhook.webhookId) || webhook.deliveredThrough >= head) continue;
      if (!(await this.repository.acquireLease(webhook.webhookId, this.holder, this.now(), this.settings.leaseMs))) continue;
      const work = this.work(webhook)
        .catch((error: unknown) => this.logger.warn({ msg: 'webhook delivery stopped by an error; it resumes on the next look', webhookId: webhook.webhookId, error: String(error) }))
        .finally(() => this.working.delete(webhook.webhookId));
      this.working.set(webhook.webhookId, work);
    }
  }

  /** Delivers one webhook's due events until it is caught up, an attempt fails, or it changed meanwhile. */
  private async work(start: WebhookRecord): Promise<void> {
    let webhook = start;
    const selection: EventSelection = { types: webhook.types === null ? null : new Set(webhook.types), bodyId: webhook.bodyId };
    let leaseRenewedAt = this.now().getTime();
    while (!this.stopping.signal.aborted) {
      if (this.now().getTime() - leaseRenewedAt > this.settings.leaseMs / 3) {
        if (!(await this.repository.acquireLease(webhook.webhookId, this.holder, this.now(), this.settings.leaseMs))) return;
        leaseRenewedAt = this.now().getTime();
      }
      const next = await this.nextSelected(webhook.deliveredThrough, selection);
      if (next.event === undefined) {
        if (next.scannedThrough > webhook.deliveredThrough) {
          const saved = await this.save(webhook, { ...webhook, deliveredThrough: next.scannedThrough });
          if (saved === undefined) return;
          webhook = saved;
          continue;
        }
        return;
      }
      const outcome = await this.attempt(webhook, next.event);
      const saved = await this.save(webhook, this.stateAfter(webhook, next.event, outcome));
      if (saved?.nextAttemptAt != null) this.wakeAt(saved.nextAttemptAt);
      if (saved === undefined || saved.status !== 'active' || outcome.error !== null) return;
      webhook = saved;
    }
  }

  /** A retry is due then: look again at that moment rather than at the next poll. */
  private wakeAt(when: string): void {
    const delay = Date.parse(when) - this.now().getTime();
    if (delay >= this.settings.pollMs) return;
    setTimeout(() => this.wake(), Math.max(0, delay) + 5).unref();
  }

  private async nextSelected(after: number, selection: EventSelection): Promise<{ event?: LedgerCloudEvent; scannedThrough: number }> {
    const batch: StoredEvent[] = await this.store.readAll({ after, limit: READ_BATCH });
    if (batch.length === 0) return { scannedThrough: after };
    await this.feed.indexThrough(after, batch);
    for (const stored of batch) {
      const event = this.feed.select(stored, selection);
      if (event !== undefined) return { event, scannedThrough: stored.position - 1 };
    }
    return { scannedThrough: batch[batch.length - 1]?.position ?? after };
  }

  private async attempt(webhook: WebhookRecord, event: LedgerCloudEvent): Promise<PostOutcome> {
    const body = JSON.stringify(event);
    const signed = signWebhook(webhook.secret, event.id, Math.floor(this.now().getTime() / 1000), body);
    const headers = { ...signed, 'content-type': 'application/cloudevents+json', 'user-agent': USER_AGENT };
    const outcome = await this.post(webhook.url, body, headers, { timeoutMs: this.settings.timeoutMs, allowPrivate: this.settings.allowPrivate });
    if (outcome.error !== null) {
      this.logger.warn({ msg: 'webhook delivery failed', webhookId: webhook.webhookId, position: event.position, status: outcome.status, error: outcome.error });
    }
    return outcome;
  }

  private stateAfter(webhook: WebhookRecord, event: LedgerCloudEvent, outcome: PostOutcome): DeliveryState {
    const now = this.now();
    const attemptedAt = now.toISOString();
    if (outcome.error === null) {
      return { status: 'active', deliveredThrough: event.position, consecutiveFailures: 0, lastError: null, lastAttemptAt: attemptedAt, nextAttemptAt: null, lastDeliveredAt: attemptedAt };
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

  private save(webhook: WebhookRecord, state: DeliveryState): Promise<WebhookRecord | undefined> {
    const { status, deliveredThrough, consecutiveFailures, lastError, lastAttemptAt, nextAttemptAt, lastDeliveredAt } = state;
    return this.repository.saveState(webhook.webhookId, webhook.version, { status, deliveredThrough, consecutiveFailures, lastError, lastAttemptAt, nextAttemptAt, lastDeliveredAt }, this.holder);
  }
}
