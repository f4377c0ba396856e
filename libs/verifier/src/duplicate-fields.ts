const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

interface Level {
  /** The object or array holding this one, and where in it: its path is built only for a duplicate. */
  readonly parent: Level | undefined;
  readonly place: string | number;
  /** The field names met so far; null for an array. */
  readonly names: Set<string> | null;
  expectingName: boolean;
  currentName: string;
  index: number;
}

/**
 * The first field given twice in one object of a JSON text already known to be valid, or
 * undefined. `JSON.parse` keeps the last of two equal names and drops the other without a word;
 * a ledger that records what it was sent must not choose between them on the sender's behalf.
 * Names are compared as decoded, so `"a"` and `"\u0061"` are the same field.
 */
export function firstDuplicateField(json: string): string | undefined {
  const levels: Level[] = [];
  let at = 0;
  while (at < json.length) {
    const char = json.charCodeAt(at);
    if (char === QUOTE) {
      const end = closingQuote(json, at);
      const level = levels[levels.length - 1];
      if (level?.names && level.expectingName) {
        const raw = json.slice(at + 1, end);
        const name = raw.includes('\\') ? (JSON.parse(json.slice(at, end + 1)) as string) : raw;
        if (level.names.has(name)) return fieldPath(pathOf(level), name);
        level.names.add(name);
        level.currentName = name;
        level.expectingName = false;
      }
      at = end + 1;
      continue;
    }
    if (char === OPEN_OBJECT || char === OPEN_ARRAY) {
      const parent = levels[levels.length - 1];
      const place = parent === undefined ? '' : parent.names ? parent.currentName : parent.index;
      levels.push({ parent, place, names: char === OPEN_OBJECT ? new Set() : null, expectingName: true, currentName: '', index: 0 });
    } else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) {
      levels.pop();
    } else if (char === COMMA) {
      const level = levels[levels.length - 1];
      if (level?.names) level.expectingName = true;
      else if (level) level.index += 1;
    }
    at += 1;
  }
  return undefined;
}

function closingQuote(json: string, opening: number): number {
  let end = json.indexOf('"', opening + 1);
  while (end !== -1 && escaped(json, end)) end = json.indexOf('"', end + 1);
  return end === -1 ? json.length : end;
}

/** A quote is escaped when an odd number of backslashes precede it. */
function escaped(json: string, quote: number): boolean {
  let backslashes = 0;
  for (let at = quote - 1; json.charCodeAt(at) === BACKSLASH; at -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

/** As `checkShape` names fields: `body`, `a`, `a.b`, `a[0]`. */
function pathOf(level: Level): string {
  if (level.parent === undefined) return 'body';
  const parent = pathOf(level.parent);
  return typeof level.place === 'number' ? `${parent}[${level.place}]` : fieldPath(parent, level.place);
}

function fieldPath(parent: string, name: string): string {
  return parent === 'body' ? name : `${parent}.${name}`;
}
