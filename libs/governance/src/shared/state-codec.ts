import { AppendOnlyList } from './append-only-list';
import { LayeredMap } from './layered-map';

/**
 * Folded states as text, for the states stored beside the log (the read side's heads, the command
 * side's kept folds). States are plain data except for maps (a body's members and offices, a
 * proposal's supporters) and append-only lists (a meeting's statements), which JSON cannot hold:
 * they are written as tagged lists of entries or items and read back as the same kind of map, keys
 * of any JSON type, or list.
 */
export function encodeState(state: unknown): string {
  return JSON.stringify(state, function tagMaps(this: unknown, _key: string, value: unknown) {
    if (value instanceof LayeredMap) return { $layered: [...value.entries()] };
    if (value instanceof AppendOnlyList) return { $list: value.toArray() };
    if (value instanceof Map) return { $map: [...value.entries()] };
    return value;
  });
}

export function decodeState<S>(text: string): S {
  return JSON.parse(text, (_key: string, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const tagged = value as { $layered?: [unknown, unknown][]; $map?: [unknown, unknown][]; $list?: unknown[] };
      if (tagged.$layered !== undefined) return LayeredMap.of(tagged.$layered);
      if (tagged.$map !== undefined) return new Map(tagged.$map);
      if (tagged.$list !== undefined) return AppendOnlyList.of(tagged.$list);
    }
    return value;
  }) as S;
}
