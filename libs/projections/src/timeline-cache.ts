/** What the cache needs of a timeline: how many records it holds. */
export interface Weighed {
  readonly size: number;
}

/** One held timeline, linked in order of reads: the list, not a Map's order, says which leaves first. */
interface Slot<T> {
  readonly stream: string;
  readonly timeline: T;
  /** The cache's count of reads when this was last read or added. */
  lastRead: number;
  older: Slot<T> | undefined;
  newer: Slot<T> | undefined;
}

/**
 * The aggregate timelines the read side holds, least recently read dropped first once they hold
 * more than `maxRecords` records in all. A timeline leaving may be replaced by a lighter one that
 * `demote` gives (its latest state alone); one dropped is read again from its stream when next
 * asked for. The one most recently read stays even if it alone is larger.
 *
 * The order is a linked list rather than a Map's insertion order: a Map walked from its start
 * steps over every entry deleted since it last compacted, so evicting from the oldest end of a
 * Map that churns costs in proportion to the cache, not to what leaves.
 */
export class TimelineCache<T extends Weighed> {
  private readonly slots = new Map<string, Slot<T>>();
  private oldest: Slot<T> | undefined;
  private newestEnd: Slot<T> | undefined;
  private weight = 0;
  private readCount = 0;
  /** The one most recently read or added: it stays even if it alone is larger than the bound. */
  private newest: string | undefined;

  constructor(
    readonly maxRecords: number,
    private readonly demote: (stream: string, timeline: T) => T | undefined = () => undefined,
  ) {}

  /** The timeline, now the most recently read. */
  get(stream: string): T | undefined {
    const slot = this.slots.get(stream);
    if (!slot) return undefined;
    // Moved along the list only: the map keeps its entry (a delete and set per read rebuilt its table).
    if (slot !== this.newestEnd) {
      this.detach(slot);
      this.attach(slot);
    }
    slot.lastRead = ++this.readCount;
    this.newest = stream;
    return slot.timeline;
  }

  /** The timeline, without counting as a read: for following the log. */
  peek(stream: string): T | undefined {
    return this.slots.get(stream)?.timeline;
  }

  add(stream: string, timeline: T): void {
    this.put(stream, timeline);
    this.makeRoom(0, Number.POSITIVE_INFINITY);
  }

  /**
   * Adds the timeline only if room can be made for it from timelines last read by `readsBefore`
   * (a count of `reads`, taken when a reading began); whether it was added. A reading of many
   * aggregates, each once, would otherwise push out what it read first, which the next such
   * reading asks for first: every one of its reads would miss.
   */
  addIfRoom(stream: string, timeline: T, readsBefore: number): boolean {
    const heldNow = () => this.slots.get(stream)?.timeline.size ?? 0;
    this.makeRoom(timeline.size - heldNow(), readsBefore, stream);
    if (this.weight - heldNow() + timeline.size > this.maxRecords) return false;
    this.put(stream, timeline);
    return true;
  }

  /** A held timeline took `records` more records. */
  grew(records: number): void {
    this.weight += records;
    this.makeRoom(0, Number.POSITIVE_INFINITY);
  }

  /** Oldest first. */
  *entries(): IterableIterator<[string, T]> {
    for (let slot = this.oldest; slot; slot = slot.newer) yield [slot.stream, slot.timeline];
  }

  /** Reads and additions so far: a mark for `addIfRoom`. */
  get reads(): number {
    return this.readCount;
  }

  get records(): number {
    return this.weight;
  }

  /** The held timelines' sizes added up, walking them all: for tests that `records` keeps count. */
  sumOfSizes(): number {
    let sum = 0;
    for (const slot of this.slots.values()) sum += slot.timeline.size;
    return sum;
  }

  get size(): number {
    return this.slots.size;
  }

  private put(stream: string, timeline: T): void {
    const replaced = this.slots.get(stream);
    if (replaced) {
      this.weight -= replaced.timeline.size;
      this.unlink(replaced);
    }
    this.append(stream, timeline, ++this.readCount);
    this.weight += timeline.size;
    this.newest = stream;
  }

  /**
   * Oldest first, until `records` more fit, stopping at the first timeline read after
   * `readsBefore`; the one most recently read, and `keep` (what is being replaced), stay. A lighter form rejoins at the newest end, keeping when it was last read, so it
   * leaves only once everything older has (the walk reaches it again when room is still short,
   * and drops it: it has no lighter form). Each step costs the timelines it moves, never the whole
   * cache.
   */
  private makeRoom(records: number, readsBefore: number, keep?: string): void {
    let slot = this.oldest;
    while (slot && this.weight + records > this.maxRecords) {
      if (slot.lastRead > readsBefore) return;
      let next = slot.newer;
      if (slot.stream !== this.newest && slot.stream !== keep) {
        this.unlink(slot);
        this.weight -= slot.timeline.size;
        const lighter = this.demote(slot.stream, slot.timeline);
        if (lighter && lighter.size < slot.timeline.size) {
          this.append(slot.stream, lighter, slot.lastRead);
          this.weight += lighter.size;
          next ??= this.newestEnd;
        }
      }
      slot = next;
    }
  }

  private append(stream: string, timeline: T, lastRead: number): void {
    this.link({ stream, timeline, lastRead, older: undefined, newer: undefined });
  }

  /** Held, at the newest end. */
  private link(slot: Slot<T>): void {
    this.attach(slot);
    this.slots.set(slot.stream, slot);
  }

  private unlink(slot: Slot<T>): void {
    this.detach(slot);
    this.slots.delete(slot.stream);
  }

  private attach(slot: Slot<T>): void {
    slot.older = this.newestEnd;
    slot.newer = undefined;
    if (this.newestEnd) this.newestEnd.newer = slot;
    else this.oldest = slot;
    this.newestEnd = slot;
  }

  private detach(slot: Slot<T>): void {
    if (slot.older) slot.older.newer = slot.newer;
    else this.oldest = slot.newer;
    if (slot.newer) slot.newer.older = slot.older;
    else this.newestEnd = slot.older;
  }
}
