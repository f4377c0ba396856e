import { AsyncAPIDocumentInterface, Diagnostic, DiagnosticSeverity, MessageInterface, Parser } from '@asyncapi/parser';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** A schema as the parser hands it back: plain JSON, of no shape known in advance. */
export type SchemaJson = Readonly<Record<string, unknown>>;

export interface ParsedAsyncApi {
  readonly document: AsyncAPIDocumentInterface | undefined;
  readonly errors: readonly Diagnostic[];
}

/**
 * Parses and validates the document's text with the reference parser, as an integrator's tooling
 * would. Text rather than an object, since the parser writes `x-parser-*` annotations into the
 * objects it is given.
 */
export async function parseAsyncApi(text: string): Promise<ParsedAsyncApi> {
  const output = await new Parser().parse(text);
  return { document: output.document, errors: output.diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error) };
}

/**
 * Ajv as strict as the ledger's own, with every format and the parser's annotation keywords known:
 * strict mode would otherwise refuse the schemas for carrying them.
 */
export function strictAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword('x-parser-schema-id');
  return ajv;
}

/** The payload's JSON Schema, unwrapped from its Multi Format Schema Object when it is one. */
export function payloadSchema(message: MessageInterface): SchemaJson {
  const json = message.payload()?.json() as SchemaJson | undefined;
  if (json === undefined) throw new Error(`message ${message.id()} has no payload`);
  const inner = json['schema'];
  return typeof json['schemaFormat'] === 'string' && typeof inner === 'object' && inner !== null ? (inner as SchemaJson) : json;
}

/** The `const` of the payload's `type` member: the CloudEvent type the message carries, if it fixes one. */
export function fixedCloudEventType(schema: SchemaJson): string | undefined {
  const properties = schema['properties'] as Readonly<Record<string, SchemaJson>> | undefined;
  const type = properties?.['type']?.['const'];
  return typeof type === 'string' ? type : undefined;
}

/**
 * A validator per CloudEvent type, from the messages of one channel. Each gets an Ajv of its own:
 * the embedded data schemas carry `$id`s, and one Ajv refuses to hold an `$id` twice.
 */
export function payloadValidators(document: AsyncAPIDocumentInterface, channelId: string): Map<string, ValidateFunction> {
  const channel = document.channels().get(channelId);
  if (channel === undefined) throw new Error(`the document has no channel ${channelId}`);
  const validators = new Map<string, ValidateFunction>();
  for (const message of channel.messages()) {
    const schema = payloadSchema(message);
    const type = fixedCloudEventType(schema);
    if (type !== undefined) validators.set(type, strictAjv().compile(schema));
  }
  return validators;
}
