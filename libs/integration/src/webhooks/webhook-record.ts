/** What the ledger keeps of a webhook: its registration, and where its delivery stands. */

export const WEBHOOK_STATUSES = ['active', 'paused', 'disabled'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export interface WebhookRegistration {
  readonly webhookId: string;
  /** The id of the integrator key that registered it: only that key sees and manages it. */
  readonly ownerKeyId: string;
  readonly url: string;
  readonly types: readonly string[] | null;
  readonly bodyId: string | null;
  readonly description: string | null;
  /** Kept to sign deliveries; never returned after registration, never logged. */
  readonly secret: string;
  readonly createdAt: string;
}

export interface DeliveryState {
  readonly status: WebhookStatus;
  /** Every selected event up to this global position was acknowledged with a 2xx (or filtered out). */
  readonly deliveredThrough: number;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
  readonly lastAttemptAt: string | null;
  readonly nextAttemptAt: string | null;
  readonly lastDeliveredAt: string | null;
}

export interface WebhookRecord extends WebhookRegistration, DeliveryState {
  /** Bumped by every change, so that a change made meanwhile (a replay, a deletion) is never overwritten. */
  readonly version: number;
}

/** What a webhook answer shows: everything but the secret. */
export type WebhookView = Omit<WebhookRecord, 'secret' | 'version'>;

export function webhookView(record: WebhookRecord): WebhookView {
  const { secret: _secret, version: _version, ...view } = record;
  return view;
}

/** The delivery state of a record, without its registration or version: what `saveState` takes. */
export function deliveryStateOf(state: DeliveryState): DeliveryState {
  const { status, deliveredThrough, consecutiveFailures, lastError, lastAttemptAt, nextAttemptAt, lastDeliveredAt } = state;
  return { status, deliveredThrough, consecutiveFailures, lastError, lastAttemptAt, nextAttemptAt, lastDeliveredAt };
}

export function initialDeliveryState(after: number): DeliveryState {
  return {
    status: 'active',
    deliveredThrough: after,
    consecutiveFailures: 0,
    lastError: null,
    lastAttemptAt: null,
    nextAttemptAt: null,
    lastDeliveredAt: null,
  };
}
