import { WEBHOOK_ATTEMPT_KINDS, WebhookAttempt, WebhookAttemptKind, WebhookAttemptPage, WebhookAttemptRecord } from '../webhook-attempt';

/** One attempt as both SQL adapters store it, in a `webhook_attempts` table beside `webhooks`. */
export interface WebhookAttemptRow {
  readonly attempt_id: number | string;
  readonly webhook_id: string;
  readonly kind: string;
  readonly message_id: string;
  readonly position: number | string | null;
  readonly type: string;
  readonly url: string;
  readonly started_at: string;
  readonly duration_ms: number;
  readonly status: number | null;
  /** 1 when delivered, else 0. */
  readonly delivered: number;
  readonly error: string | null;
}

/** The columns an insert writes, in the order `attemptValues` gives them (`attempt_id` is the database's). */
export const ATTEMPT_COLUMNS = [
  'webhook_id',
  'kind',
  'message_id',
  'position',
  'type',
  'url',
  'started_at',
  'duration_ms',
  'status',
  'delivered',
  'error',
] as const;

export function attemptValues(attempt: WebhookAttemptRecord): (string | number | null)[] {
  return [
    attempt.webhookId,
    attempt.kind,
    attempt.messageId,
    attempt.position,
    attempt.type,
    attempt.url,
    attempt.startedAt,
    attempt.durationMs,
    attempt.status,
    attempt.delivered ? 1 : 0,
    attempt.error,
  ];
}

function kindOf(value: string): WebhookAttemptKind {
  if ((WEBHOOK_ATTEMPT_KINDS as readonly string[]).includes(value)) return value as WebhookAttemptKind;
  throw new Error(`a stored webhook attempt has an unknown kind ${JSON.stringify(value)}`);
}

export function toWebhookAttempt(row: WebhookAttemptRow): WebhookAttempt {
  return {
    attemptId: Number(row.attempt_id),
    webhookId: row.webhook_id,
    kind: kindOf(row.kind),
    messageId: row.message_id,
    position: row.position === null ? null : Number(row.position),
    type: row.type,
    url: row.url,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    status: row.status,
    delivered: row.delivered === 1,
    error: row.error,
  };
}

/** A page of `limit` attempts from rows read newest first, one more than the page if there are: that one says an older page exists. */
export function attemptPage(rows: readonly WebhookAttemptRow[], limit: number): WebhookAttemptPage {
  const attempts = rows.slice(0, limit).map(toWebhookAttempt);
  return { attempts, next: rows.length > limit ? (attempts.at(-1)?.attemptId ?? null) : null };
}
