import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { allEventSchemas, eventSchema } from './event-schemas';

export type EventDataValidation = { readonly valid: true } | { readonly valid: false; readonly errors: string[] };

/**
 * One ajv instance, every schema compiled once at load. Strict mode makes a schema mistake (an
 * unknown keyword, a `required` field without a property) fail here rather than pass silently.
 */
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['date', 'date-time', 'uuid']);

const validators = new Map<string, ValidateFunction>(allEventSchemas().map(({ type, version, schema }) => [key(type, version), ajv.compile(schema)]));

function key(type: string, version: number): string {
  return `${type}@${version}`;
}

/** Whether `data` is a valid payload of `type` at `schemaVersion`; the errors are readable sentences. */
export function validateEventData(type: string, schemaVersion: number, data: unknown): EventDataValidation {
  const validate = eventSchema(type, schemaVersion) === undefined ? undefined : validators.get(key(type, schemaVersion));
  if (validate === undefined) {
    return { valid: false, errors: [`no schema for event type ${JSON.stringify(type)} at schemaVersion ${String(schemaVersion)}`] };
  }
  if (validate(data)) return { valid: true };
  return { valid: false, errors: (validate.errors ?? []).map(describeError) };
}

function describeError(error: ErrorObject): string {
  const at = `data${error.instancePath}`;
  const params: Record<string, unknown> = error.params;
  if (error.keyword === 'additionalProperties') return `${at}: unexpected property ${JSON.stringify(params['additionalProperty'])}`;
  if (error.keyword === 'required') return `${at}: missing required property ${JSON.stringify(params['missingProperty'])}`;
  if (error.keyword === 'enum') return `${at}: must be one of ${JSON.stringify(params['allowedValues'])}`;
  if (error.keyword === 'propertyNames') return `${at}: property ${JSON.stringify(params['propertyName'])} is not allowed`;
  return `${at}: ${error.message ?? error.keyword}`;
}
