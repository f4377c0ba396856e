/**
 * JSON with object keys in sorted order at every depth, so two requests that differ only in the
 * order of their fields read as the same request.
 *
 * The text is what `JSON.stringify` writes of a copy of the value with its keys inserted in sorted
 * order: command fingerprints stored in the log were made that way, so it must never change. A
 * request body (parsed JSON without integer-like names) is written directly, without the copy;
 * anything else takes the copy.
 */
export function canonicalJson(value: unknown): string {
  return (plainJsonIntrinsics() ? directText(value, 0) : undefined) ?? JSON.stringify(sortKeys(value));
}

/** Whether `JSON.stringify` would call no `toJSON` the direct text does not, whatever the value. */
function plainJsonIntrinsics(): boolean {
  return (
    (Object.prototype as { toJSON?: unknown }).toJSON === undefined &&
    (Array.prototype as { toJSON?: unknown }).toJSON === undefined &&
    (Array as { [Symbol.species]?: unknown })[Symbol.species] === Array
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** Deeper than any request body may be; a deeper value takes the copy, which has no such limit. */
const MAX_DIRECT_DEPTH = 64;

/**
 * An array index as a property name: such names are ordered numerically before all others in an
 * object, whatever order they were inserted in, so the copy would not keep them sorted as text.
 */
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

/**
 * The same text as the copy, for JSON values written the same whatever their key order: strings,
 * finite numbers, booleans, null, plain arrays without holes and plain objects without
 * integer-like names. Undefined for anything else (undefined, functions, `toJSON`, a Date, an
 * array of a subclass, whose copy `map` makes of that class, a cycle): the copy then writes it as
 * it always did (a Date as `{}`, since the copy keeps only its own names).
 */
function directText(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? String(value) : undefined;
    case 'object':
      if (value === null) return 'null';
      break;
    default:
      return undefined;
  }
  if (depth >= MAX_DIRECT_DEPTH) return undefined;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || Object.hasOwn(value, 'constructor')) return undefined;
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const item = i in value ? directText(value[i], depth + 1) : undefined;
      if (item === undefined) return undefined;
      text += i > 0 ? `,${item}` : item;
    }
    return `${text}]`;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const record = value as Record<string, unknown>;
  const names = Object.keys(record).sort();
  let text = '{';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (INDEX_LIKE.test(name) || name === 'toJSON') return undefined;
    const member = directText(record[name], depth + 1);
    if (member === undefined) return undefined;
    text += `${i > 0 ? ',' : ''}${quoted(name)}:${member}`;
  }
  return `${text}}`;
}

/** Text JSON.stringify writes as it is, between quotes: printable ASCII but the quote and the backslash. */
const PLAIN_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** What JSON.stringify writes of a string; most are plain text, which is quicker to check than to escape. */
function quoted(text: string): string {
  return PLAIN_TEXT.test(text) ? `"${text}"` : JSON.stringify(text);
}
