import { ProjectionRow } from '@concord/event-store';

/**
 * A row holding the entries one commit made for one key (a body's history, a meeting's proposals),
 * named by the positions of its first and last entries. Processes that fold the same events commit
 * at different points, so their chunks overlap: named so, neither replaces the other, and a
 * restore takes each entry once.
 */
export function spanChunk(collection: string, key: string, first: number, last: number, entries: unknown[]): ProjectionRow {
  return { collection, id: `${key}/${padPosition(first)}-${padPosition(last)}`, key, position: last, value: entries };
}

/** Fixed width, so that ids sort as the positions do (every safe integer has at most 16 digits). */
function padPosition(value: number): string {
  return String(value).padStart(16, '0');
}
