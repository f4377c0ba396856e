import { CLOUD_EVENT_TYPE_PREFIX } from '../cloud-events/cloud-event';

/** The CloudEvent `type` of a test message: no event type of the log has this name. */
export const WEBHOOK_PING_TYPE = `${CLOUD_EVENT_TYPE_PREFIX}WebhookPing.v1`;

/**
 * A test message an integrator asks to be sent to its webhook: a CloudEvent signed as every
 * delivery is, but no event of the log, so it carries no `position` or `sequence` and moves nothing.
 */
export interface WebhookPing {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: typeof WEBHOOK_PING_TYPE;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: { readonly webhookId: string; readonly note: string };
}

const PING_NOTE = "A test message asked for by the webhook's owner. It is no event of the log: acknowledge it with a 2xx and do nothing else.";

export function webhookPing(publicUrl: string, webhookId: string, id: string, now: Date): WebhookPing {
  return {
    specversion: '1.0',
    id,
    source: `${publicUrl}/v1/webhooks/${webhookId}`,
    type: WEBHOOK_PING_TYPE,
    time: now.toISOString(),
    datacontenttype: 'application/json',
    data: { webhookId, note: PING_NOTE },
  };
}
