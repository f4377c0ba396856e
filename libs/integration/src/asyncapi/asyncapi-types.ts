import { JsonSchema } from '@concord/governance/schemas';

/** The part of AsyncAPI 3.0.0 this ledger's document uses; see https://www.asyncapi.com/docs/reference/specification/v3.0.0. */

export interface Reference {
  readonly $ref: string;
}

/** A schema in a format other than AsyncAPI's own: here always JSON Schema draft-07, the ledger's dialect. */
export interface MultiFormatSchema {
  readonly schemaFormat: string;
  readonly schema: JsonSchema;
}

export interface AsyncApiServer {
  readonly host: string;
  readonly protocol: string;
  readonly pathname?: string;
  readonly title?: string;
  readonly description?: string;
  readonly variables?: Readonly<Record<string, { readonly description: string; readonly examples?: readonly string[] }>>;
  readonly security?: readonly Reference[];
}

export interface AsyncApiMessage {
  readonly name: string;
  readonly title?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly contentType: string;
  readonly headers?: Reference;
  readonly payload: MultiFormatSchema | Reference;
  readonly correlationId?: { readonly description?: string; readonly location: string };
}

export interface AsyncApiChannel {
  /** null: the address is not known in advance (a webhook subscriber's URL). */
  readonly address: string | null;
  readonly title?: string;
  readonly description?: string;
  readonly servers: readonly Reference[];
  readonly messages: Readonly<Record<string, Reference>>;
}

export interface HttpOperationBinding {
  readonly method: 'GET' | 'POST';
  readonly query?: JsonSchema;
  readonly bindingVersion: '0.3.0';
}

export interface AsyncApiOperation {
  readonly action: 'send' | 'receive';
  readonly channel: Reference;
  readonly title?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly bindings?: { readonly http: HttpOperationBinding };
  /** Request headers the client may send; HTTP operation bindings have no place for them. */
  readonly 'x-request-headers'?: JsonSchema;
}

export interface SecurityScheme {
  readonly type: 'http';
  readonly scheme: 'bearer';
  readonly description?: string;
}

export interface AsyncApiDocument {
  readonly asyncapi: '3.0.0';
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly servers: Readonly<Record<string, AsyncApiServer>>;
  readonly channels: Readonly<Record<string, AsyncApiChannel>>;
  readonly operations: Readonly<Record<string, AsyncApiOperation>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, MultiFormatSchema>>;
    readonly messages: Readonly<Record<string, AsyncApiMessage>>;
    readonly securitySchemes: Readonly<Record<string, SecurityScheme>>;
  };
}

export const DRAFT_07_SCHEMA_FORMAT = 'application/schema+json;version=draft-07';

export function ref(...path: string[]): Reference {
  // JSON Pointer (RFC 6901): `~` and `/` inside a key must be escaped.
  return { $ref: `#/${path.map((key) => key.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` };
}
