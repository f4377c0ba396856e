import { randomUUID } from 'node:crypto';
import { EventFeed } from '../feed/event-feed';
import { EventSelection } from '../feed/event-selection';
import { DeliveryState, deliveryStateOf, initialDeliveryState, WebhookRecord, webhookView, WebhookView } from './webhook-record';
import { WebhookRepository } from './webhook-repository';
import { newWebhookSecret } from './webhook-signature';
import { checkWebhookTarget } from './webhook-target';

/** No webhook with this id belongs to the caller (another key's webhook is not revealed either). */
export class WebhookNotFoundError extends Error {
  override readonly name = 'WebhookNotFoundError';

  constructor(readonly webhookId: string) {
    super(`no webhook ${webhookId} is registered with this key`);
  }
}

export interface WebhookRegistrationRequest {
  readonly url: string;
  readonly selection: EventSelection;
  readonly after?: number;
  readonly description?: string;
}

/** A replay asked to start past events the receiver has not acknowledged: it would skip them. */
export class ReplayAheadError extends Error {
  override readonly name = 'ReplayAheadError';

  constructor(
    readonly from: number,
    readonly deliveredThrough: number,
  ) {
    super(
      `replay from ${from} would skip the events after ${deliveredThrough}, which the receiver has not acknowledged; replay from ${deliveredThrough + 1} or earlier`,
    );
  }
}

export type RegisteredWebhook = WebhookView & { readonly secret: string };

const SAVE_ATTEMPTS = 10;

/**
 * What an integrator can do with its webhooks. Every call names the caller's key: a webhook is
 * seen and managed only with the key that registered it.
 */
export class WebhookService {
  constructor(
    private readonly repository: WebhookRepository,
    private readonly feed: EventFeed,
    private readonly allowPrivate: boolean,
    private readonly changed: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The secret is in this answer only. Delivery starts after `after`, by default the head now. */
  async register(ownerKeyId: string, request: WebhookRegistrationRequest): Promise<RegisteredWebhook> {
    const url = await checkWebhookTarget(request.url, this.allowPrivate);
    const head = await this.feed.headPosition();
    const after = request.after ?? head;
    await this.feed.assertReached(after);
    const registration = {
      webhookId: randomUUID(),
      ownerKeyId,
      url: url.href,
      types: request.selection.types === null ? null : [...request.selection.types].sort(),
      bodyId: request.selection.bodyId,
      description: request.description ?? null,
      secret: newWebhookSecret(),
      createdAt: this.now().toISOString(),
    };
    const record = await this.repository.create(registration, initialDeliveryState(after));
    this.changed();
    return { ...webhookView(record), secret: registration.secret };
  }

  async list(ownerKeyId: string): Promise<WebhookView[]> {
    return (await this.repository.listOwnedBy(ownerKeyId)).map(webhookView);
  }

  async get(ownerKeyId: string, webhookId: string): Promise<WebhookView> {
    return webhookView(await this.owned(ownerKeyId, webhookId));
  }

  async delete(ownerKeyId: string, webhookId: string): Promise<void> {
    await this.owned(ownerKeyId, webhookId);
    if (!(await this.repository.delete(webhookId))) throw new WebhookNotFoundError(webhookId);
  }

  /** Removes every webhook of a key (its key was revoked): nothing more goes out for it; the number removed. */
  async deleteAllOwnedBy(ownerKeyId: string): Promise<number> {
    let deleted = 0;
    for (const record of await this.repository.listOwnedBy(ownerKeyId)) if (await this.repository.delete(record.webhookId)) deleted += 1;
    return deleted;
  }

  /**
   * Pauses every active webhook of a key with `reason` as its last error: nothing more goes out for
   * it until the key's holder resumes it. Kept, not removed, so that a key missing by mistake (an
   * environment file not loaded) costs no webhook; the number paused.
   */
  async pauseAllOwnedBy(ownerKeyId: string, reason: string): Promise<number> {
    let paused = 0;
    for (const record of await this.repository.listOwnedBy(ownerKeyId)) {
      if (record.status !== 'active') continue;
      const view = await this.change(ownerKeyId, record.webhookId, (current) =>
        current.status === 'active' ? { ...deliveryStateOf(current), status: 'paused', lastError: reason, nextAttemptAt: null } : undefined,
      );
      if (view.status === 'paused') paused += 1;
    }
    return paused;
  }

  /**
   * Delivers again every selected event from position `from` on; the webhook becomes active. It
   * only goes back: starting past an event not yet acknowledged would skip it.
   */
  async replay(ownerKeyId: string, webhookId: string, from: number): Promise<WebhookView> {
    return this.change(ownerKeyId, webhookId, (record) => {
      if (from > record.deliveredThrough + 1) throw new ReplayAheadError(from, record.deliveredThrough);
      return restarted(record, from - 1);
    });
  }

  /**
   * A paused or disabled webhook is delivered again from where it stopped. An active one is left as
   * it is: its retry schedule (and a receiver's Retry-After) stands.
   */
  async resume(ownerKeyId: string, webhookId: string): Promise<WebhookView> {
    return this.change(ownerKeyId, webhookId, (record) => (record.status === 'active' ? undefined : restarted(record, record.deliveredThrough)));
  }

  /** Saves `next(record)` at the version read, reading again if it changed meanwhile; undefined changes nothing. */
  private async change(ownerKeyId: string, webhookId: string, next: (record: WebhookRecord) => DeliveryState | undefined): Promise<WebhookView> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const record = await this.owned(ownerKeyId, webhookId);
      const state = next(record);
      if (state === undefined) return webhookView(record);
      const saved = await this.repository.saveState(webhookId, record.version, state, null);
      if (saved !== undefined) {
        this.changed();
        return webhookView(saved);
      }
    }
    throw new Error(`webhook ${webhookId} kept changing during ${SAVE_ATTEMPTS} attempts to save it`);
  }

  private async owned(ownerKeyId: string, webhookId: string): Promise<WebhookRecord> {
    const record = await this.repository.get(webhookId);
    if (record === undefined || record.ownerKeyId !== ownerKeyId) throw new WebhookNotFoundError(webhookId);
    return record;
  }
}

/**
 * Active again, due at once, with no failures counted; what happened before (the last attempt, the
 * last delivery, the last error) stays readable, since a replay or resume does not undo it.
 */
function restarted(record: WebhookRecord, deliveredThrough: number): DeliveryState {
  const { lastError, lastAttemptAt, lastDeliveredAt } = record;
  return { status: 'active', deliveredThrough, consecutiveFailures: 0, lastError, lastAttemptAt, nextAttemptAt: null, lastDeliveredAt };
}
