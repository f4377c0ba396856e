import {
  BodyState,
  decodeState,
  encodeState,
  evolveBody,
  evolveProposal,
  GovernanceEvent,
  initialBodyState,
  initialProposalState,
  isBodyEvent,
  isMeetingEvent,
  isProposalEvent,
  parseStream,
  ProposalState,
  ProposalStatus,
} from '@concord/governance';
import {
  assertVouchedFor,
  deserializeEvent,
  EventProblem,
  EventStore,
  InMemoryProjectionStore,
  ProjectionRow,
  ProjectionStore,
  readingEventAt,
  SkimmedEvent,
  StoredEvent,
} from '@concord/event-store';
import { AggregateSink, AggregateTimeline, AppliedCorrection, AtPoint, RecordedEvent } from './aggregate-timeline';
import { headAt, HeadTimeline, StoredHead } from './head-timeline';
import { FoldInput, LatestFold } from './latest-fold';
import { ResolvedPoint } from './time-point';
import { BodyHistoryIndex } from './body-history-index';
import { evolveMeetingView, FoldedMeeting } from './meeting-view';
import { READ_SIDE_PROJECTION, ReadIndexes, ROWS } from './read-indexes';
import { RecordedTimeIndex } from './recorded-time-index';
import { TimelineCache } from './timeline-cache';
import { DomainEventSource, skimmedDomainEvent } from './skimmed-domain-event';
import { isSkimmed, LogEvent } from './read-log';
import { TextSearch } from './text-match';

export type ToDomainEvent = (stored: DomainEventSource) => GovernanceEvent;

type AnyTimeline = AggregateTimeline<BodyState> | AggregateTimeline<ProposalState> | AggregateTimeline<FoldedMeeting | undefined>;
type AnyHead = HeadTimeline<BodyState> | HeadTimeline<ProposalState> | HeadTimeline<FoldedMeeting | undefined>;
type AnyState = BodyState | ProposalState | FoldedMeeting | undefined;

/** An aggregate this long has its head stored beside the log, so a start need not read its whole stream... */
export const HEAD_MIN_RECORDS = 1024;
/** ...and a newer head once this many records came after the last one. */
const HEAD_EVERY_RECORDS = 1024;

/** A stored head as a row: its value holds the state as text (see `encodeState` in the governance library). */
interface HeadRowValue {
  readonly revision: number;
  readonly records: number;
  readonly opening: RecordedEvent;
  readonly state: string;
}

/** Records a read side holds in its timelines before it drops the least recently read. */
export const DEFAULT_CACHED_RECORDS = 200_000;

/** Bodies whose history index is held at once; others are restored from their rows when asked. */
const HELD_HISTORIES = 8;
/** Meetings whose proposals a view holds before it forgets the least recently restored. */
const HELD_MEETINGS = 64;

/** Where a view reads what it does not hold. */
export interface ViewSources {
  readonly store: Pick<EventStore, 'readStream'>;
  /** Where the indexes' rows are stored; by default nowhere but memory. */
  readonly projections?: ProjectionStore;
  /**
   * Runs a load in turn with the catch-ups: a stream read while events were being applied could
   * miss the ones applied between its read and its arrival. By default, at once (a view no one
   * catches up concurrently).
   */
  readonly inTurn?: <T>(work: () => Promise<T>) => Promise<T>;
  readonly cachedRecords?: number;
  /**
   * Why the ledger would not vouch for an event (`eventShapeProblem`): a stream read again for an
   * answer may hold a row edited by hand since it was folded, which is then named
   * (`UnreadableEventError`), not applied as if the ledger had recorded it.
   */
  readonly problemOf?: EventProblem;
}

/**
 * Every read model of the ledger, following the global log in position order. It holds the
 * ledger-wide indexes (`ReadIndexes`) and a bounded cache of aggregate timelines: an aggregate is
 * read from its own stream when first asked for, and from then on follows the log, so a question
 * about one body at any point folds that body's records only, never the whole log, and memory does
 * not grow with the log. The fold does no I/O; reads do, for what they do not hold yet.
 */
export class LedgerView {
  private readonly timelines: TimelineCache<AnyTimeline | AnyHead>;
  /** Records of each long stream when its last head was stored. */
  private readonly headRecords = new Map<string, number>();
  /** Whether a long aggregate held has grown enough since its last head for a new one. */
  headsDue = false;
  /**
   * Whether the view is folding the log from position 1. There every record of a stream passes by,
   * so a stream whose revision reaches `HEAD_MIN_RECORDS - 1` has grown long: it is followed from
   * then on, and its head stored when the fold ends, so the first start after it need not read the
   * whole stream.
   */
  private foldingFromStart = false;
  /** Streams that grew long in the events applied since `followLongStreams` last ran, with the last revision applied. */
  private readonly grownLong = new Map<string, number>();
  private readonly followed = new Map<string, LatestFold<AnyState>>();
  /** Records the followed streams hold: at most `cachedRecords`, as the cache's timelines. */
  private followedRecords = 0;
  private readonly projections: ProjectionStore;
  private readonly inTurn: <T>(work: () => Promise<T>) => Promise<T>;

  constructor(
    private readonly toDomainEvent: ToDomainEvent,
    private readonly sources: ViewSources,
    readonly indexes = new ReadIndexes(),
  ) {
    this.timelines = new TimelineCache<AnyTimeline | AnyHead>(sources.cachedRecords ?? DEFAULT_CACHED_RECORDS, (stream, held) => this.demote(stream, held));
    this.projections = sources.projections ?? new InMemoryProjectionStore();
    this.inTurn = sources.inTurn ?? ((work) => work());
  }

  /** The last position applied. */
  get position(): number {
    return this.indexes.position;
  }

  get recordedTimes(): RecordedTimeIndex {
    return this.indexes.recordedTimes;
  }

  apply(stored: StoredEvent): void {
    if (stored.position <= this.indexes.position) return;
    const event = this.toDomainEvent(stored);
    this.indexes.add({ stream: stored.stream, eventId: stored.eventId, position: stored.position, recordedAt: stored.metadata.recordedAt, event });
    if (this.foldingFromStart) this.followFromStart(stored, event);
    const timeline = this.timelines.peek(stored.stream);
    if (!timeline) return;
    // Charged by what it weighs after, not one per record: a correction a latest state cannot
    // hold (it only marks it stale) adds nothing, and the cache subtracts sizes when it evicts.
    const before = timeline.size;
    applyTo(timeline, stored, event);
    this.timelines.grew(timeline.size - before);
    this.noteGrowth(stored.stream, timeline);
  }

  /** Applies an event of the log as `readLog` read it. */
  applyLogEvent(event: LogEvent): void {
    if (isSkimmed(event)) this.applySkimmed(event);
    else this.apply(event);
  }

  /**
   * Applies an event read as text. It is parsed whole only when a held timeline or a followed
   * stream takes it; otherwise the indexes take its recorded time and its data is parsed only if
   * they look at it, which they do for few events (see `skimmedDomainEvent`).
   */
  private applySkimmed(skimmed: SkimmedEvent): void {
    if (skimmed.position <= this.indexes.position) return;
    const { stream, eventId, position, recordedAt, streamRevision } = skimmed;
    if (this.timelines.peek(stream) || this.followed.has(stream)) {
      this.apply(deserializeEvent(skimmed));
      return;
    }
    this.indexes.add({ stream, eventId, position, recordedAt, event: skimmedDomainEvent(skimmed, this.toDomainEvent) });
    if (this.foldingFromStart) this.noteRevision(stream, streamRevision);
  }

  /** Called as every catch-up begins: it is a fold from position 1 only when nothing is applied yet (see `foldingFromStart`). */
  beginFoldFromStart(): void {
    this.foldingFromStart = this.position === 0;
  }

  /** Whether streams grew long in the fold from position 1 and wait for `followLongStreams`. */
  get longStreamsWaiting(): boolean {
    return this.grownLong.size > 0;
  }

  /**
   * Follows the streams that grew long in the events just applied, each read only as far as the
   * view has applied it (its first revisions): the fold takes the rest as the log goes by, so no
   * event of the stream is read twice. Run in turn with the catch-ups.
   */
  async followLongStreams(): Promise<void> {
    for (const [stream, lastRevision] of this.grownLong) {
      const folding = foldingOf(stream);
      if (!folding || this.followed.has(stream) || this.timelines.peek(stream)) continue;
      // Not read at all when it could not be kept.
      if (this.followedRecords + lastRevision + 1 > this.timelines.maxRecords) continue;
      const fold = new LatestFold<AnyState>(stream, folding.initial, folding.evolve);
      for (const stored of await this.sources.store.readStream(stream, { limit: lastRevision + 1 })) {
        if (stored.position > this.indexes.position) break;
        applyTo(fold, stored, this.reread(stored));
      }
      this.followed.set(stream, fold);
      this.countFollowed(stream, fold.size);
    }
    this.grownLong.clear();
  }

  /**
   * The fold from position 1 is over (after the last `followLongStreams`): each stream it followed
   * is held as its head, as a restart would hold it, and its head is due to be stored.
   */
  endFoldFromStart(): void {
    this.foldingFromStart = false;
    this.grownLong.clear();
    for (const [stream, fold] of this.followed) {
      const head = fold.headAt(this.position);
      const evolve = foldingOf(stream)?.evolve;
      if (!head || !evolve || this.timelines.peek(stream)) continue;
      const held = new HeadTimeline<AnyState>(stream, head, evolve) as AnyHead;
      this.timelines.add(stream, held);
      this.noteGrowth(stream, held);
    }
    this.followed.clear();
    this.followedRecords = 0;
  }

  /** The aggregate's state at a point, from its stored head when that answers it, else from its stream. */
  async stateAt<S extends AnyState>(stream: string, point: ResolvedPoint): Promise<AtPoint<S> | undefined> {
    return (await this.readerAt(stream, point))?.at(point) as AtPoint<S> | undefined;
  }

  /**
   * The states of many aggregates at one point, for a listing (a body's proposals), in the order
   * asked. It first reads what the cache holds, so that all of it counts as read by this reading,
   * then the streams of the rest; of these it keeps the lightest form that answers the point (the
   * latest state where that answers, else the whole timeline), and only where room can be made
   * from what was last read before the reading began (`readsBefore`, from `readMark`). A listing
   * larger than the cache then reads the same few streams at each ask, instead of pushing out,
   * one by one, each aggregate it (or the next listing) is about to ask for. Whole timelines kept
   * while room was free would take the room of the latest states a later listing needs, and
   * nothing would push them out: each listing protects what it reads.
   */
  async listedStatesAt<S extends AnyState>(streams: readonly string[], point: ResolvedPoint, readsBefore: number): Promise<(AtPoint<S> | undefined)[]> {
    const states: (AtPoint<S> | undefined)[] = [];
    const unheld: number[] = [];
    streams.forEach((stream, index) => {
      const held = this.timelines.get(stream);
      if (answersAt(held, point)) states[index] = held.at(point) as AtPoint<S> | undefined;
      else unheld.push(index);
    });
    for (const index of unheld) states[index] = await this.readAside<S>(streams[index] as string, point, readsBefore);
    return states;
  }

  /** A mark in the cache's reads, taken when a reading begins: see `listedStatesAt`. */
  readMark(): number {
    return this.timelines.reads;
  }

  private readAside<S extends AnyState>(stream: string, point: ResolvedPoint, readsBefore: number): Promise<AtPoint<S> | undefined> {
    return this.inTurn(async () => {
      const again = this.timelines.get(stream);
      if (answersAt(again, point)) return again.at(point) as AtPoint<S> | undefined;
      const timeline = await this.readTimeline(stream);
      if (!timeline) return undefined;
      const latest = this.demote(stream, timeline);
      const kept = latest?.answers(point) ? latest : timeline;
      if (this.timelines.addIfRoom(stream, kept, readsBefore)) this.noteGrowth(stream, kept);
      return timeline.at(point) as AtPoint<S> | undefined;
    });
  }

  /** The aggregate's first record as it read at a point. */
  async openingAt(stream: string, point: ResolvedPoint): Promise<RecordedEvent | undefined> {
    return (await this.readerAt(stream, point))?.openingAt(point);
  }

  /**
   * Heads of the long aggregates held, at the view's position, for those that grew enough since
   * their last head: stored with the indexes' rows, so the next start reads only what follows them.
   */
  headRows(): ProjectionRow[] {
    this.headsDue = false;
    const rows: ProjectionRow[] = [];
    for (const [stream, held] of this.timelines.entries()) {
      const head = this.needsNewHead(stream, held) ? this.headNow(held) : undefined;
      if (!head) continue;
      const value: HeadRowValue = { revision: head.revision, records: head.records, opening: head.opening, state: encodeState(head.state) };
      rows.push({ collection: ROWS.heads, id: stream, key: stream, position: head.position, value });
      this.headRecords.set(stream, head.records);
    }
    return rows;
  }

  body(bodyId: string): Promise<AggregateTimeline<BodyState> | undefined> {
    return this.timeline(`body-${bodyId}`) as Promise<AggregateTimeline<BodyState> | undefined>;
  }

  proposal(proposalId: string): Promise<AggregateTimeline<ProposalState> | undefined> {
    return this.timeline(`proposal-${proposalId}`) as Promise<AggregateTimeline<ProposalState> | undefined>;
  }

  meeting(meetingId: string): Promise<AggregateTimeline<FoldedMeeting | undefined> | undefined> {
    return this.timeline(`meeting-${meetingId}`) as Promise<AggregateTimeline<FoldedMeeting | undefined> | undefined>;
  }

  bodyIds(): readonly string[] {
    return this.indexes.bodyIds();
  }

  meetingsOf(bodyId: string): readonly string[] {
    return this.indexes.meetingsOf(bodyId);
  }

  proposalsOf(bodyId: string): readonly string[] {
    return this.indexes.proposalsOf(bodyId);
  }

  placeOfProposal(proposalId: string): number | undefined {
    return this.indexes.placeOfProposal(proposalId);
  }

  proposalsTabledBy(bodyId: string, position: number): readonly string[] {
    return this.indexes.proposalsTabledBy(bodyId, position);
  }

  amendmentsOf(bodyId: string): readonly string[] {
    return this.indexes.amendmentsOf(bodyId);
  }

  proposalsPossiblyOf(bodyId: string, position: number, status: ProposalStatus | undefined, search?: TextSearch): readonly string[] {
    return this.indexes.proposalsPossiblyOf(bodyId, position, status, search);
  }

  proposalsPossiblyInWorldTime(bodyId: string, effectiveAt: string, status: ProposalStatus | undefined, search?: TextSearch): readonly string[] {
    return this.indexes.proposalsPossiblyInWorldTime(bodyId, effectiveAt, status, search);
  }

  meetingMayMatch(meetingId: string, search: TextSearch): boolean {
    return this.indexes.meetingMayMatch(meetingId, search);
  }

  proposalSearchWords(bodyId: string): string[][] {
    return this.indexes.proposalSearchWords(bodyId);
  }

  meetingSearchWords(meetingId: string): string[] {
    return this.indexes.meetingSearchWords(meetingId);
  }

  /** The body's membership, office and decision records in world-time order. */
  bodyHistory(bodyId: string): Promise<BodyHistoryIndex> {
    return this.heldOrRestored(
      () => this.indexes.historyOf(bodyId),
      async () => {
        const query = { key: bodyId, upTo: this.indexes.committed };
        const [history, redates] = await Promise.all([
          this.projections.rows(READ_SIDE_PROJECTION, ROWS.history, query),
          this.projections.rows(READ_SIDE_PROJECTION, ROWS.redates, query),
        ]);
        this.indexes.forgetHistories(HELD_HISTORIES - 1);
        return this.indexes.restoreHistory(bodyId, { history, redates });
      },
    );
  }

  /** The proposals that name the meeting in a record of theirs (tabled at, deferred to, decided at it), in the order tabled. */
  proposalsNaming(meetingId: string): Promise<readonly string[]> {
    return this.heldOrRestored(
      () => this.indexes.proposalsNaming(meetingId),
      async () => {
        const stored = await this.projections.rows(READ_SIDE_PROJECTION, ROWS.meetingProposals, { key: meetingId, upTo: this.indexes.committed });
        this.indexes.forgetMeetingProposals(HELD_MEETINGS - 1);
        return this.indexes.restoreMeetingProposals(meetingId, stored);
      },
    );
  }

  /**
   * An index the indexes hold, or else restored from its rows, in turn with the catch-ups: the rows
   * and the entries made since must be read at one position. Asked again in turn, since another
   * read may have restored it meanwhile.
   */
  private async heldOrRestored<T>(held: () => T | undefined, restore: () => Promise<T>): Promise<T> {
    return held() ?? this.inTurn(async () => held() ?? restore());
  }

  /** Records held in timelines, for tests of the cache's bound. */
  get cachedRecords(): number {
    return this.timelines.records;
  }

  /** The held timelines' own sizes added up, for tests that `cachedRecords` keeps count. */
  cachedSizes(): number {
    return this.timelines.sumOfSizes();
  }

  /** What answers a point about the stream: its whole timeline if held, else its head if that answers. */
  private async readerAt(stream: string, point: ResolvedPoint): Promise<AnyTimeline | AnyHead | undefined> {
    const answers = (held: AnyTimeline | AnyHead | undefined) => answersAt(held, point);
    const held = this.timelines.get(stream);
    if (answers(held)) return held;
    return this.inTurn(async () => {
      const again = this.timelines.get(stream);
      if (answers(again)) return again;
      if (!again) {
        const head = await this.loadHead(stream);
        if (head && answers(head)) return head;
      }
      return this.loadTimeline(stream);
    });
  }

  /** The stream's stored head and the records after it; undefined when it has none or a correction reaches before it. */
  private async loadHead(stream: string): Promise<AnyHead | undefined> {
    const [row] = await this.projections.rows(READ_SIDE_PROJECTION, ROWS.heads, { key: stream, upTo: this.indexes.committed });
    const evolve = foldingOf(stream)?.evolve;
    if (!row || !evolve) return undefined;
    const value = row.value as HeadRowValue;
    // The stream's last record by then is not stored with the head: it answers from its own position on.
    const stored: StoredHead<AnyState> = {
      position: row.position,
      unchangedFrom: row.position,
      revision: value.revision,
      records: value.records,
      opening: value.opening,
      state: decodeState(value.state),
    };
    const head = new HeadTimeline<AnyState>(stream, stored, evolve);
    for (const event of await this.sources.store.readStream(stream, { fromRevision: value.revision + 1 })) {
      if (event.position > this.indexes.position) break;
      applyTo(head, event, this.reread(event));
    }
    if (head.stale) return undefined;
    this.headRecords.set(stream, value.records);
    this.timelines.add(stream, head as AnyHead);
    return head as AnyHead;
  }

  /** The whole timeline: held, or read from the stream (in place of a head held). */
  private async timeline(stream: string): Promise<AnyTimeline | undefined> {
    const held = this.timelines.get(stream);
    if (held instanceof AggregateTimeline) return held;
    return this.inTurn(async () => this.loadTimeline(stream));
  }

  private async loadTimeline(stream: string): Promise<AnyTimeline | undefined> {
    const held = this.timelines.get(stream);
    if (held instanceof AggregateTimeline) return held;
    const timeline = await this.readTimeline(stream);
    if (!timeline) return undefined;
    this.timelines.add(stream, timeline);
    this.noteGrowth(stream, timeline);
    return timeline;
  }

  /** The whole timeline from the stream, up to the view's position; run in turn with the catch-ups. */
  private async readTimeline(stream: string): Promise<AnyTimeline | undefined> {
    const timeline = newTimeline(stream);
    if (!timeline) return undefined;
    for (const stored of await this.sources.store.readStream(stream)) {
      if (stored.position > this.indexes.position) break;
      applyTo(timeline, stored, this.reread(stored));
    }
    return timeline.size === 0 ? undefined : timeline;
  }

  /** An event of a stream read again for an answer, vouched for as one the ledger recorded. */
  private reread(stored: StoredEvent): GovernanceEvent {
    assertVouchedFor(stored, this.sources.problemOf);
    return readingEventAt(stored.position, () => this.toDomainEvent(stored));
  }

  /**
   * A whole timeline leaving the cache stays as its latest state (a head held in memory, weighing
   * one record): a body-wide answer then costs one state per proposal, not every proposal's stream
   * read again, at the latest point and at any past point after the proposal's last record. Points
   * within its span before that, and world time, read the stream again.
   */
  private demote(stream: string, held: AnyTimeline | AnyHead): AnyHead | undefined {
    const evolve = foldingOf(stream)?.evolve;
    const head = held instanceof AggregateTimeline && evolve ? this.headNow(held) : undefined;
    return head && evolve ? (new HeadTimeline<AnyState>(stream, head, evolve) as AnyHead) : undefined;
  }

  /** The held aggregate's state at the view's position, as a head; undefined for a stale head. */
  private headNow(held: AnyTimeline | AnyHead): StoredHead<AnyState> | undefined {
    return headAt(held as AggregateTimeline<AnyState> | HeadTimeline<AnyState>, this.position);
  }

  private needsNewHead(stream: string, held: AnyTimeline | AnyHead): boolean {
    const records = recordsOf(held);
    return records >= HEAD_MIN_RECORDS && records - (this.headRecords.get(stream) ?? 0) >= HEAD_EVERY_RECORDS;
  }

  /** In a fold from position 1: a followed stream takes the record; a stream reaching `HEAD_MIN_RECORDS` waits to be followed. */
  private followFromStart(stored: StoredEvent, event: GovernanceEvent): void {
    const fold = this.followed.get(stored.stream);
    if (fold) {
      applyTo(fold, stored, event);
      this.countFollowed(stored.stream, 1);
    } else {
      this.noteRevision(stored.stream, stored.streamRevision);
    }
  }

  /** In a fold from position 1, a stream not followed: one reaching `HEAD_MIN_RECORDS` waits to be followed. */
  private noteRevision(stream: string, revision: number): void {
    if (revision === HEAD_MIN_RECORDS - 1 || this.grownLong.has(stream)) this.grownLong.set(stream, revision);
  }

  /**
   * The followed streams hold no more records than the cache's timelines may: past that, the stream
   * that took the last ones is no longer followed, and its head is stored once it is read, as
   * without the fold.
   */
  private countFollowed(stream: string, records: number): void {
    this.followedRecords += records;
    if (this.followedRecords <= this.timelines.maxRecords) return;
    this.followedRecords -= this.followed.get(stream)?.size ?? 0;
    this.followed.delete(stream);
  }

  private noteGrowth(stream: string, held: AnyTimeline | AnyHead): void {
    if (this.needsNewHead(stream, held)) this.headsDue = true;
  }
}

function answersAt(held: AnyTimeline | AnyHead | undefined, point: ResolvedPoint): held is AnyTimeline | AnyHead {
  return held !== undefined && (held instanceof AggregateTimeline || held.answers(point));
}

/** The timeline a stream's events fold into, by the kind of aggregate the stream's name says. */
function newTimeline(stream: string): AnyTimeline | undefined {
  const parsed = parseStream(stream);
  switch (parsed?.kind) {
    case 'body':
      return new AggregateTimeline<BodyState>(stream, initialBodyState, foldBody, undefined, standingChangeOf);
    case 'meeting':
      return new AggregateTimeline<FoldedMeeting | undefined>(stream, undefined, foldMeeting);
    case 'proposal':
      return new AggregateTimeline<ProposalState>(stream, initialProposalState, foldProposal);
    default:
      return undefined;
  }
}

/** The stream's events and corrections the held aggregate stands for; 0 for a stale head, which can store none. */
function recordsOf(held: AnyTimeline | AnyHead): number {
  if (held instanceof AggregateTimeline) return held.size;
  return held.stale ? 0 : held.records;
}

type AnyFold = (state: AnyState, recorded: FoldInput) => AnyState;

/** The state a stream's events fold from, and the fold, by the kind of aggregate the stream's name says. */
function foldingOf(stream: string): { readonly initial: AnyState; readonly evolve: AnyFold } | undefined {
  const parsed = parseStream(stream);
  switch (parsed?.kind) {
    case 'body':
      return { initial: initialBodyState, evolve: foldBody as AnyFold };
    case 'meeting':
      return { initial: undefined, evolve: foldMeeting as AnyFold };
    case 'proposal':
      return { initial: initialProposalState, evolve: foldProposal as AnyFold };
    default:
      return undefined;
  }
}

function applyTo(timeline: AggregateSink, stored: StoredEvent, event: GovernanceEvent): void {
  const { eventId, position, streamRevision, schemaVersion } = stored;
  const { recordedAt, actor } = stored.metadata;
  if (event.type === 'CorrectionRecorded') {
    const correction: AppliedCorrection = { eventId, position, streamRevision, schemaVersion, recordedAt, actor, ...event.data };
    timeline.correct(correction);
    return;
  }
  timeline.append({ eventId, position, streamRevision, schemaVersion, recordedAt, actor, event });
}

/**
 * The member a suspension, reinstatement, withdrawal or admission is about: a proposal's history
 * looks them up. An admission after a withdrawal readmits the member, and its objection, raised
 * before it left and never withdrawn, blocks again.
 */
export function standingChangeOf(event: GovernanceEvent): string | undefined {
  if (event.type === 'ParticipantSuspended' || event.type === 'ParticipantReinstated' || event.type === 'ParticipantAdmitted') return event.data.participantId;
  if (event.type === 'MemberWithdrew') return event.data.memberId;
  return undefined;
}

/** The body's fold over recorded events, shared by every reader of a body timeline. */
export function foldBody(state: BodyState, { event }: FoldInput): BodyState {
  return isBodyEvent(event) ? evolveBody(state, event) : state;
}

function foldMeeting(view: FoldedMeeting | undefined, { event, eventId }: FoldInput): FoldedMeeting | undefined {
  return isMeetingEvent(event) ? evolveMeetingView(view, event, eventId) : view;
}

export function foldProposal(state: ProposalState, { event }: FoldInput): ProposalState {
  return isProposalEvent(event) ? evolveProposal(state, event) : state;
}
