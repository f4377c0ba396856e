import { randomUUID } from 'node:crypto';
import { EventFeed } from '../feed/event-feed';
import { EventSelection } from '../feed/event-selection';
import {
  DeliveryState,
  deliveryStateOf,
  initialDeliveryState,
  RegistrationChange,
  registrationChangeOf,
  stillSigning,
  WebhookRecord,
  webhookView,
  WebhookView,
} from './webhook-record';
import { WebhookRepository } from './webhook-repository';
import { WebhookAttempt, WebhookAttemptPage } from './webhook-attempt';
import { postWebhook, WebhookPost } from './webhook-post';
import { webhookPing } from './webhook-ping';
import { sendSigned } from './webhook-send';
import { newWebhookSecret } from './webhook-signature';
import { checkWebhookTarget } from './webhook-target';

/**
 * No webhook with this id belongs to the caller (another key's webhook is not revealed either), or,
 * asked by an admin of every webhook (`anyKey`), none is registered at all.
 */
export class WebhookNotFoundError extends Error {
  override readonly name = 'WebhookNotFoundError';

  constructor(
    readonly webhookId: string,
    anyKey = false,
  ) {
    super(anyKey ? `no webhook ${webhookId} is registered (by any key)` : `no webhook ${webhookId} is registered with this key`);
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

/** What a registration's owner may change; a field left out stays as it is, a `null` clears it. */
export interface WebhookUpdate {
  readonly url?: string;
  readonly types?: ReadonlySet<string> | null;
  readonly bodyId?: string | null;
  readonly description?: string | null;
}

export type RegisteredWebhook = WebhookView & { readonly secret: string };

export interface WebhookServiceSettings {
  /** Targets on private networks are allowed (`CONCORD_WEBHOOK_ALLOW_PRIVATE`). */
  readonly allowPrivate: boolean;
  /** How long a ping waits for the receiver, as a delivery does. */
  readonly timeoutMs: number;
  /** A webhook changed: the dispatcher looks for due work. */
  readonly changed: () => void;
  readonly now?: () => Date;
  readonly post?: WebhookPost;
}

const SAVE_ATTEMPTS = 10;
/** What `lastError` says of a webhook its owner paused. */
export const PAUSED_BY_OWNER = 'paused by its owner; resume it to go on from where it stopped';
/** Rotations made while earlier secrets still sign keep at most this many of them, the newest. */
export const MAX_PREVIOUS_SECRETS = 10;

/**
 * What an integrator can do with its webhooks. Every call names the caller's key: a webhook is
 * seen and managed only with the key that registered it.
 */
export class WebhookService {
  private readonly now: () => Date;
  private readonly post: WebhookPost;

  constructor(
    private readonly repository: WebhookRepository,
    private readonly feed: EventFeed,
    private readonly settings: WebhookServiceSettings,
  ) {
    this.now = settings.now ?? (() => new Date());
    this.post = settings.post ?? postWebhook;
  }

  /** The secret is in this answer only. Delivery starts after `after`, by default the head now. */
  async register(ownerKeyId: string, request: WebhookRegistrationRequest): Promise<RegisteredWebhook> {
    const url = await checkWebhookTarget(request.url, this.settings.allowPrivate);
    const head = await this.feed.headPosition();
    const after = request.after ?? head;
    await this.feed.assertReached(after);
    const now = this.now();
    const registration = {
      webhookId: randomUUID(),
      ownerKeyId,
      url: url.href,
      types: typesOf(request.selection.types),
      bodyId: request.selection.bodyId,
      description: request.description ?? null,
      secret: newWebhookSecret(),
      previousSecrets: [],
      createdAt: now.toISOString(),
    };
    const record = await this.repository.create(registration, initialDeliveryState(after));
    this.settings.changed();
    return { ...webhookView(record, now), secret: registration.secret };
  }

  async list(ownerKeyId: string): Promise<WebhookView[]> {
    const now = this.now();
    return (await this.repository.listOwnedBy(ownerKeyId)).map((record) => webhookView(record, now));
  }

  async get(ownerKeyId: string, webhookId: string): Promise<WebhookView> {
    return webhookView(await this.owned(ownerKeyId, webhookId), this.now());
  }

  /**
   * Changes where a webhook's events go, which it is sent, or its note; where its delivery stands
   * is kept. A selection changed applies from the next event not yet acknowledged, and an event in
   * flight meanwhile is sent again under the new registration.
   */
  async update(ownerKeyId: string, webhookId: string, update: WebhookUpdate): Promise<WebhookView> {
    const url = update.url === undefined ? undefined : (await checkWebhookTarget(update.url, this.settings.allowPrivate)).href;
    return this.changeRegistration(ownerKeyId, webhookId, (record) => ({
      change: {
        ...registrationChangeOf(record),
        ...(url === undefined ? {} : { url }),
        ...(update.types === undefined ? {} : { types: typesOf(update.types) }),
        ...(update.bodyId === undefined ? {} : { bodyId: update.bodyId }),
        ...(update.description === undefined ? {} : { description: update.description }),
      },
      // The failures counted and the retry waited for were the old target's, or the old selection's
      // (the event refused may no longer be selected): a new one is tried at once.
      state:
        record.status === 'active' && (movedTarget(record, url) || changedSelection(record, update))
          ? restarted(record, record.deliveredThrough)
          : deliveryStateOf(record),
    }));
  }

  /**
   * A new secret, in this answer only. The one it replaces still signs every delivery beside it for
   * `previousValidForMs`, so the receiver can switch without refusing a delivery; with 0, every
   * earlier secret stops signing at once (one that leaked). Previous secrets still signing keep
   * their own expiry, so a rotation sent again after a lost answer costs the receiver nothing.
   */
  async rotateSecret(ownerKeyId: string, webhookId: string, previousValidForMs: number): Promise<RegisteredWebhook> {
    const secret = newWebhookSecret();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + previousValidForMs).toISOString();
    const view = await this.changeRegistration(ownerKeyId, webhookId, (record) => ({
      change: {
        ...registrationChangeOf(record),
        secret,
        previousSecrets:
          previousValidForMs === 0 ? [] : [{ secret: record.secret, expiresAt }, ...stillSigning(record.previousSecrets, now)].slice(0, MAX_PREVIOUS_SECRETS),
      },
      state: deliveryStateOf(record),
    }));
    return { ...view, secret };
  }

  /**
   * Sends the webhook a signed test message now, whatever its status, and answers how it went. It
   * is kept among the webhook's attempts; its delivery state and checkpoint are untouched.
   */
  async ping(ownerKeyId: string, webhookId: string): Promise<WebhookAttempt> {
    const webhook = await this.owned(ownerKeyId, webhookId);
    const now = this.now();
    const message = webhookPing(this.feed.publicUrl, webhookId, randomUUID(), now);
    const { made } = await sendSigned(webhook, message, { kind: 'ping', position: null }, this.post, {
      now,
      timeoutMs: this.settings.timeoutMs,
      allowPrivate: this.settings.allowPrivate,
    });
    const recorded = await this.repository.recordAttempt(made);
    // Deleted while the ping was on its way.
    if (recorded === undefined) throw new WebhookNotFoundError(webhookId);
    return recorded;
  }

  /** The webhook's latest attempts, newest first, below `before` when given. */
  async attempts(ownerKeyId: string, webhookId: string, before: number | null, limit: number): Promise<WebhookAttemptPage> {
    await this.owned(ownerKeyId, webhookId);
    return this.repository.listAttempts(webhookId, before, limit);
  }

  async delete(ownerKeyId: string, webhookId: string): Promise<void> {
    await this.owned(ownerKeyId, webhookId);
    if (!(await this.repository.delete(webhookId))) throw new WebhookNotFoundError(webhookId);
  }

  /**
   * Every webhook, whatever key registered it (`ownerKeyId`), for an admin: the webhooks of a key
   * no longer accepted (an environment key replaced) are seen and managed by no one else.
   */
  async listEvery(): Promise<WebhookView[]> {
    const now = this.now();
    return (await this.repository.listAll()).map((record) => webhookView(record, now));
  }

  /** Removes a webhook whatever key registered it: an admin's, for one its key can no longer manage. */
  async deleteAny(webhookId: string): Promise<void> {
    if (!(await this.repository.delete(webhookId))) throw new WebhookNotFoundError(webhookId, true);
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
   * Stops deliveries to an active webhook until `resume` (the receiver's maintenance, say): where it
   * stands is kept, and an event in flight is sent again on resuming. A paused or disabled one is
   * left as it is.
   */
  async pause(ownerKeyId: string, webhookId: string): Promise<WebhookView> {
    return this.change(ownerKeyId, webhookId, (record) =>
      record.status === 'active' ? { ...deliveryStateOf(record), status: 'paused', lastError: PAUSED_BY_OWNER, nextAttemptAt: null } : undefined,
    );
  }

  /**
   * A paused or disabled webhook is delivered again from where it stopped. An active one is left as
   * it is: its retry schedule (and a receiver's Retry-After) stands.
   */
  async resume(ownerKeyId: string, webhookId: string): Promise<WebhookView> {
    return this.change(ownerKeyId, webhookId, (record) => (record.status === 'active' ? undefined : restarted(record, record.deliveredThrough)));
  }

  /** Saves `next(record)` as its delivery state at the version read, reading again if it changed meanwhile; undefined changes nothing. */
  private change(ownerKeyId: string, webhookId: string, next: (record: WebhookRecord) => DeliveryState | undefined): Promise<WebhookView> {
    return this.saveChanged(ownerKeyId, webhookId, next, (record, state) => this.repository.saveState(webhookId, record.version, state, null));
  }

  /** Saves `next(record)` as its registration and delivery state, unless it changes neither. */
  private changeRegistration(
    ownerKeyId: string,
    webhookId: string,
    next: (record: WebhookRecord) => { change: RegistrationChange; state: DeliveryState },
  ): Promise<WebhookView> {
    return this.saveChanged(
      ownerKeyId,
      webhookId,
      (record) => {
        const wanted = next(record);
        const unchanged = JSON.stringify(wanted) === JSON.stringify({ change: registrationChangeOf(record), state: deliveryStateOf(record) });
        return unchanged ? undefined : wanted;
      },
      (record, { change, state }) => this.repository.saveRegistration(webhookId, record.version, change, state),
    );
  }

  private async saveChanged<Change>(
    ownerKeyId: string,
    webhookId: string,
    next: (record: WebhookRecord) => Change | undefined,
    save: (record: WebhookRecord, change: Change) => Promise<WebhookRecord | undefined>,
  ): Promise<WebhookView> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const record = await this.owned(ownerKeyId, webhookId);
      const change = next(record);
      if (change === undefined) return webhookView(record, this.now());
      const saved = await save(record, change);
      if (saved !== undefined) {
        this.settings.changed();
        return webhookView(saved, this.now());
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

function movedTarget(record: WebhookRecord, url: string | undefined): boolean {
  return url !== undefined && url !== record.url;
}

function changedSelection(record: WebhookRecord, update: WebhookUpdate): boolean {
  const types = update.types === undefined ? undefined : typesOf(update.types);
  return (types !== undefined && JSON.stringify(types) !== JSON.stringify(record.types)) || (update.bodyId !== undefined && update.bodyId !== record.bodyId);
}

/** Types are kept sorted, so that a selection reads the same however it was written. */
function typesOf(types: ReadonlySet<string> | null): string[] | null {
  return types === null ? null : [...types].sort();
}

/**
 * Active again, due at once, with no failures counted; what happened before (the last attempt, the
 * last delivery, the last error) stays readable, since a replay or resume does not undo it.
 */
function restarted(record: WebhookRecord, deliveredThrough: number): DeliveryState {
  const { lastError, lastAttemptAt, lastDeliveredAt } = record;
  return { status: 'active', deliveredThrough, consecutiveFailures: 0, lastError, lastAttemptAt, nextAttemptAt: null, lastDeliveredAt };
}
