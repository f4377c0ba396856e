import { JSON_SCHEMA_DIALECT } from '@concord/governance/schemas';
import { WEBHOOK_PING_TYPE } from '../webhooks/webhook-ping';
import {
  AsyncApiChannel,
  AsyncApiMessage,
  AsyncApiOperation,
  AsyncApiServer,
  DRAFT_07_SCHEMA_FORMAT,
  MultiFormatSchema,
  ref,
  Reference,
} from './asyncapi-types';
import { CLOUD_EVENTS_JSON, WEBHOOK_HEADERS_SCHEMA_KEY } from './event-messages';

export const WEBHOOK_CHANNEL = 'webhook';
export const SUBSCRIBER_SERVER = 'subscriber';

/** Where webhooks go: whatever URL the subscriber registered, so its host is a variable. */
export const SUBSCRIBER: AsyncApiServer = {
  host: '{subscriberHost}',
  protocol: 'https',
  title: 'A webhook subscriber',
  description: 'The endpoint a subscriber registered with the ledger; the ledger POSTs each event to exactly that URL.',
  variables: { subscriberHost: { description: 'The host (and port) of the registered URL.', examples: ['integrator.example.org'] } },
};

/**
 * The Standard Webhooks headers (https://www.standardwebhooks.com): with them a subscriber checks
 * that a delivery comes from the ledger, is not replayed, and is one it has not already handled.
 */
export const WEBHOOK_HEADERS: MultiFormatSchema = {
  schemaFormat: DRAFT_07_SCHEMA_FORMAT,
  schema: {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'WebhookHeaders',
    type: 'object',
    properties: {
      'content-type': { type: 'string', const: CLOUD_EVENTS_JSON, description: 'The body is one CloudEvent in structured mode.' },
      'webhook-id': {
        type: 'string',
        format: 'uuid',
        description: "The CloudEvent's `id`: the same on every retry of the delivery, so a subscriber that has handled it ignores it.",
      },
      'webhook-timestamp': {
        type: 'string',
        pattern: '^[0-9]+$',
        description: 'When this attempt was sent, in Unix seconds; refuse deliveries too far from your clock (e.g. 5 minutes) to stop replays.',
      },
      'webhook-signature': {
        type: 'string',
        pattern: '^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$',
        description:
          '`v1,<base64 of HMAC-SHA256(secret, "<webhook-id>.<webhook-timestamp>.<body>")>`, the body exactly as received and the key the bytes of the webhook\'s secret (the base64 after `whsec_`). Compare in constant time; a space-separated list may hold several signatures, any one of which matching suffices.',
      },
    },
    required: ['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature'],
  },
};

export function webhookChannel(messages: Readonly<Record<string, Reference>>): AsyncApiChannel {
  return {
    address: null,
    title: 'Webhook deliveries',
    description: 'Each event a webhook subscription selects is POSTed, one per request, to the URL registered for it.',
    servers: [ref('servers', SUBSCRIBER_SERVER)],
    messages,
  };
}

export const WEBHOOK_OPERATION: AsyncApiOperation = {
  action: 'send',
  channel: ref('channels', WEBHOOK_CHANNEL),
  title: 'Deliver an event',
  summary: "The ledger POSTs one event, signed, to a subscriber's URL.",
  description:
    'An HTTP `POST` with `content-type: application/cloudevents+json` and the Standard Webhooks headers. A 2xx answer acknowledges the event. Any other answer, or none in time, is a failure: the event is sent again later with the same `webhook-id` (delivery is at least once), after a wait that grows with each failure and honours a `Retry-After` asking for longer; a redirect is not followed (a failure); `410 Gone` disables the webhook, which is sent nothing more until it is resumed; after CONCORD_WEBHOOK_MAX_ATTEMPTS failures in a row (20 by default) it is paused.',
  bindings: { http: { method: 'POST', bindingVersion: '0.3.0' } },
};

export const PING_MESSAGE_KEY = 'WebhookPing.v1.webhook';
export const PING_SCHEMA_KEY = 'WebhookPing.v1';

/** What `webhookPing` builds: a CloudEvent without the log's members (`position`, `sequence`, `subject`). */
export const PING_PAYLOAD: MultiFormatSchema = {
  schemaFormat: DRAFT_07_SCHEMA_FORMAT,
  schema: {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'WebhookPing.v1',
    type: 'object',
    properties: {
      specversion: { type: 'string', const: '1.0' },
      id: { type: 'string', format: 'uuid', description: 'A new id for every ping; sent as `webhook-id` too.' },
      source: { type: 'string', format: 'uri', description: 'The webhook: `<public URL>/v1/webhooks/<webhookId>`.' },
      type: { type: 'string', const: WEBHOOK_PING_TYPE },
      time: { type: 'string', format: 'date-time', description: 'When the ping was sent.' },
      datacontenttype: { type: 'string', const: 'application/json' },
      data: {
        type: 'object',
        properties: {
          webhookId: { type: 'string', format: 'uuid' },
          note: { type: 'string', description: "Says, for a person reading the receiver's log, what this message is." },
        },
        required: ['webhookId', 'note'],
        additionalProperties: false,
      },
    },
    required: ['specversion', 'id', 'source', 'type', 'time', 'datacontenttype', 'data'],
    additionalProperties: false,
  },
};

export const PING_MESSAGE: AsyncApiMessage = {
  name: PING_MESSAGE_KEY,
  title: 'Webhook ping',
  summary: "A test message the webhook's owner asked for (`POST /v1/webhooks/{webhookId}/ping`).",
  description:
    'Signed as every delivery is, but no event of the log: it has no `position`, moves no checkpoint and is never retried. Acknowledge it with a 2xx and do nothing else; the answer is what the ping reports to its owner.',
  contentType: CLOUD_EVENTS_JSON,
  payload: ref('components', 'schemas', PING_SCHEMA_KEY),
  headers: ref('components', 'schemas', WEBHOOK_HEADERS_SCHEMA_KEY),
};
