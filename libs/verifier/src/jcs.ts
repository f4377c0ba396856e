// RFC 8785 JSON Canonicalization Scheme: one byte-exact text per JSON value, so that a hash of it
// means the same thing in every implementation.
import { isWellFormed } from './bytes';

/** Deeper nesting is refused rather than risking the call stack (the recursion below is bounded by it). */
export const MAX_JSON_DEPTH = 1000;

/**
 * The RFC 8785 text of a JSON value: members sorted by the UTF-16 code units of their names, no
 * whitespace, numbers as ECMAScript's Number.prototype.toString writes them, strings escaped as
 * JSON.stringify does. Throws TypeError for anything outside the JSON data model (undefined,
 * functions, symbols, bigints, NaN and ±Infinity, strings with unpaired surrogates, non-plain
 * objects such as Date or Map, sparse arrays, cycles) and for nesting deeper than MAX_JSON_DEPTH.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, 0, new Set());
}

function serialize(value: unknown, depth: number, open: Set<object>): string {
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      // RFC 8785 §3.2.2.3 is ECMAScript's Number-to-String, which is what String() does (-0 gives "0").
      return String(value);
    case 'string':
      return quote(value);
    case 'object':
      if (value === null) return 'null';
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  }
  if (depth >= MAX_JSON_DEPTH) throw new TypeError(`canonicalJson: nesting deeper than ${MAX_JSON_DEPTH}`);
  if (open.has(value)) throw new TypeError('canonicalJson: the value contains itself');
  open.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw new TypeError(`canonicalJson: array has a hole at ${i}`);
        items.push(serialize(value[i], depth + 1, open));
      }
      return `[${items.join(',')}]`;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw new TypeError('canonicalJson: only plain objects and arrays are JSON');
    if (Object.getOwnPropertySymbols(value).length > 0) throw new TypeError('canonicalJson: symbol-keyed properties are not JSON');
    const record = value as Record<string, unknown>;
    // RFC 8785 §3.2.3: by UTF-16 code units, which is what JavaScript's < compares (not locale, not code points).
    const names = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const members = names.map((name) => `${quote(name)}:${serialize(record[name], depth + 1, open)}`);
    return `{${members.join(',')}}`;
  } finally {
    open.delete(value);
  }
}

// RFC 8785 §3.2.2.2 asks for JSON.stringify's escaping, and that lone surrogates be an error.
function quote(text: string): string {
  if (!isWellFormed(text)) throw new TypeError('canonicalJson: string has an unpaired UTF-16 surrogate');
  return JSON.stringify(text);
}
