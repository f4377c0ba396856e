import { AppendOnlyList, LayeredMap } from '@concord/governance';

/**
 * Structural equality of two folded states (plain objects, arrays and maps of them, `Map` or
 * `LayeredMap`, compared by their entries, `AppendOnlyList` by its items). A correction
 * whose event folds to the same state as the original changes nothing after it, so the snapshots
 * taken without it stay true.
 */
export function sameState(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (isMap(a) || isMap(b)) {
    if (!(isMap(a) && isMap(b)) || a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !sameState(value, b.get(key))) return false;
    return true;
  }
  if (a instanceof AppendOnlyList || b instanceof AppendOnlyList) {
    if (!(a instanceof AppendOnlyList && b instanceof AppendOnlyList) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) if (!sameState(a.at(index), b.at(index))) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.prototype.hasOwnProperty.call(b, key) && sameState((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function isMap(value: object): value is ReadonlyMap<unknown, unknown> {
  return value instanceof Map || value instanceof LayeredMap;
}
