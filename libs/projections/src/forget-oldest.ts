/** Deletes a map's oldest entries (in insertion order) until it holds at most `keep`. */
export function forgetOldest(map: Map<unknown, unknown>, keep: number): void {
  for (const key of map.keys()) {
    if (map.size <= keep) return;
    map.delete(key);
  }
}
