import { countUpTo } from './time-point';

/**
 * Recorded time by global position, as a running maximum. At any instant the ledger held exactly
 * a prefix of the log (positions are assigned in commit order), and an event stamped after that
 * instant, or any event after it, cannot have been stored by then; so the prefix "as of T" ends just
 * before the first position whose running maximum passes T, even if two writers' clocks disagree.
 */
export class RecordedTimeIndex {
  private maxima = new Float64Array(1024);
  private count = 0;

  /**
   * Positions are gapless from 1 in every store, so the n-th entry is position n's; should one ever
   * be missing, it takes its predecessor's time rather than shifting every later answer.
   */
  add(position: number, recordedAt: string): void {
    while (this.count < position) {
      if (this.count === this.maxima.length) {
        const grown = new Float64Array(this.maxima.length * 2);
        grown.set(this.maxima);
        this.maxima = grown;
      }
      const previous = this.count > 0 ? (this.maxima[this.count - 1] as number) : Number.NEGATIVE_INFINITY;
      this.maxima[this.count] = this.count === position - 1 ? Math.max(previous, Date.parse(recordedAt)) : previous;
      this.count += 1;
    }
  }

  /** The running maxima of positions `first..last` (epoch milliseconds), as stored beside the log. */
  range(first: number, last: number): number[] {
    return Array.from(this.maxima.subarray(first - 1, last));
  }

  /** Takes the running maxima of positions 1..`count` as stored; replaces what it held. */
  restore(maxima: Float64Array | readonly number[], count: number): void {
    if (maxima.length < count) throw new RangeError(`recorded times cover ${maxima.length} positions, not ${count}`);
    this.maxima = new Float64Array(Math.max(1024, count * 2));
    this.maxima.set(maxima instanceof Float64Array ? maxima.subarray(0, count) : maxima.slice(0, count));
    this.count = count;
  }

  /** The last position the ledger had stored by `instant` (0: nothing yet). */
  lastPositionBy(instant: string): number {
    return countUpTo(this.maxima.subarray(0, this.count), Date.parse(instant), (time) => time);
  }

  /** The ledger's clock right after `position`: the latest recorded time up to it. */
  momentAfter(position: number): string | undefined {
    if (position < 1 || position > this.count) return undefined;
    return new Date(this.maxima[position - 1] as number).toISOString();
  }
}
