import { WebhookAttempt, WebhookAttemptPage, WebhookAttemptRecord } from './webhook-attempt';
import { DeliveryState, RegistrationChange, WebhookRecord, WebhookRegistration } from './webhook-record';

/**
 * Where webhooks are kept: beside the ledger in the same database, never in its event log. Every
 * adapter passes `webhook-repository.contract.ts`.
 *
 * Delivery is guarded twice. A lease says which instance delivers a webhook now: it is taken when
 * free or expired and renewed by its holder, so with several instances on one database each event
 * goes out once per attempt, and a dead holder's webhooks are taken over when its lease runs out.
 * And every state change names the version it read, so a replay or deletion made meanwhile wins.
 */
export interface WebhookRepository {
  create(registration: WebhookRegistration, state: DeliveryState): Promise<WebhookRecord>;
  get(webhookId: string): Promise<WebhookRecord | undefined>;
  listOwnedBy(ownerKeyId: string): Promise<WebhookRecord[]>;
  /** Every webhook of every key: for the operator's metrics. */
  listAll(): Promise<WebhookRecord[]>;
  /** Active webhooks due for an attempt by `now` whose lease is free, expired or `holder`'s. */
  listDue(holder: string, now: Date): Promise<WebhookRecord[]>;
  /** Forgets the webhook and its attempts. */
  delete(webhookId: string): Promise<boolean>;
  /**
   * Saves a new delivery state if the record is still at `expectedVersion` and, when `holder` is
   * given, its lease is still `holder`'s. Returns the saved record, or undefined when either
   * changed meanwhile (the caller then reads again). `attempt`, the POST the state follows from,
   * is recorded in the same write whether or not the state is saved: it was made either way.
   */
  saveState(
    webhookId: string,
    expectedVersion: number,
    state: DeliveryState,
    holder: string | null,
    attempt?: WebhookAttemptRecord,
  ): Promise<WebhookRecord | undefined>;
  /** Records an attempt that changes no delivery state (a ping), as numbered; undefined, recording nothing, if the webhook is gone. */
  recordAttempt(attempt: WebhookAttemptRecord): Promise<WebhookAttempt | undefined>;
  /**
   * The webhook's latest attempts, newest first, numbered below `before` when given; at most the
   * latest `ATTEMPTS_KEPT_PER_WEBHOOK` are kept.
   */
  listAttempts(webhookId: string, before: number | null, limit: number): Promise<WebhookAttemptPage>;
  /**
   * Saves a changed registration (target, selection, description, secrets) and delivery state if
   * the record is still at `expectedVersion`, and bumps it: a delivery in flight then fails to save
   * its checkpoint and its event is sent again under the new registration. Undefined when the
   * version changed.
   */
  saveRegistration(webhookId: string, expectedVersion: number, change: RegistrationChange, state: DeliveryState): Promise<WebhookRecord | undefined>;
  /** Takes or renews the lease until `now + durationMs`; false when another holder's lease runs. */
  acquireLease(webhookId: string, holder: string, now: Date, durationMs: number): Promise<boolean>;
  releaseLease(webhookId: string, holder: string): Promise<void>;
  close(): Promise<void>;
}
