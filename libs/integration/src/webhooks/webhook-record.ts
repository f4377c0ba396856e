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
  /** Kept to sign deliveries; never returned after registration or rotation, never logged. */
  readonly secret: string;
  /**
   * Secrets replaced by a rotation that still sign every delivery beside `secret` until they
   * expire, so that a receiver can switch to the new secret without refusing a delivery meanwhile.
   */
  readonly previousSecrets: readonly PreviousSecret[];
  readonly createdAt: string;
}

export interface PreviousSecret {
  readonly secret: string;
  readonly expiresAt: string;
}

/** What an integrator may change of a registration, and a rotation: everything but its id, owner and creation. */
export type RegistrationChange = Pick<WebhookRegistration, 'url' | 'types' | 'bodyId' | 'description' | 'secret' | 'previousSecrets'>;

export function registrationChangeOf(registration: WebhookRegistration): RegistrationChange {
  const { url, types, bodyId, description, secret, previousSecrets } = registration;
  return { url, types, bodyId, description, secret, previousSecrets };
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

/**
 * What a webhook answer shows: everything but the secrets and, of the previous secrets still
 * signing, when each stops.
 */
export type WebhookView = Omit<WebhookRecord, 'secret' | 'previousSecrets' | 'version'> & { readonly previousSecretsExpireAt: readonly string[] };

export function webhookView(record: WebhookRecord, now: Date): WebhookView {
  const { secret: _secret, previousSecrets, version: _version, ...view } = record;
  return { ...view, previousSecretsExpireAt: stillSigning(previousSecrets, now).map((previous) => previous.expiresAt) };
}

/** The previous secrets that still sign at `now`. */
export function stillSigning(previousSecrets: readonly PreviousSecret[], now: Date): PreviousSecret[] {
  const at = now.toISOString();
  return previousSecrets.filter((previous) => previous.expiresAt > at);
}

/** The secrets that sign a delivery at `now`: the current one first, then each previous one not yet expired. */
export function signingSecrets(record: WebhookRegistration, now: Date): string[] {
  return [record.secret, ...stillSigning(record.previousSecrets, now).map((previous) => previous.secret)];
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
