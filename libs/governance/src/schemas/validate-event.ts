import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { eventSchema } from './event-schemas';
import { isNormalisedDateTime } from './normalised-date-time';

export type EventDataValidation = { readonly valid: true } | { readonly valid: false; readonly errors: string[] };

/**
 * One ajv instance. Strict mode makes a schema mistake (an unknown keyword, a `required` field
 * without a property) throw when the schema compiles rather than pass silently; the registry's unit
 * test checks every schema's documented example, which compiles each of them.
 */
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['date', 'uuid']);
const generalDateTime = addFormats.get('date-time') as { validate: (text: string) => boolean };
/** The general RFC 3339 check, after a quick look for the one form the ledger writes (it accepts nothing the general check refuses). */
ajv.addFormat('date-time', { type: 'string', validate: (text: string) => isNormalisedDateTime(text) || generalDateTime.validate(text) });

/**
 * Each schema is compiled the first time a payload of its type and version is checked, then kept.
 * Compiling them all at load took about a third of a second, paid by every process that starts
 * (the API, each CLI call) whether or not it checks a payload of that type.
 */
const validatorsByType = new Map<string, (ValidateFunction | undefined)[]>();

function validatorOf(type: string, version: number): ValidateFunction | undefined {
  let versions = validatorsByType.get(type);
  const compiled = versions?.[version];
  if (compiled !== undefined) return compiled;
  const schema = eventSchema(type, version);
  if (schema === undefined) return undefined;
  if (versions === undefined) validatorsByType.set(type, (versions = []));
  const validate = ajv.compile(schema);
  versions[version] = validate;
  return validate;
}

const VALID: EventDataValidation = { valid: true };

/** Whether `data` is a valid payload of `type` at `schemaVersion`; the errors are readable sentences. */
export function validateEventData(type: string, schemaVersion: number, data: unknown): EventDataValidation {
  const validate = validatorOf(type, schemaVersion);
  if (validate === undefined) {
    return { valid: false, errors: [`no schema for event type ${JSON.stringify(type)} at schemaVersion ${String(schemaVersion)}`] };
  }
  if (validate(data)) return VALID;
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
