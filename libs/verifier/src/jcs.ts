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
  return serialize(value, []);
}

/**
 * `open` holds the objects and arrays being written, outermost first: its length is the depth, and
 * a value found in it contains itself. Text is built by concatenation and names sorted by the
 * default comparison: an event's data and metadata are written on every append, and the
 * comparator function, the member array and its join took about a third of the time.
 */
function serialize(value: unknown, open: object[]): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      // RFC 8785 §3.2.2.3 is ECMAScript's Number-to-String, which is what String() does (-0 gives "0").
      return String(value);
    case 'object':
      if (value === null) return 'null';
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  }
  if (open.length >= MAX_JSON_DEPTH) throw new TypeError(`canonicalJson: nesting deeper than ${MAX_JSON_DEPTH}`);
  if (open.includes(value)) throw new TypeError('canonicalJson: the value contains itself');
  open.push(value);
  const text = Array.isArray(value) ? arrayText(value, open) : objectText(value, open);
  open.pop();
  return text;
}

function arrayText(items: readonly unknown[], open: object[]): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) throw new TypeError(`canonicalJson: array has a hole at ${i}`);
    if (i > 0) text += ',';
    text += serialize(items[i], open);
  }
  return `${text}]`;
}

function objectText(value: object, open: object[]): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new TypeError('canonicalJson: only plain objects and arrays are JSON');
  if (Object.getOwnPropertySymbols(value).length > 0) throw new TypeError('canonicalJson: symbol-keyed properties are not JSON');
  const record = value as Record<string, unknown>;
  // RFC 8785 §3.2.3: by UTF-16 code units, which is what sort() compares strings by when given no
  // comparator (not locale, not code points).
  const names = Object.keys(record).sort();
  let text = '{';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (i > 0) text += ',';
    text += `${quote(name)}:${serialize(record[name], open)}`;
  }
  return `${text}}`;
}

/** Text JSON.stringify writes as it is, between quotes: printable ASCII but the quote and the backslash. */
const PLAIN_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

// RFC 8785 §3.2.2.2 asks for JSON.stringify's escaping, and that lone surrogates be an error. Most
// names and values are plain text, which needs neither (and checking that is quicker than both).
function quote(text: string): string {
  if (PLAIN_TEXT.test(text)) return `"${text}"`;
  if (!isWellFormed(text)) throw new TypeError('canonicalJson: string has an unpaired UTF-16 surrogate');
  return JSON.stringify(text);
}
