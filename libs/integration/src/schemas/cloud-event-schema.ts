import { JSON_SCHEMA_DIALECT, JsonSchema } from '@concord/governance/schemas';
import { SLUG_PATTERN } from '@concord/governance';
import { CLOUD_EVENT_TYPE_PREFIX, cloudEventType, dataSchemaUrl, LedgerCloudEvent } from '../cloud-events/cloud-event';
import { asServed } from './published-schemas';

/** Where the API serves the envelope's own schema. */
export function cloudEventSchemaUrl(publicUrl: string): string {
  return `${publicUrl}/v1/schemas/CloudEvent`;
}

/** Exactly the members of `LedgerCloudEvent`: a member added there without a schema here fails to compile. */
type EnvelopeProperties = { readonly [K in keyof LedgerCloudEvent]-?: JsonSchema };

/** What differs between the generic envelope and the envelope of one event version. */
interface EnvelopeVariant {
  readonly type: JsonSchema;
  readonly dataschema: JsonSchema;
  readonly data: JsonSchema;
}

/** The slug rule without its anchors, to be part of longer patterns. */
const SLUG = SLUG_PATTERN.source.slice(1, -1);

/** `text` matched literally inside a pattern: the public URL's dots must not match any character. */
function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function envelopeProperties(publicUrl: string, variant: EnvelopeVariant): EnvelopeProperties {
  return {
    specversion: { type: 'string', const: '1.0', description: 'The CloudEvents specification version.' },
    id: {
      type: 'string',
      format: 'uuid',
      description: "The ledger's eventId (a UUIDv7). The same event always has the same id: deduplicate redeliveries by it.",
    },
    source: {
      type: 'string',
      format: 'uri',
      pattern: `^${escapeForPattern(publicUrl)}/v1/bodies/${SLUG}$`,
      description: 'The body the event belongs to, as its URL: `<publicUrl>/v1/bodies/<bodyId>`.',
    },
    type: variant.type,
    subject: {
      type: 'string',
      pattern: `^[a-z]+-${SLUG}$`,
      description: 'The stream the event was appended to: `body-<bodyId>`, `meeting-<meetingId>` or `proposal-<proposalId>`.',
    },
    time: {
      type: 'string',
      format: 'date-time',
      description: 'World time: `data.occurredAt`, when the fact happened, as given by the secretariat (`recordedat` for an event without one).',
    },
    datacontenttype: { type: 'string', const: 'application/json', description: '`data` is a JSON object.' },
    dataschema: variant.dataschema,
    sequence: { type: 'string', pattern: '^[0-9]{20}$', description: 'The global position, zero-padded to 20 digits so that it sorts as a string.' },
    position: {
      type: 'integer',
      minimum: 1,
      description: "The global position in the ledger's log: the order in which events were recorded. Resume a feed or stream after it.",
    },
    recordedat: { type: 'string', format: 'date-time', description: 'Ledger time: when the ledger stored the event.' },
    bodyid: { type: 'string', pattern: SLUG_PATTERN.source, description: 'The body the event belongs to.' },
    actor: { type: 'string', minLength: 1, description: 'Who recorded the event: the id of the API key that issued the command.' },
    actorname: {
      type: 'string',
      minLength: 1,
      description: "The name of the key's holder (e.g. a clerk), for keys issued through `POST /v1/keys`; absent for keys set by the environment. Optional.",
    },
    correlationid: { type: 'string', minLength: 1, description: 'Ties together everything done for one request or workflow.' },
    causationid: { type: ['string', 'null'], description: 'What caused the command (an event or command id), or null.' },
    data: variant.data,
  };
}

/**
 * The envelope around `properties`. Left open to more members: CloudEvents lets a producer add
 * extension attributes and requires consumers to ignore those they do not know, so a consumer that
 * validates with this schema keeps working when the ledger adds one. `data` itself stays closed.
 */
function envelope(properties: EnvelopeProperties, description: string): JsonSchema {
  return { type: 'object', description, properties, required: Object.keys(properties).filter((name) => !OPTIONAL_MEMBERS.has(name)) };
}

/** Members a CloudEvent carries only when they apply (the `-?` above still makes each need a schema). */
const OPTIONAL_MEMBERS: ReadonlySet<string> = new Set<keyof LedgerCloudEvent>(['actorname']);

/** The generic envelope, served at `GET /v1/schemas/CloudEvent`: any event type, `data` left open. */
export function cloudEventSchema(publicUrl: string): JsonSchema {
  const properties = envelopeProperties(publicUrl, {
    type: {
      type: 'string',
      pattern: `^${escapeForPattern(CLOUD_EVENT_TYPE_PREFIX)}[A-Za-z]+\\.v[1-9][0-9]*$`,
      description: '`org.concordledger.<EventType>.v<schemaVersion>`: the event type and the version of `data`.',
    },
    dataschema: {
      type: 'string',
      format: 'uri',
      description: 'Where the JSON Schema of `data` is served: `<publicUrl>/v1/schemas/<EventType>/v<schemaVersion>`.',
    },
    data: { type: 'object', description: 'The fact itself; its shape is given by `dataschema`.' },
  });
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: cloudEventSchemaUrl(publicUrl),
    title: 'LedgerCloudEvent',
    ...envelope(
      properties,
      'A Concord Ledger event as it leaves the ledger (event feed, Server-Sent Events, webhooks): a CloudEvents 1.0 structured-mode JSON object.',
    ),
  };
}

/**
 * The envelope of one event version: `type` and `dataschema` fixed, `data` that version's schema
 * as served (`$id` its URL). `$schema` is dropped from the embedded schema, since draft-07 allows
 * it only at a schema's root; whoever embeds this envelope declares the dialect.
 */
export function eventEnvelopeSchema(publicUrl: string, type: string, version: number, data: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...embedded } = asServed(publicUrl, type, version, data);
  const url = dataSchemaUrl(publicUrl, type, version);
  const properties = envelopeProperties(publicUrl, {
    type: { type: 'string', const: cloudEventType(type, version), description: `${type} at schema version ${version}.` },
    dataschema: { type: 'string', const: url, description: 'Where the JSON Schema of `data` is served.' },
    data: embedded,
  });
  return { title: `${type}.v${version}`, ...envelope(properties, `A ${type} event (schema version ${version}) in its CloudEvents envelope.`) };
}
