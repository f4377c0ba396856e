import { DeliveryState, PreviousSecret, RegistrationChange, WEBHOOK_STATUSES, WebhookRecord, WebhookRegistration, WebhookStatus } from '../webhook-record';

/** One webhook as both SQL adapters store it: times as ISO strings, `types` as JSON, the lease in epoch ms. */
export interface WebhookRow {
  readonly webhook_id: string;
  readonly owner_key_id: string;
  readonly url: string;
  readonly types: string | null;
  readonly body_id: string | null;
  readonly description: string | null;
  readonly secret: string;
  /** JSON: `[{ secret, expiresAt }]`; null in a row written before rotations existed. */
  readonly previous_secrets: string | null;
  readonly created_at: string;
  readonly status: string;
  readonly delivered_through: number | string;
  readonly consecutive_failures: number;
  readonly last_error: string | null;
  readonly last_attempt_at: string | null;
  readonly next_attempt_at: string | null;
  readonly last_delivered_at: string | null;
  readonly version: number | string;
}

/** The state columns a `saveState` writes, in this order. */
export const STATE_COLUMNS = [
  'status',
  'delivered_through',
  'consecutive_failures',
  'last_error',
  'last_attempt_at',
  'next_attempt_at',
  'last_delivered_at',
] as const;

/** The registration columns a `saveRegistration` writes, in the order `registrationValues` gives them. */
export const REGISTRATION_COLUMNS = ['url', 'types', 'body_id', 'description', 'secret', 'previous_secrets'] as const;

export function registrationValues(change: RegistrationChange): (string | null)[] {
  return [
    change.url,
    change.types === null ? null : JSON.stringify(change.types),
    change.bodyId,
    change.description,
    change.secret,
    JSON.stringify(change.previousSecrets),
  ];
}

/** Every column, in the order `rowValues` gives them: the registration, the delivery state, the version. */
export const WEBHOOK_COLUMNS = ['webhook_id', 'owner_key_id', ...REGISTRATION_COLUMNS, 'created_at', ...STATE_COLUMNS, 'version'] as const;

export function stateValues(state: DeliveryState): (string | number | null)[] {
  return [state.status, state.deliveredThrough, state.consecutiveFailures, state.lastError, state.lastAttemptAt, state.nextAttemptAt, state.lastDeliveredAt];
}

export function rowValues(registration: WebhookRegistration, state: DeliveryState, version: number): (string | number | null)[] {
  return [registration.webhookId, registration.ownerKeyId, ...registrationValues(registration), registration.createdAt, ...stateValues(state), version];
}

function statusOf(value: string): WebhookStatus {
  if ((WEBHOOK_STATUSES as readonly string[]).includes(value)) return value as WebhookStatus;
  throw new Error(`a stored webhook has an unknown status ${JSON.stringify(value)}`);
}

export function toWebhookRecord(row: WebhookRow): WebhookRecord {
  return {
    webhookId: row.webhook_id,
    ownerKeyId: row.owner_key_id,
    url: row.url,
    types: row.types === null ? null : (JSON.parse(row.types) as string[]),
    bodyId: row.body_id,
    description: row.description,
    secret: row.secret,
    previousSecrets: row.previous_secrets === null ? [] : (JSON.parse(row.previous_secrets) as PreviousSecret[]),
    createdAt: row.created_at,
    status: statusOf(row.status),
    deliveredThrough: Number(row.delivered_through),
    consecutiveFailures: row.consecutive_failures,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt: row.next_attempt_at,
    lastDeliveredAt: row.last_delivered_at,
    version: Number(row.version),
  };
}
