import { AsyncApiDocument, AsyncApiServer, ref, Reference } from './asyncapi-types';
import { eventMessages, WEBHOOK_HEADERS_SCHEMA_KEY } from './event-messages';
import {
  EVENT_STREAM_CHANNEL,
  EVENT_STREAM_OPERATION,
  eventStreamChannel,
  OVERFLOW_MESSAGE,
  OVERFLOW_MESSAGE_KEY,
  OVERFLOW_PAYLOAD,
  OVERFLOW_SCHEMA_KEY,
  PROGRESS_MESSAGE,
  PROGRESS_MESSAGE_KEY,
  PROGRESS_PAYLOAD,
  PROGRESS_SCHEMA_KEY,
  UNREADABLE_MESSAGE,
  UNREADABLE_MESSAGE_KEY,
  UNREADABLE_PAYLOAD,
  UNREADABLE_SCHEMA_KEY,
} from './event-stream-channel';
import {
  PING_MESSAGE,
  PING_MESSAGE_KEY,
  PING_PAYLOAD,
  PING_SCHEMA_KEY,
  SUBSCRIBER,
  SUBSCRIBER_SERVER,
  WEBHOOK_CHANNEL,
  WEBHOOK_HEADERS,
  WEBHOOK_OPERATION,
  webhookChannel,
} from './webhook-channel';

/** The version of the HTTP API the document describes, as the OpenAPI document gives it. */
const API_VERSION = '1';

/** The ledger as the server of the event stream: the host and base path of its public URL. */
export function ledgerServer(publicUrl: string): AsyncApiServer {
  const url = new URL(publicUrl);
  return {
    host: url.host,
    protocol: url.protocol.replace(/:$/, ''),
    ...(url.pathname === '/' ? {} : { pathname: url.pathname }),
    title: 'Concord Ledger',
    description: "The ledger's HTTP API, at its public URL.",
    security: [ref('components', 'securitySchemes', 'apiKey')],
  };
}

function refsTo(keys: readonly string[]): Record<string, Reference> {
  return Object.fromEntries(keys.map((key) => [key, ref('components', 'messages', key)]));
}

/**
 * The AsyncAPI 3.0.0 description of how events leave the ledger, built from the same schemas the
 * ledger validates events with, so it cannot describe a type or version the ledger does not have.
 * Pure: the API builds it once at start-up and serves it as is.
 */
export function asyncApiDocument(publicUrl: string): AsyncApiDocument {
  const events = eventMessages(publicUrl);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Concord Ledger',
      version: API_VERSION,
      description:
        'How events leave the Concord Ledger, an event-sourced governance ledger: live over Server-Sent Events, and to webhook subscribers. Every event is a CloudEvents 1.0 structured-mode JSON object whose `type` names the event type and schema version (`org.concordledger.<EventType>.v<n>`) and whose `dataschema` is the URL of the JSON Schema of its `data` (`GET /v1/schemas` lists them). The same envelopes are paged by `GET /v1/events`, described in the OpenAPI document at `/openapi.json`.',
    },
    servers: { ledger: ledgerServer(publicUrl), [SUBSCRIBER_SERVER]: SUBSCRIBER },
    channels: {
      [EVENT_STREAM_CHANNEL]: eventStreamChannel(refsTo([...Object.keys(events.streamed), PROGRESS_MESSAGE_KEY, UNREADABLE_MESSAGE_KEY, OVERFLOW_MESSAGE_KEY])),
      [WEBHOOK_CHANNEL]: webhookChannel(refsTo([...Object.keys(events.delivered), PING_MESSAGE_KEY])),
    },
    operations: { streamEvents: EVENT_STREAM_OPERATION, deliverWebhook: WEBHOOK_OPERATION },
    components: {
      schemas: {
        ...events.payloads,
        [PROGRESS_SCHEMA_KEY]: PROGRESS_PAYLOAD,
        [UNREADABLE_SCHEMA_KEY]: UNREADABLE_PAYLOAD,
        [OVERFLOW_SCHEMA_KEY]: OVERFLOW_PAYLOAD,
        [WEBHOOK_HEADERS_SCHEMA_KEY]: WEBHOOK_HEADERS,
        [PING_SCHEMA_KEY]: PING_PAYLOAD,
      },
      messages: {
        ...events.streamed,
        [PROGRESS_MESSAGE_KEY]: PROGRESS_MESSAGE,
        [UNREADABLE_MESSAGE_KEY]: UNREADABLE_MESSAGE,
        [OVERFLOW_MESSAGE_KEY]: OVERFLOW_MESSAGE,
        ...events.delivered,
        [PING_MESSAGE_KEY]: PING_MESSAGE,
      },
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key of any role: `Authorization: Bearer <key>`.' } },
    },
  };
}
