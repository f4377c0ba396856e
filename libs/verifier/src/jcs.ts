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
  const sorted = sortedCopy(value, 0, new Set());
  // JSON.stringify writes what RFC 8785 asks of a value so prepared (members in the order they
  // were added, strings escaped and numbers written as the RFC says), in one native call instead
  // of one per string; but it puts names that are array indices ("0", "17") first, in numeric
  // order, so an object with one is written member by member instead.
  return sorted === NEEDS_TEXT ? serialize(value, 0, new Set()) : JSON.stringify(sorted);
}

/** Returned from within a value holding a member name JSON.stringify would move (an array index). */
const NEEDS_TEXT: unique symbol = Symbol('written member by member');

/**
 * A copy of a JSON value with every object's members added in RFC 8785 order, to objects without
 * a prototype (so that a member named `__proto__` is one); refuses what `serialize` refuses.
 */
function sortedCopy(value: unknown, depth: number, open: Set<object>): unknown {
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return value;
    case 'string':
      if (!isWellFormed(value)) throw new TypeError('canonicalJson: string has an unpaired UTF-16 surrogate');
      return value;
    case 'object':
      if (value === null) return null;
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  }
  if (depth >= MAX_JSON_DEPTH) throw new TypeError(`canonicalJson: nesting deeper than ${MAX_JSON_DEPTH}`);
  if (open.has(value)) throw new TypeError('canonicalJson: the value contains itself');
  open.add(value);
  try {
    if (Array.isArray(value)) {
      const items: unknown[] = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw new TypeError(`canonicalJson: array has a hole at ${i}`);
        const item = sortedCopy(value[i], depth + 1, open);
        if (item === NEEDS_TEXT) return NEEDS_TEXT;
        items[i] = item;
      }
      return items;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw new TypeError('canonicalJson: only plain objects and arrays are JSON');
    if (Object.getOwnPropertySymbols(value).length > 0) throw new TypeError('canonicalJson: symbol-keyed properties are not JSON');
    const record = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units, as RFC 8785 §3.2.3 asks.
    const names = Object.keys(record).sort();
    const copy = Object.create(null) as Record<string, unknown>;
    for (const name of names) {
      if (!isWellFormed(name)) throw new TypeError('canonicalJson: string has an unpaired UTF-16 surrogate');
      if (isArrayIndex(name)) return NEEDS_TEXT;
      const member = sortedCopy(record[name], depth + 1, open);
      if (member === NEEDS_TEXT) return NEEDS_TEXT;
      copy[name] = member;
    }
    return copy;
  } finally {
    open.delete(value);
  }
}

/** Whether JavaScript orders this property name as an array index: "0" to "4294967294", written as that number is. */
function isArrayIndex(name: string): boolean {
  const first = name.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  return /^(?:0|[1-9]\d{0,9})$/.test(name) && Number(name) <= 4294967294;
}

/** The RFC 8785 text written member by member: for values whose member names JSON.stringify would reorder. */
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
