import { ProjectionRow } from '@concord/event-store';
import { GovernanceEvent, parseStream, ProposalStatus } from '@concord/governance';
import { BodyHistoryIndex, HistoryRef } from './body-history-index';
import { forgetOldest } from './forget-oldest';
import { BodyProposals, factsOf, ProposalEntry, ProposalFacts } from './body-proposals';
import { afterCorrection, Closing, closingBy } from './proposal-closing';
import { MeetingProposalsIndex, meetingNamedBy } from './meeting-proposals-index';
import { spanChunk } from './span-chunk';
import { RecordedTimeIndex } from './recorded-time-index';
import { GrowingTerms, mayMatch, TextSearch } from './text-match';

/**
 * The name the read side's rows are stored under. A change to what a row means (or to which
 * events make rows) takes a new name: the old rows are then ignored and the read side is rebuilt
 * from position 1 once.
 */
export const READ_SIDE_PROJECTION = 'read-side-v9';

/** The collections of the read side's rows. */
export const ROWS = {
  bodies: 'bodies',
  meetings: 'meetings',
  proposals: 'proposals',
  history: 'body-history',
  redates: 'body-history-redates',
  /** Which proposals name each meeting (tabled at, deferred to, decided at it): see `MeetingProposalsIndex`. */
  meetingProposals: 'meeting-proposals',
  /** The words of every title and text of each proposal, in chunks of a body's proposals as `proposals` (see `searchTermsOf`). */
  proposalTerms: 'proposal-terms',
  /** The words of every summary of a statement made at each meeting (see `searchTermsOf`). */
  meetingTerms: 'meeting-terms',
  recordedTimes: 'recorded-times',
  heads: 'heads',
  /** The id of the event at the checkpoint: a start checks that the rows were folded from the log it reads. */
  logMark: 'log-mark',
} as const;

/** Recorded times are stored in chunks of this many positions, a body's proposals in chunks of this many proposals. */
export const RECORDED_TIME_CHUNK = 4096;
export const PROPOSAL_CHUNK = 4096;

/** Proposal records that belong in the body's history: its decisions. */
const DECISION_TYPES: ReadonlySet<string> = new Set(['ConsensusDeclared', 'NoConsensusRecorded']);

/** One body-history entry in a stored chunk. */
type HistoryEntry = [eventId: string, stream: string, position: number, occurredAt: string];

interface RedateRowValue {
  readonly eventId: string;
  readonly occurredAt: string;
}

/** What a new event adds to the indexes: the facts `ReadIndexes.add` needs beside the event. */
export interface IndexedEvent {
  readonly stream: string;
  readonly eventId: string;
  readonly position: number;
  readonly recordedAt: string;
  readonly event: GovernanceEvent;
}

/**
 * The read side's ledger-wide indexes: which bodies, meetings and proposals exist (with where each
 * proposal was tabled and closed), the proposals that name each meeting, the records of each body's
 * history in world-time order, and recorded time by position. Everything else is read from one
 * aggregate's own stream. Every index is also kept as rows beside the log: `pendingRows` are those
 * made since the last commit, and a start restores the rest from the store instead of refolding
 * the log. A body's history and a meeting's proposals are restored per body or meeting, when
 * first asked for.
 */
export class ReadIndexes {
  /** The last position indexed. */
  position = 0;
  /** The id of the event at `position`, when it was indexed here rather than restored. */
  private lastEventId: string | undefined;
  /** The last position whose rows are stored. */
  committed = 0;
  readonly recordedTimes = new RecordedTimeIndex();
  private readonly bodies: string[] = [];
  private readonly knownBodies = new Set<string>();
  private readonly meetingsByBody = new Map<string, string[]>();
  private readonly knownMeetings = new Set<string>();
  /**
   * Each body's proposals in the order tabled, with where each was tabled and closed: a listing
   * asks only for the proposals that can be on it (see `proposalsPossiblyOf`).
   */
  private readonly proposalsByBody = new Map<string, BodyProposals>();
  /** Chunks of each body's proposals changed since the last commit, and chunks of their words. */
  private readonly changedChunks = new Map<string, Set<number>>();
  private readonly changedTermChunks = new Map<string, Set<number>>();
  private readonly amendmentsByBody = new Map<string, string[]>();
  private readonly bodyOfProposal = new Map<string, string>();
  /** Each proposal's place in its body's list. */
  private readonly placeInBody = new Map<string, number>();
  private readonly meetingProposals = new MeetingProposalsIndex(ROWS.meetingProposals);
  /** The words of every summary of every statement made at each meeting, for searches; and the meetings whose words changed since the last commit. */
  private readonly meetingTerms = new Map<string, GrowingTerms>();
  private readonly changedMeetingTerms = new Set<string>();
  private readonly histories = new Map<string, BodyHistoryIndex>();
  private pending: ProjectionRow[] = [];
  /**
   * Body-history entries made since the last commit, by body, in log order. A commit stores each
   * body's as one row (a chunk), not a row per entry: a body's history has an entry for most of
   * its records, and a row each made storing and deleting them most of a rebuild's writing.
   */
  private pendingHistory = new Map<string, HistoryRef[]>();

  /**
   * Restores the indexes stored up to `position` (history rows excepted: see `restoreHistory`).
   * Chunk rows may hold entries from further on, stored by a process ahead of this one: those are
   * left for the catch-up to index.
   */
  static restore(
    position: number,
    rows: {
      bodies: readonly ProjectionRow[];
      meetings: readonly ProjectionRow[];
      proposals: readonly ProjectionRow[];
      recordedTimes: readonly ProjectionRow[];
      /** All of them, as of proposals and meetings: words from further on, stored by a process ahead, only make a search read more. */
      proposalTerms?: readonly ProjectionRow[];
      meetingTerms?: readonly ProjectionRow[];
    },
  ): ReadIndexes {
    const indexes = new ReadIndexes();
    indexes.position = position;
    indexes.committed = position;
    for (const row of rows.bodies) indexes.addBody(row.id);
    for (const row of rows.meetings) indexes.addMeeting(row.id, row.key);
    for (const row of [...rows.proposals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      for (const entry of row.value as ProposalEntry[]) {
        // A closing from further on, stored by a process ahead, is kept: every question about a
        // position before it finds the proposal open there, as the catch-up will. An outcome or a
        // date corrected further on only makes a status ask for more proposals; their states decide.
        const facts = factsOf(entry);
        if (facts.position <= position) indexes.addProposal(entry[0], row.key, entry[1] === 1, facts);
      }
    }
    for (const row of rows.proposalTerms ?? []) {
      const proposals = indexes.proposalsByBody.get(row.key);
      const from = Number(row.id.slice(row.key.length + 1)) * PROPOSAL_CHUNK;
      // Places are in the order tabled, so those restored are the first of each body's: words of proposals tabled after the position wait for the catch-up.
      (row.value as string[]).forEach((terms, index) => proposals?.restoreTerms(from + index, terms));
    }
    for (const row of rows.meetingTerms ?? []) indexes.meetingTerms.set(row.id, new GrowingTerms(row.value as string));
    indexes.recordedTimes.restore(concatMaxima(rows.recordedTimes), position);
    indexes.changedChunks.clear();
    indexes.changedTermChunks.clear();
    return indexes;
  }

  /** Where a restore can start: the position the stored rows are complete to, recorded times included. */
  static completeTo(checkpoint: number, recordedTimes: readonly ProjectionRow[]): number {
    return Math.min(
      checkpoint,
      recordedTimes.reduce((count, row) => count + maximaIn(row), 0),
    );
  }

  /**
   * Indexes the event, then moves the position past it: an event whose data cannot be read (a
   * skimmed event's data is parsed only here) leaves the position before it, so the next catch-up
   * meets it again instead of going on without it. What it indexed before failing is indexed again
   * then without effect.
   */
  add(indexed: IndexedEvent): void {
    this.indexEvent(indexed);
    this.position = indexed.position;
    this.lastEventId = indexed.eventId;
    this.recordedTimes.add(indexed.position, indexed.recordedAt);
  }

  private indexEvent({ stream, eventId, position, event }: IndexedEvent): void {
    const parsed = parseStream(stream);
    if (event.type === 'CorrectionRecorded') {
      // Only a correction of a decision's outcome changes how a proposal stands closed; of a date, where it stands in world time.
      if (parsed?.kind === 'proposal' && 'outcome' in event.data.corrections) this.close(parsed.id, afterCorrection);
      const occurredAt = event.data.corrections.occurredAt;
      if (parsed?.kind === 'proposal' && occurredAt !== undefined) this.redate(parsed.id);
      if (parsed?.kind === 'proposal') this.addTerms(parsed.id, correctedTexts(event.data.corrections));
      const summary = event.data.corrections['summary'];
      if (parsed?.kind === 'meeting' && typeof summary === 'string') this.addMeetingTerms(parsed.id, summary);
      const bodyId = this.historyBodyOf(parsed);
      if (typeof occurredAt !== 'string' || bodyId === undefined) return;
      this.record({
        collection: ROWS.redates,
        id: eventId,
        key: bodyId,
        position,
        value: { eventId: event.data.correctsEventId, occurredAt } satisfies RedateRowValue,
      });
      this.histories.get(bodyId)?.redate(event.data.correctsEventId, occurredAt, position);
      return;
    }
    if (event.type === 'BodyEstablished' && parsed?.kind === 'body' && !this.knownBodies.has(parsed.id)) {
      this.addBody(parsed.id);
      this.record({ collection: ROWS.bodies, id: parsed.id, key: '', position, value: null });
    }
    if (event.type === 'MeetingConvened' && parsed?.kind === 'meeting' && !this.knownMeetings.has(parsed.id)) {
      this.addMeeting(parsed.id, event.data.bodyId);
      this.record({ collection: ROWS.meetings, id: parsed.id, key: event.data.bodyId, position, value: null });
    }
    if (
      (event.type === 'ProposalTabled' || event.type === 'DefinitionAmendmentProposed') &&
      parsed?.kind === 'proposal' &&
      !this.bodyOfProposal.has(parsed.id)
    ) {
      const amendment = event.type === 'DefinitionAmendmentProposed';
      const facts = { position, tabledOn: Date.parse(event.data.occurredAt), closing: 0, closedOn: 0, redated: false };
      this.addProposal(parsed.id, event.data.bodyId, amendment, facts);
      this.addTerms(parsed.id, [event.data.title, event.data.text]);
    }
    if (event.type === 'ProposalRevised' && parsed?.kind === 'proposal') this.addTerms(parsed.id, [event.data.text]);
    if (event.type === 'StatementRecorded' && parsed?.kind === 'meeting') this.addMeetingTerms(parsed.id, event.data.summary);
    if (parsed?.kind === 'proposal') this.indexProposalRecord(parsed.id, event, position);
    const inHistory = parsed?.kind === 'body' || (parsed?.kind === 'proposal' && DECISION_TYPES.has(event.type));
    const bodyId = this.historyBodyOf(parsed);
    if (!inHistory || bodyId === undefined || !this.knownBodies.has(bodyId)) return;
    const ref: HistoryRef = { stream, eventId, position, occurredAt: event.data.occurredAt };
    const pending = this.pendingHistory.get(bodyId);
    if (pending) pending.push(ref);
    else this.pendingHistory.set(bodyId, [ref]);
    this.histories.get(bodyId)?.add(ref);
  }

  bodyIds(): readonly string[] {
    return this.bodies;
  }

  /** The body's meetings in the order they were convened (recorded). */
  meetingsOf(bodyId: string): readonly string[] {
    return this.meetingsByBody.get(bodyId) ?? [];
  }

  proposalsOf(bodyId: string): readonly string[] {
    return this.proposalsByBody.get(bodyId)?.ids ?? [];
  }

  /** The proposal's place in its body's list (`proposalsOf`), which never changes. */
  placeOfProposal(proposalId: string): number | undefined {
    return this.placeInBody.get(proposalId);
  }

  /**
   * The body's proposals tabled at or before `position`, in the order tabled. A proposal's state
   * before its tabling is unknown (nothing before it makes one), so these are all that a listing
   * at that position can show.
   */
  proposalsTabledBy(bodyId: string, position: number): readonly string[] {
    const proposals = this.proposalsByBody.get(bodyId);
    return proposals === undefined ? [] : proposals.ids.slice(0, proposals.tabledBy(position));
  }

  /**
   * The body's proposals tabled by `position` that can have `status` there, in the order tabled: a
   * proposal closes once and for good, so one open at the position closed after it or not at all,
   * one withdrawn closed by a withdrawal by then, one adopted (or not) closed by then by a decision
   * of that outcome or by one whose outcome was corrected since (its state says which it is).
   * With a search, only those that some title and text they have had, as far as indexed, can
   * match (see `searchTermsOf`). Without a status, those tabled by then.
   */
  proposalsPossiblyOf(bodyId: string, position: number, status: ProposalStatus | undefined, search?: TextSearch): string[] {
    return this.proposalsByBody.get(bodyId)?.possiblyOf(position, status, search) ?? [];
  }

  /**
   * The body's proposals that can exist on `effectiveAt` in world time, with `status` there if
   * given, in the order tabled: world time reads every record indexed so far, so a proposal counts
   * from the date of its tabling and closes on the date of its closing record (see
   * `BodyProposals.possiblyInWorldTime`); with a search, as `proposalsPossiblyOf`.
   */
  proposalsPossiblyInWorldTime(bodyId: string, effectiveAt: string, status: ProposalStatus | undefined, search?: TextSearch): string[] {
    return this.proposalsByBody.get(bodyId)?.possiblyInWorldTime(effectiveAt, this.position, status, search) ?? [];
  }

  /**
   * Whether some statement made at the meeting, as far as indexed, can hold the search's words in
   * its summary or a corrected one: a search of statements reads only the meetings that can.
   */
  meetingMayMatch(meetingId: string, search: TextSearch): boolean {
    return mayMatch(search, this.meetingTerms.get(meetingId)?.text ?? '');
  }

  /** The words searches of the body's proposals look in, as a set per proposal in the order tabled: what a check of the stored rows compares. */
  proposalSearchWords(bodyId: string): string[][] {
    return (this.proposalsByBody.get(bodyId)?.termsOf(0, Number.MAX_SAFE_INTEGER) ?? []).map(wordSet);
  }

  /** The words searches of the meeting's statements look in, as a set. */
  meetingSearchWords(meetingId: string): string[] {
    return wordSet(this.meetingTerms.get(meetingId)?.text ?? '');
  }

  amendmentsOf(bodyId: string): readonly string[] {
    return this.amendmentsByBody.get(bodyId) ?? [];
  }

  /** The proposals that name the meeting in a record (tabled at, deferred to, decided at it), in the order tabled, if restored; see `restoreMeetingProposals`. */
  proposalsNaming(meetingId: string): readonly string[] | undefined {
    const proposals = this.meetingProposals.proposalsOf(meetingId);
    return proposals && this.inOrderTabled(proposals);
  }

  /** The meeting's proposals from its stored chunks (up to `committed`) and the namings since; followed from then on. */
  restoreMeetingProposals(meetingId: string, stored: readonly ProjectionRow[]): readonly string[] {
    return this.inOrderTabled(this.meetingProposals.restore(meetingId, stored));
  }

  /** Forgets restored meetings' proposals, to bound memory; they are restored again when asked for. */
  forgetMeetingProposals(keep: number): void {
    this.meetingProposals.forget(keep);
  }

  private inOrderTabled(proposals: ReadonlySet<string>): string[] {
    const place = (proposalId: string): number => this.placeInBody.get(proposalId) ?? Number.POSITIVE_INFINITY;
    return [...proposals].sort((a, b) => place(a) - place(b));
  }

  /** The body's history if it was restored (or followed from the start); see `restoreHistory`. */
  historyOf(bodyId: string): BodyHistoryIndex | undefined {
    return this.histories.get(bodyId);
  }

  /**
   * The body's history from its stored chunks (those up to `committed`) and the entries made
   * since; from then on it follows the log with the other indexes. Processes that folded the same
   * events at once store chunks that overlap (each commits where it stands), so an entry is taken
   * once by its position.
   */
  restoreHistory(bodyId: string, stored: { history: readonly ProjectionRow[]; redates: readonly ProjectionRow[] }): BodyHistoryIndex {
    const history = new BodyHistoryIndex();
    const refs = [...stored.history.flatMap(historyRefsOf), ...(this.pendingHistory.get(bodyId) ?? [])].sort((a, b) => a.position - b.position);
    const redates = [...stored.redates, ...this.pending.filter((row) => row.collection === ROWS.redates && row.key === bodyId)];
    let lastPosition = 0;
    for (const ref of refs) {
      if (ref.position === lastPosition) continue;
      lastPosition = ref.position;
      history.add(ref);
    }
    for (const row of redates) {
      const { eventId, occurredAt } = row.value as RedateRowValue;
      history.redate(eventId, occurredAt, row.position);
    }
    this.histories.set(bodyId, history);
    return history;
  }

  /** Forgets restored histories (they are restored again when asked for) to bound memory. */
  forgetHistories(keep: number): void {
    forgetOldest(this.histories, keep);
  }

  /**
   * The rows made since the last commit, recorded times included; `committed` moves on when they
   * are stored. `lastEventId` is the id of the event at `upTo` when it was indexed here.
   */
  takeRows(): { rows: ProjectionRow[]; upTo: number; lastEventId: string | undefined } {
    const rows = [
      ...this.pending,
      ...this.historyChunkRows(),
      ...this.meetingProposals.takeRows(),
      ...this.recordedTimeRows(this.committed + 1, this.position),
      ...this.proposalChunkRows(),
      ...this.proposalTermRows(),
      ...this.meetingTermRows(),
    ];
    this.pending = [];
    this.pendingHistory = new Map();
    return { rows, upTo: this.position, lastEventId: this.lastEventId };
  }

  /** Rows taken but not stored go back, before any made since; chunks are made again from the indexes. */
  giveBack(rows: readonly ProjectionRow[]): void {
    const historyBack = new Map<string, HistoryRef[]>();
    for (const row of rows) {
      if (row.collection === ROWS.proposals) this.changedChunk(this.changedChunks, row.key, Number(row.id.slice(row.key.length + 1)));
      if (row.collection === ROWS.proposalTerms) this.changedChunk(this.changedTermChunks, row.key, Number(row.id.slice(row.key.length + 1)));
      if (row.collection === ROWS.meetingTerms) this.changedMeetingTerms.add(row.id);
      if (row.collection === ROWS.history) historyBack.set(row.key, [...(historyBack.get(row.key) ?? []), ...historyRefsOf(row)]);
    }
    for (const [bodyId, refs] of historyBack) this.pendingHistory.set(bodyId, [...refs, ...(this.pendingHistory.get(bodyId) ?? [])]);
    this.meetingProposals.giveBack(rows);
    const chunked: ReadonlySet<string> = new Set([
      ROWS.recordedTimes,
      ROWS.proposals,
      ROWS.history,
      ROWS.meetingProposals,
      ROWS.proposalTerms,
      ROWS.meetingTerms,
    ]);
    this.pending = [...rows.filter((row) => !chunked.has(row.collection)), ...this.pending];
  }

  /**
   * Each body's entries since the last commit as one row, named by the positions of its first and
   * last entries: a process that folded the same events and committed elsewhere in them stores
   * other chunks beside it, never in its place.
   */
  private historyChunkRows(): ProjectionRow[] {
    return [...this.pendingHistory].map(([bodyId, refs]) => {
      const first = (refs[0] as HistoryRef).position;
      const last = (refs.at(-1) as HistoryRef).position;
      const entries: HistoryEntry[] = refs.map(({ eventId, stream, position, occurredAt }) => [eventId, stream, position, occurredAt]);
      return spanChunk(ROWS.history, bodyId, first, last, entries);
    });
  }

  /** Each changed chunk of a body's proposals, whole: a stored chunk is replaced by the longer one. */
  private proposalChunkRows(): ProjectionRow[] {
    const rows: ProjectionRow[] = [];
    for (const [bodyId, chunks] of this.changedChunks) {
      const proposals = this.proposalsByBody.get(bodyId) ?? new BodyProposals();
      const amendments = new Set(this.amendmentsByBody.get(bodyId));
      for (const chunk of chunks) {
        const from = chunk * PROPOSAL_CHUNK;
        const entries = proposals.ids.slice(from, from + PROPOSAL_CHUNK).map((id, index) => proposals.entry(from + index, amendments.has(id)));
        rows.push({ collection: ROWS.proposals, id: `${bodyId}/${String(chunk).padStart(6, '0')}`, key: bodyId, position: this.position, value: entries });
      }
    }
    this.changedChunks.clear();
    return rows;
  }

  /**
   * The words of each meeting whose words changed, whole, stored at the position committed: a
   * process behind that commits later never replaces them with fewer (see `ProjectionStore.commit`).
   */
  private meetingTermRows(): ProjectionRow[] {
    const rows = [...this.changedMeetingTerms].map((meetingId) => ({
      collection: ROWS.meetingTerms,
      id: meetingId,
      key: '',
      position: this.position,
      // Settled: the set a meeting's words grow in is let go until its next statement.
      value: this.meetingTerms.get(meetingId)?.settle() ?? '',
    }));
    this.changedMeetingTerms.clear();
    return rows;
  }

  private addMeetingTerms(meetingId: string, summary: string): void {
    let terms = this.meetingTerms.get(meetingId);
    if (terms === undefined) this.meetingTerms.set(meetingId, (terms = new GrowingTerms()));
    if (terms.add(summary)) this.changedMeetingTerms.add(meetingId);
  }

  /** Each changed chunk of the words of a body's proposals, whole, like the proposals' own chunks. */
  private proposalTermRows(): ProjectionRow[] {
    const rows: ProjectionRow[] = [];
    for (const [bodyId, chunks] of this.changedTermChunks) {
      const proposals = this.proposalsByBody.get(bodyId) ?? new BodyProposals();
      for (const chunk of chunks) {
        const value = proposals.termsOf(chunk * PROPOSAL_CHUNK, (chunk + 1) * PROPOSAL_CHUNK);
        rows.push({ collection: ROWS.proposalTerms, id: `${bodyId}/${String(chunk).padStart(6, '0')}`, key: bodyId, position: this.position, value });
      }
    }
    this.changedTermChunks.clear();
    return rows;
  }

  private changedChunk(changed: Map<string, Set<number>>, bodyId: string, chunk: number): void {
    const chunks = changed.get(bodyId) ?? new Set<number>();
    chunks.add(chunk);
    changed.set(bodyId, chunks);
  }

  get pendingEvents(): number {
    return this.position - this.committed;
  }

  private recordedTimeRows(from: number, to: number): ProjectionRow[] {
    const rows: ProjectionRow[] = [];
    if (to < from) return rows;
    for (let chunk = Math.floor((from - 1) / RECORDED_TIME_CHUNK); chunk <= Math.floor((to - 1) / RECORDED_TIME_CHUNK); chunk += 1) {
      const first = chunk * RECORDED_TIME_CHUNK + 1;
      const last = Math.min(to, first + RECORDED_TIME_CHUNK - 1);
      const maxima = new Float64Array(this.recordedTimes.range(first, last));
      rows.push({
        collection: ROWS.recordedTimes,
        id: String(chunk).padStart(10, '0'),
        key: '',
        position: last,
        value: Buffer.from(maxima.buffer).toString('base64'),
      });
    }
    return rows;
  }

  private record(row: ProjectionRow): void {
    this.pending.push(row);
  }

  private addBody(bodyId: string): void {
    if (this.knownBodies.has(bodyId)) return;
    this.knownBodies.add(bodyId);
    this.bodies.push(bodyId);
  }

  private addMeeting(meetingId: string, bodyId: string): void {
    if (this.knownMeetings.has(meetingId)) return;
    this.knownMeetings.add(meetingId);
    addTo(this.meetingsByBody, bodyId, meetingId);
  }

  private addProposal(proposalId: string, bodyId: string, amendment: boolean, facts: ProposalFacts): void {
    if (this.bodyOfProposal.has(proposalId)) return;
    this.bodyOfProposal.set(proposalId, bodyId);
    let proposals = this.proposalsByBody.get(bodyId);
    if (proposals === undefined) this.proposalsByBody.set(bodyId, (proposals = new BodyProposals()));
    const place = proposals.add(proposalId, facts);
    this.placeInBody.set(proposalId, place);
    if (amendment) addTo(this.amendmentsByBody, bodyId, proposalId);
    this.changedChunk(this.changedChunks, bodyId, Math.floor(place / PROPOSAL_CHUNK));
  }

  /**
   * Changes how a proposal stands closed (`next` from the closing it has; `occurredAt`, the date of
   * the record that closes it); its chunk is stored again if that changed.
   */
  private close(proposalId: string, next: (closing: Closing) => Closing, occurredAt?: string): void {
    this.changeProposal(proposalId, (proposals, place) => proposals.close(place, next, occurredAt));
  }

  /** Marks a proposal as having a date corrected on its stream: in world time it may stand anywhere. */
  private redate(proposalId: string): void {
    this.changeProposal(proposalId, (proposals, place) => proposals.redate(place));
  }

  /** Adds the words of a title or text the proposal now has, for searches; their chunk is stored again if any was new. */
  private addTerms(proposalId: string, texts: readonly string[]): void {
    if (texts.length > 0) this.changeProposal(proposalId, (proposals, place) => proposals.addTerms(place, texts), this.changedTermChunks);
  }

  /** Changes what the index keeps of a proposal; the chunk (of `changed`: its facts, or its words) is stored again if that changed anything. */
  private changeProposal(proposalId: string, change: (proposals: BodyProposals, place: number) => boolean, changed = this.changedChunks): void {
    const bodyId = this.bodyOfProposal.get(proposalId);
    const place = this.placeInBody.get(proposalId);
    const proposals = bodyId === undefined ? undefined : this.proposalsByBody.get(bodyId);
    if (bodyId === undefined || place === undefined || proposals === undefined) return;
    if (change(proposals, place)) this.changedChunk(changed, bodyId, Math.floor(place / PROPOSAL_CHUNK));
  }

  /** Where a proposal's record closes it, and the meeting it names. */
  private indexProposalRecord(proposalId: string, event: GovernanceEvent, position: number): void {
    const closing = closingBy(event.type, position);
    if (closing !== undefined) this.close(proposalId, (current) => (current === 0 ? closing : current), event.data.occurredAt);
    // The data of a record of a proposal the indexes do not know is not read for its meeting.
    if (!this.bodyOfProposal.has(proposalId)) return;
    const meetingId = meetingNamedBy(event);
    if (meetingId !== null && this.knownMeetings.has(meetingId)) this.meetingProposals.note(meetingId, proposalId, position);
  }

  private historyBodyOf(parsed: ReturnType<typeof parseStream>): string | undefined {
    if (parsed?.kind === 'body') return parsed.id;
    if (parsed?.kind === 'proposal') return this.bodyOfProposal.get(parsed.id);
    return undefined;
  }
}

/**
 * Recorded-time chunks, stored as the bytes of their running maxima (float64, base64), in order,
 * copied into one array: a million of them were pushed one by one into a list a start then copied
 * again, a tenth of a restart at 1M events.
 */
function concatMaxima(rows: readonly ProjectionRow[]): Float64Array {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const maxima = new Float64Array(sorted.reduce((count, row) => count + maximaIn(row), 0));
  const bytes = new Uint8Array(maxima.buffer);
  let offset = 0;
  for (const row of sorted) {
    // Copied as bytes: a small decoded Buffer may sit at an offset floats cannot start at.
    const chunk = Buffer.from(row.value as string, 'base64').subarray(0, maximaIn(row) * 8);
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return maxima;
}

/** How many running maxima a recorded-time chunk holds (8 bytes each), reckoned from its base64 text without decoding it. */
function maximaIn(row: ProjectionRow): number {
  return Math.floor(Buffer.byteLength(row.value as string, 'base64') / 8);
}

/** The titles and texts a correction gives a proposal's record (only a title is correctable now; any text is kept, to be safe). */
function correctedTexts(corrections: Readonly<Record<string, unknown>>): string[] {
  return [corrections['title'], corrections['text']].filter((value): value is string => typeof value === 'string');
}

function historyRefsOf(row: ProjectionRow): HistoryRef[] {
  return (row.value as HistoryEntry[]).map(([eventId, stream, position, occurredAt]) => ({ eventId, stream, position, occurredAt }));
}

function addTo(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/** Terms as a set: the order words were added in is no part of what a search finds. */
function wordSet(terms: string): string[] {
  return [...new Set(terms.split(' ').filter((word) => word !== ''))].sort();
}
