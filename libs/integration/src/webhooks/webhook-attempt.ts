/** What the ledger keeps of each time it sent a webhook something: the integrator's delivery log. */

export const WEBHOOK_ATTEMPT_KINDS = ['event', 'ping'] as const;
export type WebhookAttemptKind = (typeof WEBHOOK_ATTEMPT_KINDS)[number];

/** The latest attempts kept per webhook; older ones are dropped as new ones are recorded. */
export const ATTEMPTS_KEPT_PER_WEBHOOK = 100;

/** One POST to a webhook's target, as it was made and answered. */
export interface WebhookAttemptRecord {
  readonly webhookId: string;
  /** `event`: a delivery of the log's event; `ping`: a test message asked for by the integrator. */
  readonly kind: WebhookAttemptKind;
  /** The `webhook-id` header sent: the event's id, the same on every attempt of that event. */
  readonly messageId: string;
  /** The event's position in the log; null for a ping. */
  readonly position: number | null;
  /** The CloudEvent `type` sent. */
  readonly type: string;
  readonly url: string;
  readonly startedAt: string;
  readonly durationMs: number;
  /** The receiver's status, when it answered. */
  readonly status: number | null;
  /** A 2xx: the receiver acknowledged it. */
  readonly delivered: boolean;
  /** Why it failed, as `lastError` says it; null when delivered. */
  readonly error: string | null;
}

/** An attempt as stored: numbered in the order recorded, which pages of the log follow. */
export interface WebhookAttempt extends WebhookAttemptRecord {
  readonly attemptId: number;
}

/** One page of a webhook's attempts, newest first; `next` is the `before` of the page after it, null at the oldest kept. */
export interface WebhookAttemptPage {
  readonly attempts: WebhookAttempt[];
  readonly next: number | null;
}
