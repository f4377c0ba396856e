import { withCorrection } from '@concord/governance';
import { AggregateTimeline, AppliedCorrection, AtPoint, RecordedEvent } from './aggregate-timeline';
import { ResolvedPoint } from './time-point';

/** An aggregate's state as stored beside the log at one position: its head. */
export interface StoredHead<S> {
  /** The global position the state is folded to, every correction stored by then applied. */
  readonly position: number;
  /**
   * The position of the stream's last record (event or correction) by `position`: no record of the
   * stream lies between the two, so the state is the same at every position from here to there.
   */
  readonly unchangedFrom: number;
  /** The stream's last revision at that position. */
  readonly revision: number;
  /** The stream's events and corrections at that position. */
  readonly records: number;
  /** The stream's first event as it read at that position. */
  readonly opening: RecordedEvent;
  readonly state: S;
}

/**
 * An aggregate read from its head and the records after it, instead of from its whole stream: a
 * long one's stored head, or the latest state of one the cache had no room for. By position, it
 * answers from the stream's last record by the head on (the head's state held there too) and
 * before the stream's first record (nothing counts there): the latest reads, recent `asOf` reads,
 * and, for an aggregate that stopped changing (a decided proposal), every point after that.
 * Points within the stream's span before that, world-time points, and audit trails need the whole
 * stream (`AggregateTimeline`). A correction of a record before the head makes the head `stale`:
 * what that changes can only be folded from the whole stream.
 */
export class HeadTimeline<S> {
  private readonly tail: RecordedEvent[] = [];
  private readonly tailCorrections: AppliedCorrection[] = [];
  private lastRevision: number;
  private now: AtPoint<S> | undefined;
  stale = false;

  constructor(
    readonly stream: string,
    private readonly head: StoredHead<S>,
    private readonly evolve: (state: S, recorded: RecordedEvent) => S,
  ) {
    this.lastRevision = head.revision;
  }

  /** Records held: the head counts as one. */
  get size(): number {
    return 1 + this.tail.length + this.tailCorrections.length;
  }

  /** Records after the head, for deciding when to store a newer one. */
  get recordsSinceHead(): number {
    return this.tail.length + this.tailCorrections.length;
  }

  get records(): number {
    return this.head.records + this.recordsSinceHead;
  }

  get streamRevision(): number {
    return this.lastRevision;
  }

  answers(point: ResolvedPoint): boolean {
    return !this.stale && point.effectiveAt === null && (point.position >= this.head.unchangedFrom || this.before(point));
  }

  /** The position of the stream's last record held. */
  get lastRecordPosition(): number {
    return Math.max(this.head.unchangedFrom, this.tail.at(-1)?.position ?? 0, this.tailCorrections.at(-1)?.position ?? 0);
  }

  append(recorded: RecordedEvent): void {
    this.tail.push(recorded);
    this.lastRevision = recorded.streamRevision;
    if (this.now && this.tailCorrections.length === 0) this.now = { state: this.evolve(this.now.state, recorded), streamRevision: recorded.streamRevision };
    else this.now = undefined;
  }

  correct(correction: AppliedCorrection): void {
    this.lastRevision = correction.streamRevision;
    this.now = undefined;
    if (!this.tail.some((recorded) => recorded.eventId === correction.correctsEventId)) {
      this.stale = true;
      return;
    }
    this.tailCorrections.push(correction);
  }

  at(point: ResolvedPoint): AtPoint<S> | undefined {
    if (!this.answers(point)) throw new RangeError(`the head of ${this.stream} does not answer position ${point.position}`);
    if (this.before(point)) return undefined;
    const latest = (this.tail.at(-1)?.position ?? 0) <= point.position && (this.tailCorrections.at(-1)?.position ?? 0) <= point.position;
    if (latest && this.now) return this.now;
    let state = this.head.state;
    let streamRevision = this.head.revision;
    for (const recorded of this.tail) {
      if (recorded.position > point.position) break;
      state = this.evolve(state, this.asOf(recorded, point.position));
      streamRevision = recorded.streamRevision;
    }
    for (const correction of this.tailCorrections)
      if (correction.position <= point.position) streamRevision = Math.max(streamRevision, correction.streamRevision);
    const answer = { state, streamRevision };
    if (latest) this.now = answer;
    return answer;
  }

  openingAt(point: ResolvedPoint): RecordedEvent | undefined {
    if (!this.answers(point)) throw new RangeError(`the head of ${this.stream} does not answer position ${point.position}`);
    return this.before(point) ? undefined : this.head.opening;
  }

  /** Before the stream's first record, where none of it counts. */
  private before(point: ResolvedPoint): boolean {
    return point.position < this.head.opening.position;
  }

  private asOf(recorded: RecordedEvent, position: number): RecordedEvent {
    const corrections = this.tailCorrections.filter((correction) => correction.correctsEventId === recorded.eventId && correction.position <= position);
    if (corrections.length === 0) return recorded;
    return { ...recorded, event: corrections.reduce((event, correction) => withCorrection(event, correction.corrections), recorded.event) };
  }
}

/**
 * The held aggregate's state at `position` (the view's: every record of the stream by then is
 * held) as a head, to store or to hold in its place; undefined for a stale head, or when nothing
 * of the stream counts there.
 */
export function headAt<S>(held: AggregateTimeline<S> | HeadTimeline<S>, position: number): StoredHead<S> | undefined {
  if (held instanceof HeadTimeline && held.stale) return undefined;
  const point = { position, effectiveAt: null, moment: '' };
  const now = held.at(point);
  const opening = held.openingAt(point);
  if (!now || !opening) return undefined;
  const records = held instanceof AggregateTimeline ? held.size : held.records;
  return { position, unchangedFrom: held.lastRecordPosition, revision: held.streamRevision, records, opening, state: now.state };
}
