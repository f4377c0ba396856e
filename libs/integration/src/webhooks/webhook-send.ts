import { performance } from 'node:perf_hooks';
import { WebhookAttemptKind, WebhookAttemptRecord } from './webhook-attempt';
import { PostOutcome, WebhookPost } from './webhook-post';
import { signingSecrets, WebhookRecord } from './webhook-record';
import { signWebhook } from './webhook-signature';

const USER_AGENT = 'ConcordLedger-Webhooks/1';

/** What a webhook is sent: a CloudEvent, of the log or a ping. */
export interface WebhookMessage {
  readonly id: string;
  readonly type: string;
}

export interface SendSettings {
  readonly now: Date;
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
  readonly cancel?: AbortSignal;
}

/**
 * One POST of `message` to the webhook's target, signed with every secret that signs at `now`
 * (Standard Webhooks headers), and the attempt as its delivery log keeps it.
 */
export async function sendSigned(
  webhook: WebhookRecord,
  message: WebhookMessage,
  what: { readonly kind: WebhookAttemptKind; readonly position: number | null },
  post: WebhookPost,
  settings: SendSettings,
): Promise<{ outcome: PostOutcome; made: WebhookAttemptRecord }> {
  const body = JSON.stringify(message);
  const { now } = settings;
  const signed = signWebhook(signingSecrets(webhook, now), message.id, Math.floor(now.getTime() / 1000), body);
  const headers = { ...signed, 'content-type': 'application/cloudevents+json', 'user-agent': USER_AGENT };
  const started = performance.now();
  const outcome = await post(webhook.url, body, headers, {
    timeoutMs: settings.timeoutMs,
    allowPrivate: settings.allowPrivate,
    ...(settings.cancel === undefined ? {} : { cancel: settings.cancel }),
  });
  const made: WebhookAttemptRecord = {
    webhookId: webhook.webhookId,
    kind: what.kind,
    messageId: message.id,
    position: what.position,
    type: message.type,
    url: webhook.url,
    startedAt: now.toISOString(),
    durationMs: Math.round(performance.now() - started),
    status: outcome.status,
    delivered: outcome.error === null,
    error: outcome.error,
  };
  return { outcome, made };
}
