/**
 * An immutable map whose `set` does not copy the whole map. A body's fold sets one member per
 * event; with a plain `Map` copied per event, folding a body of n members costs O(n) per event and
 * O(n²) in all. Here a new version shares a large frozen `base` with the old one and copies only a
 * small `overlay` of recent changes; once the overlay outgrows √n it is merged into a new base.
 * Each `set` costs O(√n) amortised, and every earlier version stays valid and unchanged, so
 * snapshots of a fold can be kept and shared freely.
 *
 * It reads like a `ReadonlyMap`, iteration order included: keys in the order they were first set.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  private static readonly MIN_OVERLAY = 32;

  // Truly private (#), so that only the entries show to deep-equality checks, not the layering.
  readonly #base: ReadonlyMap<K, V>;
  readonly #overlay: ReadonlyMap<K, V>;
  #size: number;
  /** A map being built by one fold: `set` writes in place into `#base`, which no one else holds. */
  #transient: Map<K, V> | undefined;
  #spent = false;

  private constructor(base: ReadonlyMap<K, V>, overlay: ReadonlyMap<K, V>, size: number, transient?: Map<K, V>) {
    this.#base = base;
    this.#overlay = overlay;
    this.#size = size;
    this.#transient = transient;
  }

  get size(): number {
    return this.#size;
  }

  static empty<K, V>(): LayeredMap<K, V> {
    return new LayeredMap<K, V>(new Map(), new Map(), 0);
  }

  static of<K, V>(entries: Iterable<readonly [K, V]>): LayeredMap<K, V> {
    const base = new Map(entries);
    return new LayeredMap(base, new Map(), base.size);
  }

  get(key: K): V | undefined {
    return this.#overlay.has(key) ? this.#overlay.get(key) : this.#base.get(key);
  }

  has(key: K): boolean {
    return this.#overlay.has(key) || this.#base.has(key);
  }

  /**
   * A new map with `key` set to `value`; this one is left as it was. On a transient map (see
   * `transient`), the write is made in place and the same map returned.
   */
  set(key: K, value: V): LayeredMap<K, V> {
    if (this.#spent) throw new Error('a transient LayeredMap was used after persistent() made it immutable');
    if (this.#transient !== undefined) {
      this.#transient.set(key, value);
      this.#size = this.#transient.size;
      return this;
    }
    const size = this.has(key) ? this.#size : this.#size + 1;
    if (this.#overlay.size < Math.max(LayeredMap.MIN_OVERLAY, Math.sqrt(this.#base.size))) {
      return new LayeredMap(this.#base, new Map(this.#overlay).set(key, value), size);
    }
    const merged = new Map(this.#base);
    for (const [overlaid, overlaidValue] of this.#overlay) merged.set(overlaid, overlaidValue);
    return new LayeredMap(merged.set(key, value), new Map(), size);
  }

  /**
   * A private, writable copy for a fold of many events: one O(n) copy, then each `set` is a plain
   * `Map` write instead of a new version. `persistent()` ends it and gives the immutable result.
   */
  transient(): LayeredMap<K, V> {
    const copy = new Map(this.entryList());
    return new LayeredMap(copy, new Map(), copy.size, copy);
  }

  /** The immutable map a transient one has built; the transient one can no longer be written. */
  persistent(): LayeredMap<K, V> {
    if (this.#transient === undefined) return this;
    this.#spent = true;
    return new LayeredMap(this.#transient, new Map(), this.#transient.size);
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entryList()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[K, V]> {
    return this.entryList().values();
  }

  keys(): MapIterator<K> {
    return this.entryList()
      .map(([key]) => key)
      .values();
  }

  values(): MapIterator<V> {
    return this.entryList()
      .map(([, value]) => value)
      .values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /** The base's keys where they were first set (with the overlay's values), then the overlay's new keys. */
  private entryList(): [K, V][] {
    const list: [K, V][] = [];
    for (const [key, value] of this.#base) list.push([key, this.#overlay.has(key) ? (this.#overlay.get(key) as V) : value]);
    for (const [key, value] of this.#overlay) if (!this.#base.has(key)) list.push([key, value]);
    return list;
  }
}
