import { allEventSchemas, CURRENT_SCHEMA_VERSION, JSON_SCHEMA_DIALECT } from '@concord/governance/schemas';
import { eventEnvelopeSchema } from '../schemas/cloud-event-schema';
import { AsyncApiMessage, DRAFT_07_SCHEMA_FORMAT, MultiFormatSchema, ref } from './asyncapi-types';

export const CLOUD_EVENTS_JSON = 'application/cloudevents+json';
export const WEBHOOK_HEADERS_SCHEMA_KEY = 'WebhookHeaders';

/** The messages of every event version, once as streamed and once as a webhook delivers it. */
export interface EventMessages {
  /** `<Type>.v<n>` -> the envelope of that version, shared by both kinds of message. */
  readonly payloads: Record<string, MultiFormatSchema>;
  readonly streamed: Record<string, AsyncApiMessage>;
  /** Keyed `<Type>.v<n>.webhook`: the same payload, with the webhook's signature headers. */
  readonly delivered: Record<string, AsyncApiMessage>;
}

export function webhookMessageKey(key: string): string {
  return `${key}.webhook`;
}

function firstSentence(text: string | undefined): string | undefined {
  return text?.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? text;
}

/**
 * One message per type and version in `EVENT_SCHEMAS`, not only the current ones: the ledger sends
 * every event at its type's current version, but a consumer that stored events before a type
 * moved on holds the earlier shape, and needs its schema to generate code for it.
 */
export function eventMessages(publicUrl: string): EventMessages {
  const messages: EventMessages = { payloads: {}, streamed: {}, delivered: {} };
  for (const { type, version, schema } of allEventSchemas()) {
    const key = `${type}.v${version}`;
    const current = CURRENT_SCHEMA_VERSION[type] === version;
    messages.payloads[key] = {
      schemaFormat: DRAFT_07_SCHEMA_FORMAT,
      schema: { $schema: JSON_SCHEMA_DIALECT, ...eventEnvelopeSchema(publicUrl, type, version, schema) },
    };
    const message: AsyncApiMessage = {
      name: key,
      title: `${type} (schema version ${version})`,
      summary: firstSentence(schema.description),
      description: current
        ? `${schema.description ?? ''}\n\nSchema version ${version} is current: the ledger sends every ${type} event in this shape.`
        : `${schema.description ?? ''}\n\nSchema version ${version} is no longer current: the ledger sends ${type} events at version ${CURRENT_SCHEMA_VERSION[type]}, upcast from however they were stored. This message describes what it sent before.`,
      contentType: CLOUD_EVENTS_JSON,
      payload: ref('components', 'schemas', key),
      correlationId: { description: 'Ties together everything done for one request or workflow.', location: '$message.payload#/correlationid' },
    };
    messages.streamed[key] = message;
    messages.delivered[webhookMessageKey(key)] = { ...message, headers: ref('components', 'schemas', WEBHOOK_HEADERS_SCHEMA_KEY) };
  }
  return messages;
}
