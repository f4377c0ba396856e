/** What the cache needs of a timeline: how many records it holds. */
export interface Weighed {
  readonly size: number;
}

/**
 * The aggregate timelines the read side holds, least recently read dropped first once they hold
 * more than `maxRecords` records in all. A timeline leaving may be replaced by a lighter one that
 * `demote` gives (its latest state alone); one dropped is read again from its stream when next
 * asked for. The one most recently read stays even if it alone is larger.
 */
export class TimelineCache<T extends Weighed> {
  private readonly timelines = new Map<string, T>();
  private weight = 0;
  /** The one most recently read or added: it stays even if it alone is larger than the bound. */
  private newest: string | undefined;

  constructor(
    private readonly maxRecords: number,
    private readonly demote: (stream: string, timeline: T) => T | undefined = () => undefined,
  ) {}

  /** The timeline, now the most recently read. */
  get(stream: string): T | undefined {
    const timeline = this.timelines.get(stream);
    if (timeline) {
      this.timelines.delete(stream);
      this.timelines.set(stream, timeline);
      this.newest = stream;
    }
    return timeline;
  }

  /** The timeline, without counting as a read: for following the log. */
  peek(stream: string): T | undefined {
    return this.timelines.get(stream);
  }

  add(stream: string, timeline: T): void {
    const replaced = this.timelines.get(stream);
    if (replaced) this.weight -= replaced.size;
    this.timelines.delete(stream);
    this.timelines.set(stream, timeline);
    this.weight += timeline.size;
    this.newest = stream;
    this.evict();
  }

  /** A held timeline took `records` more records. */
  grew(records: number): void {
    this.weight += records;
    this.evict();
  }

  entries(): IterableIterator<[string, T]> {
    return this.timelines.entries();
  }

  get records(): number {
    return this.weight;
  }

  get size(): number {
    return this.timelines.size;
  }

  /**
   * Oldest first. A lighter form rejoins at the newest end, so it leaves only once everything older
   * has (the loop reaches it again when room is still short, and drops it: it has no lighter form).
   * Each step costs the entries it moves, never the whole cache.
   */
  private evict(): void {
    for (const [stream, timeline] of this.timelines) {
      if (this.weight <= this.maxRecords) return;
      if (stream === this.newest) continue;
      this.timelines.delete(stream);
      this.weight -= timeline.size;
      const lighter = this.demote(stream, timeline);
      if (lighter && lighter.size < timeline.size) {
        this.timelines.set(stream, lighter);
        this.weight += lighter.size;
      }
    }
  }
}
