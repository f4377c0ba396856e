import { JSON_SCHEMA_DIALECT } from '@concord/governance/schemas';
import { AsyncApiChannel, AsyncApiOperation, AsyncApiServer, DRAFT_07_SCHEMA_FORMAT, MultiFormatSchema, ref, Reference } from './asyncapi-types';
import { CLOUD_EVENTS_JSON } from './event-messages';

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
    'An HTTP `POST` with `content-type: application/cloudevents+json` and the Standard Webhooks headers. A 2xx answer acknowledges the event; any other answer, or none in time, is retried later with the same `webhook-id`, so delivery is at least once.',
  bindings: { http: { method: 'POST', bindingVersion: '0.3.0' } },
};
