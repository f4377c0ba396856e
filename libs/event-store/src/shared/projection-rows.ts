import { ProjectionRow, ProjectionRowQuery } from '../projection-store.port';

/**
 * A projection row with its value as JSON text, which is how every adapter keeps it: the
 * in-memory one too, so that it normalises values exactly as the persisted ones do (see
 * `SerializedEvent` for the same choice on the log).
 */
export interface SerializedProjectionRow {
  readonly collection: string;
  readonly id: string;
  readonly key: string;
  readonly position: number;
  readonly value: string;
}

/**
 * Checks a commit and serialises its rows, all before the adapter writes anything: a value JSON
 * cannot hold then fails the commit as a whole instead of halfway through it.
 */
export function serializeCommit(projection: string, rows: readonly ProjectionRow[], checkpoint: number): SerializedProjectionRow[] {
  assertName('projection', projection);
  assertPosition('checkpoint', checkpoint);
  return rows.map((row) => {
    assertName('collection', row.collection);
    if (typeof row.id !== 'string') throw new TypeError(`row id must be a string, got ${typeof row.id}`);
    if (typeof row.key !== 'string') throw new TypeError(`row ${row.id}: key must be a string, got ${typeof row.key}`);
    assertPosition(`row ${row.id}: position`, row.position);
    return { collection: row.collection, id: row.id, key: row.key, position: row.position, value: toJson(row) };
  });
}

export function deserializeRow(row: SerializedProjectionRow): ProjectionRow {
  // The text is what JSON.stringify wrote.
  return { collection: row.collection, id: row.id, key: row.key, position: row.position, value: JSON.parse(row.value) as unknown };
}

/**
 * The query's bound as an integer SQL can compare with: readers may ask "everything" with
 * Infinity or MAX_SAFE_INTEGER, which no stored position passes.
 */
export function upToOf(query: ProjectionRowQuery): number {
  const { upTo } = query;
  if (typeof upTo !== 'number' || Number.isNaN(upTo)) throw new TypeError(`upTo must be a number, got ${String(upTo)}`);
  return Math.max(-1, Math.min(Number.MAX_SAFE_INTEGER, Math.floor(upTo)));
}

export function assertName(what: string, name: string): void {
  if (typeof name !== 'string' || name.length === 0) throw new TypeError(`${what} must be a non-empty string, got ${JSON.stringify(name)}`);
}

/**
 * Ids compared by Unicode code point, the order of UTF-8 bytes, which is how SQLite (BINARY) and
 * PostgreSQL (COLLATE "C") sort them; JavaScript's `<` compares UTF-16 code units instead, which
 * puts characters above U+FFFF (surrogate pairs) before U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Rows in the order the port promises: by position, then id. */
export function byPositionThenId(a: SerializedProjectionRow, b: SerializedProjectionRow): number {
  return a.position - b.position || compareCodePoints(a.id, b.id);
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

function assertPosition(what: string, position: number): void {
  if (!Number.isSafeInteger(position) || position < 0) throw new TypeError(`${what} must be an integer >= 0, got ${String(position)}`);
}

function toJson(row: ProjectionRow): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(row.value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(`row ${row.collection}/${row.id}: value cannot be stored as JSON: ${reason}`, { cause: error });
  }
  // JSON.stringify gives undefined, not an error, for undefined, a function or a symbol.
  if (text === undefined) throw new TypeError(`row ${row.collection}/${row.id}: value cannot be stored as JSON: ${typeof row.value}`);
  return text;
}
