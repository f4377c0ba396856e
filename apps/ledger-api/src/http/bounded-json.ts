import { characterCount, TEXT_LIMITS } from '@concord/governance';
import { ApiProblem } from './api-problem';
import { firstDuplicateField } from '@concord/verifier';

/**
 * What a request body may hold, checked right after parsing and before anything walks it
 * (fingerprinting, validation): every command body is a flat object of a few fields and short
 * lists, so these are far above any valid request and far below what could cost a request more
 * than a millisecond of work.
 */
export const JSON_LIMITS = {
  /** Objects and arrays inside one another. */
  depth: 8,
  /** Items in one array. */
  arrayItems: 256,
  /** Fields of one object. */
  objectKeys: 64,
  /** Objects, arrays and values in the whole body. */
  values: 4096,
  /** Characters (code points, as the fields' rules count them) in one string: the longest free text a command takes. */
  stringLength: Math.max(...Object.values(TEXT_LIMITS)),
  /** Characters in one field name. */
  keyLength: 64,
} as const;

/**
 * Field names that every object inherits: a body naming one is refused here, since validation
 * that looks fields up on an object would find the inherited member and never call it unknown.
 */
const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Parses a JSON body and refuses one whose shape exceeds `JSON_LIMITS`, without recursion, or one
 * that gives a field twice in an object.
 */
export function parseBoundedJson(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiProblem('validation-failed', `the body is not JSON: ${reason}`, { errors: [{ field: 'body', messages: [`is not JSON: ${reason}`] }] });
  }
  if (!isFlatWithinLimits(parsed)) checkShape(parsed);
  const duplicate = firstDuplicateField(text);
  if (duplicate !== undefined) {
    const message = 'is given more than once; send each field once';
    throw new ApiProblem('validation-failed', `${duplicate} ${message}`, { errors: [{ field: duplicate, messages: [message] }] });
  }
  return parsed;
}

/**
 * Most command bodies: one object of a few fields, each a string, number, boolean or null, within
 * the limits. Checked without building anything per value; any other shape, or a field a limit
 * refuses, is walked by `checkShape`, which says what is wrong.
 */
function isFlatWithinLimits(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length > JSON_LIMITS.objectKeys) return false;
  for (const key of keys) {
    if (key.length > JSON_LIMITS.keyLength || INHERITED_NAMES.has(key)) return false;
    const field: unknown = (value as Record<string, unknown>)[key];
    if (typeof field === 'string' ? tooLong(field) : field !== null && typeof field === 'object') return false;
  }
  return true;
}

/** Counted only past as many UTF-16 units: a character is one or two of them. */
function tooLong(value: string): boolean {
  return value.length > JSON_LIMITS.stringLength && characterCount(value) > JSON_LIMITS.stringLength;
}

function checkShape(root: unknown): void {
  const pending: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 0, path: 'body' }];
  let values = 0;
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop() as { value: unknown; depth: number; path: string };
    values += 1;
    if (values > JSON_LIMITS.values) throw tooComplex('values', `the body holds more than ${JSON_LIMITS.values} values`, 'body');
    if (typeof value === 'string') {
      if (tooLong(value)) throw tooComplex('stringLength', `${path} is longer than ${JSON_LIMITS.stringLength} characters`, path);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= JSON_LIMITS.depth) throw tooComplex('depth', `${path} nests objects or arrays deeper than ${JSON_LIMITS.depth} levels`, path);
    if (Array.isArray(value)) {
      if (value.length > JSON_LIMITS.arrayItems) throw tooComplex('arrayItems', `${path} has more than ${JSON_LIMITS.arrayItems} items`, path);
      value.forEach((item, index) => pending.push({ value: item, depth: depth + 1, path: `${path}[${index}]` }));
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > JSON_LIMITS.objectKeys) throw tooComplex('objectKeys', `${path} has more than ${JSON_LIMITS.objectKeys} fields`, path);
    for (const key of keys) {
      const field = path === 'body' ? key : `${path}.${key}`;
      if (key.length > JSON_LIMITS.keyLength) throw tooComplex('keyLength', `a field name in ${path} is longer than ${JSON_LIMITS.keyLength} characters`, path);
      if (INHERITED_NAMES.has(key)) {
        throw new ApiProblem('validation-failed', `${field}: property ${key} should not exist`, {
          errors: [{ field, messages: [`property ${key} should not exist`] }],
        });
      }
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: field });
    }
  }
}

function tooComplex(limit: keyof typeof JSON_LIMITS, detail: string, field: string): ApiProblem {
  return new ApiProblem('request-too-complex', detail, { limit, max: JSON_LIMITS[limit], errors: [{ field, messages: [detail] }] });
}
