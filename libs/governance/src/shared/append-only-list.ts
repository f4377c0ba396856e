/**
 * An immutable list that grows only at its end, in O(1) a step: a fold that appends one item per
 * event (a meeting's statements) would otherwise copy the whole list at each event, which makes a
 * long stream's fold quadratic and each of its snapshots a copy of its own.
 *
 * Lists made by appending share one array, of which each sees its first `length` items. Appending
 * to the longest of them pushes onto that array; appending to a shorter one (a fold that goes on
 * from an earlier snapshot, say after a correction) copies its items first, so no list ever sees an
 * item it did not append.
 */
export class AppendOnlyList<T> implements Iterable<T> {
  // Truly private (#), so that only the items show to deep-equality checks, not the shared array.
  readonly #shared: T[];
  readonly #length: number;

  private constructor(shared: T[], length: number) {
    this.#shared = shared;
    this.#length = length;
  }

  static empty<T>(): AppendOnlyList<T> {
    return new AppendOnlyList<T>([], 0);
  }

  static of<T>(items: Iterable<T>): AppendOnlyList<T> {
    const copy = [...items];
    return new AppendOnlyList(copy, copy.length);
  }

  get length(): number {
    return this.#length;
  }

  /** The item at `index` (0 first), or undefined past the end. */
  at(index: number): T | undefined {
    return Number.isInteger(index) && index >= 0 && index < this.#length ? this.#shared[index] : undefined;
  }

  /** A new list with `item` after this one's items; this one is left as it was. */
  append(item: T): AppendOnlyList<T> {
    const shared = this.#shared.length === this.#length ? this.#shared : this.#shared.slice(0, this.#length);
    shared.push(item);
    return new AppendOnlyList(shared, this.#length + 1);
  }

  /** The items from `start` up to `end` (exclusive, default the end), as a new array. */
  slice(start = 0, end = this.#length): T[] {
    return this.#shared.slice(Math.max(0, start), Math.min(end, this.#length));
  }

  toArray(): T[] {
    return this.slice();
  }

  [Symbol.iterator](): ArrayIterator<T> {
    return this.toArray().values();
  }
}
