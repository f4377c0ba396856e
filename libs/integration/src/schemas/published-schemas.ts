import { allEventSchemas, CURRENT_SCHEMA_VERSION, eventSchema, JsonSchema } from '@concord/governance/schemas';
import { cloudEventType, dataSchemaUrl } from '../cloud-events/cloud-event';

/** One event version whose `data` schema the API serves, as `GET /v1/schemas` lists it. */
export interface PublishedSchema {
  readonly type: string;
  readonly version: number;
  /** New events of the type are written at this version, and every envelope carries it. */
  readonly current: boolean;
  /** Where the schema is served: the `dataschema` of the envelopes of this version. */
  readonly url: string;
  readonly cloudEventType: string;
}

/**
 * Every type and version in the governance registry, in its order. Read from `EVENT_SCHEMAS` each
 * time rather than listed here, so a version added there is published without touching this file.
 */
export function publishedSchemas(publicUrl: string): PublishedSchema[] {
  return allEventSchemas().map(({ type, version }) => ({
    type,
    version,
    current: CURRENT_SCHEMA_VERSION[type] === version,
    url: dataSchemaUrl(publicUrl, type, version),
    cloudEventType: cloudEventType(type, version),
  }));
}

/**
 * The schema the ledger validates `data` with, unchanged but for `$id`: it names the URL it is
 * served at, so that a consumer resolving an envelope's `dataschema` gets a schema that says so.
 */
export function servedDataSchema(publicUrl: string, type: string, version: number): JsonSchema | undefined {
  const schema = eventSchema(type, version);
  return schema === undefined ? undefined : asServed(publicUrl, type, version, schema);
}

/** `schema` as the API serves it for this type and version. */
export function asServed(publicUrl: string, type: string, version: number, schema: JsonSchema): JsonSchema {
  return { ...schema, $id: dataSchemaUrl(publicUrl, type, version) };
}

/**
 * `v3` -> 3; anything else (`3`, `v0`, `v03`, `latest`) names no version, so that each version has
 * exactly one URL. Nine digits at most keep the number exact however long the segment.
 */
export function parseVersionSegment(segment: string): number | undefined {
  const match = /^v([1-9][0-9]{0,8})$/.exec(segment);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
