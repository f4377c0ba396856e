import {
  AppendOnlyList,
  BodyState,
  ConsensusPolicy,
  ConsensusStatus,
  consensusStatus,
  EstablishedBody,
  KnownProposal,
  ProposalKind,
  ProposalState,
  PROPOSAL_STATUSES,
  ProposalStatus,
  ProposalWithdrawal,
  termOf,
} from '@concord/governance';
import { AggregateTimeline, AppliedCorrection, AtPoint } from './aggregate-timeline';
import { LedgerView } from './ledger-view';
import { FoldedMeeting, MeetingView, StatementView } from './meeting-view';
import { TextSearch } from './text-match';
import { countUpTo, ResolvedPoint } from './time-point';

export interface ChairTermView {
  readonly term: number;
  readonly chair: string | null;
  readonly viceChair: string | null;
  readonly basis: string | null;
}

export interface DefinitionVersionView {
  readonly text: string;
  readonly effectiveFrom: string;
  readonly proposalId: string | null;
}

/** A proposal's facts and its consensus status, as the proposal query answers them. */
export interface ProposalView extends ConsensusStatus {
  readonly proposalId: string;
  readonly bodyId: string;
  readonly kind: ProposalKind;
  readonly title: string;
  readonly text: string;
  readonly proposedBy: readonly string[];
  readonly meetingId: string | null;
  readonly deferredTo: string | null;
  readonly decision: {
    outcome: 'consensus' | 'no-consensus';
    declaredBy: string;
    declaredAs: string;
    meetingId: string;
    occurredAt: string;
    /** The participants recorded as blocking when no consensus was found; empty on consensus. */
    blockedBy: readonly string[];
  } | null;
  /** Why and by whom it was withdrawn, once withdrawn; `withdrawnBy` is null when the record does not say who. */
  readonly withdrawal: ProposalWithdrawal | null;
  /** The proposal stream's revision, to send back in `If-Match`. */
  readonly streamRevision: number;
}

export interface BodyView {
  readonly bodyId: string;
  readonly name: string;
  readonly establishedAt: string;
  readonly participants: { participantId: string; name: string; kind: string | null; status: string }[];
  readonly observers: { observerId: string; name: string; status: string }[];
  /** The term of the point asked about (a calendar year), with whoever was recorded for it. */
  readonly currentTerm: ChairTermView;
  /** The latest term with a Chair or Vice-Chair recorded by the point, which may be earlier or later than `currentTerm`; null when none is. */
  readonly latestRecordedTerm: ChairTermView | null;
  readonly definition: DefinitionVersionView;
  readonly streamRevision: number;
}

/** A proposal as a meeting lists it: what was done with it there. */
export interface MeetingProposalView {
  readonly proposalId: string;
  readonly title: string;
  readonly status: ProposalStatus;
  /** Tabled at this meeting. */
  readonly tabledHere: boolean;
  /** Its latest deferral named this meeting. */
  readonly deferredHere: boolean;
  /** Decided (consensus or no consensus) at this meeting. */
  readonly decidedHere: boolean;
}

/**
 * The meeting as its query answers it: its statements only the first of them (a meeting may hear
 * tens of thousands; `statementsOfMeeting` reads on), with how many there are.
 */
export type MeetingAtPoint = MeetingView & {
  /** How many statements were made at the meeting by the point; `statements` holds the first of them. */
  readonly statementCount: number;
  readonly proposals: readonly MeetingProposalView[];
  readonly streamRevision: number;
};

/** A body as a list of bodies shows it; the body query answers the rest. */
export interface BodySummaryView {
  readonly bodyId: string;
  readonly name: string;
  readonly establishedAt: string;
  readonly participants: number;
  readonly observers: number;
  readonly streamRevision: number;
}

/** A meeting as the list of a body's meetings shows it; the meeting query answers the rest. */
export interface MeetingSummaryView {
  readonly meetingId: string;
  readonly kind: MeetingView['kind'];
  readonly location: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly status: MeetingView['status'];
  readonly closedAt: string | null;
  readonly communique: 'adopted' | 'not-adopted' | null;
  readonly statements: number;
  readonly streamRevision: number;
}

/** A statement as a body-wide list shows it: the meeting it was made at beside what `StatementView` says. */
export interface BodyStatementView extends StatementView {
  readonly meetingId: string;
}

/** What a listing of a body's proposals keeps: those of one status, those whose title and text a search finds. */
export interface ProposalFilter {
  readonly status?: ProposalStatus;
  readonly search?: TextSearch;
}

/** One page of a list read at one point: the items, and where the next page starts (null after the last). */
export interface ListPage<T> {
  readonly items: T[];
  readonly next: number | null;
}

/** Where a page starts in a list (items before it are skipped) and how many items it holds at most. */
export interface PageRequest {
  readonly after: number;
  readonly limit: number;
}

/**
 * Pure readings of a caught-up `LedgerView` at one resolved point; `undefined` means "no such thing
 * there" (a 404). Every reading folds only the aggregates it names, from their nearest snapshot.
 */
export class ReadModels {
  /** A body-wide answer asks for the body once per proposal; it is folded once per reading. */
  private readonly bodies = new Map<string, Promise<AtPoint<EstablishedBody> | undefined>>();
  /** The proposals each listing of this reading passes over (see `proposalListOf`). */
  private readonly proposalLists = new Map<string, readonly string[]>();
  /** Where this reading began among the view's reads: a listing keeps nothing by pushing out what it read since. */
  private readonly readsBefore: number;

  constructor(
    private readonly view: LedgerView,
    private readonly policy: ConsensusPolicy,
    readonly point: ResolvedPoint,
  ) {
    this.readsBefore = view.readMark();
  }

  async body(bodyId: string): Promise<BodyView | undefined> {
    const body = await this.bodyAt(bodyId);
    if (!body) return undefined;
    const members = [...body.state.members.values()];
    return {
      bodyId,
      name: body.state.name,
      establishedAt: body.state.establishedAt,
      participants: members.filter((m) => m.role === 'participant').map((m) => ({ participantId: m.id, name: m.name, kind: m.kind, status: m.status })),
      observers: members.filter((m) => m.role === 'observer').map((m) => ({ observerId: m.id, name: m.name, status: m.status })),
      currentTerm: chairTerm(body.state, termOf(this.point.moment)),
      latestRecordedTerm: latestTerm(body.state),
      definition: (await this.definitionHistory(bodyId)).at(-1) as DefinitionVersionView,
      streamRevision: body.streamRevision,
    };
  }

  /** The bodies established by the point, in the order they were recorded. */
  bodyList(page: PageRequest): Promise<ListPage<BodySummaryView>> {
    return pageOf(this.view.bodyIds(), page, async (bodyId) => {
      const body = await this.bodyAt(bodyId);
      if (!body) return undefined;
      const members = [...body.state.members.values()];
      const participants = members.filter((member) => member.role === 'participant').length;
      return {
        bodyId,
        name: body.state.name,
        establishedAt: body.state.establishedAt,
        participants,
        observers: members.length - participants,
        streamRevision: body.streamRevision,
      };
    });
  }

  /** The body's meetings convened by the point, in the order they were recorded; undefined for no such body. */
  async meetingsOfBody(bodyId: string, page: PageRequest): Promise<ListPage<MeetingSummaryView> | undefined> {
    if (!(await this.bodyAt(bodyId))) return undefined;
    return pageOf(this.view.meetingsOf(bodyId), page, async (meetingId) => {
      const folded = await this.view.stateAt<FoldedMeeting | undefined>(`meeting-${meetingId}`, this.point);
      const meeting = folded?.state;
      if (!folded || !meeting) return undefined;
      const { kind, location, opensOn, closesOn, status, closedAt, communique, statements } = meeting;
      return {
        meetingId,
        kind,
        location,
        opensOn,
        closesOn,
        status,
        closedAt,
        communique: communique === null ? null : communique.adopted ? 'adopted' : 'not-adopted',
        statements: statements.length,
        streamRevision: folded.streamRevision,
      };
    });
  }

  async chairs(bodyId: string): Promise<ChairTermView[] | undefined> {
    const body = (await this.bodyAt(bodyId))?.state;
    if (!body) return undefined;
    const terms = new Set([...body.chairs.keys(), ...body.viceChairs.keys()]);
    return [...terms].sort((a, b) => a - b).map((term) => chairTerm(body, term));
  }

  /** The definition as established, then each amendment adopted by the point, from the day it was decided. */
  async definitionHistory(bodyId: string): Promise<DefinitionVersionView[]> {
    const established = (await this.view.openingAt(`body-${bodyId}`, this.point))?.event;
    if (established?.type !== 'BodyEstablished') return [];
    const amendments: DefinitionVersionView[] = [];
    for (const id of this.view.amendmentsOf(bodyId)) {
      const proposal = (await this.view.stateAt<ProposalState>(proposalStream(id), this.point))?.state;
      if (proposal?.status === 'adopted')
        amendments.push({ text: proposal.text, effectiveFrom: proposal.decision.occurredAt, proposalId: proposal.proposalId });
    }
    amendments.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    return [{ text: established.data.definition, effectiveFrom: established.data.occurredAt, proposalId: null }, ...amendments];
  }

  async proposal(proposalId: string): Promise<ProposalView | undefined> {
    return this.proposalView(proposalId, await this.view.stateAt<ProposalState>(proposalStream(proposalId), this.point));
  }

  /**
   * A page of what `proposal` answers for each of the body's proposals, in the order tabled, those
   * the filter keeps. Those tabled after a position are not asked for: nothing before its tabling
   * makes a proposal. A page reads only the proposals it passes over, in batches of what it still
   * lacks, so its cost does not grow with the body's proposals unless the filter skips most of
   * them: at a position, a status passes over only the proposals that can have it there (see
   * `ReadIndexes.proposalsPossiblyOf`): those that are open, withdrawn, adopted or not adopted
   * there, and any whose decision's outcome was corrected since; in world time likewise by the
   * dates of their tablings and closings. A search passes over only the proposals whose titles and
   * texts, in any version, can hold its words (see `searchTermsOf`). `page.after`, and
   * the `next` answered, is a place in the body's list of proposals (`proposalsOf`), which never
   * moves: which proposals a status passes over can change between pages (a correction recorded
   * since widens it), and a page goes on from the first at or after that place.
   */
  async proposalsOfBody(bodyId: string, page: PageRequest, filter: ProposalFilter = {}): Promise<ListPage<ProposalView> | undefined> {
    if (!(await this.bodyAt(bodyId))) return undefined;
    const ids = this.proposalListOf(bodyId, filter);
    const placeOf = (proposalId: string): number => this.view.placeOfProposal(proposalId) as number;
    const items: ProposalView[] = [];
    let index = countUpTo(ids, page.after - 1, placeOf);
    while (index < ids.length && items.length < page.limit) {
      const batch = ids.slice(index, index + page.limit - items.length);
      const states = await this.view.listedStatesAt<ProposalState>(batch.map(proposalStream), this.point, this.readsBefore);
      for (let inBatch = 0; inBatch < batch.length && items.length < page.limit; inBatch += 1, index += 1) {
        const proposal = await this.proposalView(batch[inBatch] as string, states[inBatch]);
        if (proposal && keeps(filter, proposal)) items.push(proposal);
      }
    }
    // A full page reads on to the next proposal it would list, which `next` then names, so that no
    // page after the first is empty; in batches growing from one, since that one is most often next.
    for (let size = 1; index < ids.length; size = Math.min(size * 2, page.limit)) {
      const batch = ids.slice(index, index + size);
      const states = await this.view.listedStatesAt<ProposalState>(batch.map(proposalStream), this.point, this.readsBefore);
      for (let inBatch = 0; inBatch < batch.length; inBatch += 1, index += 1) {
        const proposal = await this.proposalView(batch[inBatch] as string, states[inBatch]);
        if (proposal && keeps(filter, proposal)) return { items, next: placeOf(ids[index] as string) };
      }
    }
    return { items, next: null };
  }

  /**
   * How many of the body's proposals stand at each status at the point. At a position the index
   * says it without reading them (a proposal closes once and for good), but for those whose
   * decision's outcome was corrected since, where either outcome may hold: only their states are
   * read. In world time, where a corrected date can move any closing across the moment, every
   * proposal's state is read, a page at a time.
   */
  async proposalCounts(bodyId: string): Promise<Record<ProposalStatus, number> | undefined> {
    if (!(await this.bodyAt(bodyId))) return undefined;
    const counts = Object.fromEntries(PROPOSAL_STATUSES.map((status) => [status, 0])) as Record<ProposalStatus, number>;
    const { position, effectiveAt } = this.point;
    let unsure: readonly string[] = this.view.proposalsOf(bodyId);
    if (effectiveAt === null) {
      const possibly = (status: ProposalStatus): readonly string[] => this.view.proposalsPossiblyOf(bodyId, position, status);
      const [adopted, notAdopted] = [possibly('adopted'), possibly('not-adopted')];
      const mayBeAdopted = new Set(adopted);
      unsure = notAdopted.filter((proposalId) => mayBeAdopted.has(proposalId));
      counts.open = possibly('open').length;
      counts.adopted = adopted.length - unsure.length;
      counts['not-adopted'] = notAdopted.length - unsure.length;
      counts.withdrawn = possibly('withdrawn').length;
    }
    for (let start = 0; start < unsure.length; start += COUNTED_PER_BATCH) {
      const batch = unsure.slice(start, start + COUNTED_PER_BATCH);
      const states = await this.view.listedStatesAt<ProposalState>(batch.map(proposalStream), this.point, this.readsBefore);
      for (const [index, proposalId] of batch.entries()) {
        const proposal = await this.proposalView(proposalId, states[index]);
        if (proposal) counts[proposal.status] += 1;
      }
    }
    return counts;
  }

  /**
   * The statements made at the body's meetings by the point, meeting by meeting in the order they
   * were convened, each meeting's as its own answer lists them (in the order recorded; in world
   * time, in the order they occurred); those the search finds when given. A page
   * reads only the meetings it passes over: its cursor names a meeting and a statement of it (see
   * `statementPlace`), so its cost does not grow with the body's meetings or statements. A full
   * page reads on to the next statement it would list, which its cursor then names, so no page
   * after the first is empty (the next page would have read the same meetings); a search
   * reads only the meetings at which some statement, in some version, can hold its words (see
   * `ReadIndexes.meetingMayMatch`), so its cost grows with the statements it skips at those.
   */
  async statementsOfBody(bodyId: string, page: PageRequest, search?: TextSearch): Promise<ListPage<BodyStatementView> | undefined> {
    if (!(await this.bodyAt(bodyId))) return undefined;
    const meetingIds = this.view.meetingsOf(bodyId);
    // The meeting a page ends in is read on from at once: it is read once.
    let lastRead: { meeting: number; statements: AppendOnlyList<StatementView> } | undefined;
    const heardAt = async (meeting: number): Promise<AppendOnlyList<StatementView>> => {
      if (lastRead?.meeting !== meeting) {
        lastRead = { meeting, statements: (await this.statementsAt(meetingIds[meeting] as string)) ?? AppendOnlyList.empty<StatementView>() };
      }
      return lastRead.statements;
    };
    // A meeting none of whose statements' summaries, in any version, holds the words is passed over unread.
    const mayHold = (meeting: number): boolean => search === undefined || this.view.meetingMayMatch(meetingIds[meeting] as string, search);
    const items: BodyStatementView[] = [];
    let { meeting, statement } = placeOfStatement(page.after);
    while (meeting < meetingIds.length && items.length < page.limit) {
      if (statement === 0 && !mayHold(meeting)) {
        meeting += 1;
        continue;
      }
      const meetingId = meetingIds[meeting] as string;
      const statements = await heardAt(meeting);
      statement = takeStatements(statements, statement, page.limit - items.length, search, (made) => items.push({ meetingId, ...made }));
      if (statement >= statements.length) [meeting, statement] = [meeting + 1, 0];
    }
    // Reads on to the next statement a page would list, so that no page after the first is empty.
    while (meeting < meetingIds.length) {
      if (statement === 0 && !mayHold(meeting)) {
        meeting += 1;
        continue;
      }
      const statements = await heardAt(meeting);
      statement = nextFound(statements, statement, search);
      if (statement < statements.length) return { items, next: statementPlace(meeting, statement) };
      [meeting, statement] = [meeting + 1, 0];
    }
    return { items, next: null };
  }

  /**
   * The body's proposals a listing passes over, in the order tabled: at a position, those tabled by
   * then, or with a status those that can have it there; in world time, those that can exist on
   * the date, with a status those that can have it then; with a search, of those, the ones whose
   * titles and texts can hold its words. Made once per reading (the pages of one reading share
   * it), and fixed at the reading's point.
   */
  private proposalListOf(bodyId: string, { status, search }: ProposalFilter): readonly string[] {
    // A search of no words finds nothing: its list is not the list without a search.
    const key = `${bodyId}/${status ?? ''}/${search === undefined ? '' : `q ${search.words.join(' ')}`}`;
    let list = this.proposalLists.get(key);
    if (list === undefined) {
      const { position, effectiveAt } = this.point;
      if (effectiveAt !== null) list = this.view.proposalsPossiblyInWorldTime(bodyId, effectiveAt, status, search);
      else if (status === undefined && search === undefined) list = this.view.proposalsTabledBy(bodyId, position);
      else list = this.view.proposalsPossiblyOf(bodyId, position, status, search);
      this.proposalLists.set(key, list);
    }
    return list;
  }

  /**
   * The proposals tabled at the meeting, deferred to it, or decided at it, in the order tabled.
   * Only the proposals whose records name the meeting are read (see `MeetingProposalsIndex`), so
   * the cost is that of the meeting's proposals, not of its body's.
   */
  private async proposalsAtMeeting(meeting: FoldedMeeting): Promise<MeetingProposalView[]> {
    const ids = await this.view.proposalsNaming(meeting.meetingId);
    const states = await this.view.listedStatesAt<ProposalState>(ids.map(proposalStream), this.point, this.readsBefore);
    const listed: MeetingProposalView[] = [];
    ids.forEach((proposalId, index) => {
      const proposal = states[index]?.state;
      if (!proposal || proposal.status === 'unknown' || proposal.bodyId !== meeting.bodyId) return;
      const tabledHere = proposal.meetingId === meeting.meetingId;
      const deferredHere = proposal.deferredTo === meeting.meetingId;
      const decidedHere = (proposal.status === 'adopted' || proposal.status === 'not-adopted') && proposal.decision.meetingId === meeting.meetingId;
      if (tabledHere || deferredHere || decidedHere)
        listed.push({ proposalId, title: proposal.title, status: proposal.status, tabledHere, deferredHere, decidedHere });
    });
    return listed;
  }

  private async proposalView(proposalId: string, folded: AtPoint<ProposalState> | undefined): Promise<ProposalView | undefined> {
    const proposal = folded?.state;
    if (!folded || !proposal || proposal.status === 'unknown') return undefined;
    const body = (await this.bodyAt(proposal.bodyId))?.state;
    if (!body) return undefined;
    return {
      proposalId,
      bodyId: proposal.bodyId,
      kind: proposal.kind,
      title: proposal.title,
      text: proposal.text,
      proposedBy: proposal.proposedBy,
      meetingId: proposal.meetingId,
      deferredTo: proposal.deferredTo,
      ...consensusStatus(proposal, body, this.policy),
      decision: decisionOf(proposal),
      withdrawal: proposal.status === 'withdrawn' ? proposal.withdrawal : null,
      streamRevision: folded.streamRevision,
    };
  }

  /** The meeting with at most `statementsShown` of its first statements (`statementsOfMeeting` gives the rest). */
  async meeting(meetingId: string, statementsShown: number): Promise<MeetingAtPoint | undefined> {
    const folded = await this.view.stateAt<FoldedMeeting | undefined>(`meeting-${meetingId}`, this.point);
    if (!folded?.state) return undefined;
    const { statements, ...meeting } = folded.state;
    return {
      ...meeting,
      statements: statements.slice(0, Math.min(statementsShown, statements.length)),
      statementCount: statements.length,
      proposals: await this.proposalsAtMeeting(folded.state),
      streamRevision: folded.streamRevision,
    };
  }

  /**
   * A page of the statements made at the meeting by the point, in the order recorded (in world
   * time, in the order they occurred, as the meeting's own answer lists them); those the
   * search finds when given. `page.after` counts the meeting's statements before the page, so the
   * meeting's own answer, which holds the first of them, reads on here. A search passes over a
   * meeting none of whose statements, in any version, can hold its words without reading it.
   */
  async statementsOfMeeting(meetingId: string, page: PageRequest, search?: TextSearch): Promise<ListPage<StatementView> | undefined> {
    const statements = await this.statementsAt(meetingId);
    if (statements === undefined) return undefined;
    if (search !== undefined && !this.view.meetingMayMatch(meetingId, search)) return { items: [], next: null };
    const items: StatementView[] = [];
    const next = nextFound(
      statements,
      takeStatements(statements, page.after, page.limit, search, (made) => items.push(made)),
      search,
    );
    return { items, next: next < statements.length ? next : null };
  }

  /**
   * The statements made at the meeting by the point; undefined before it was convened. A later
   * page of a list in world time is read at the first page's date and position, while a state in
   * world time holds every record stored, whenever. What was stored after that position is left
   * out, so the pages read on as the ledger stood at the first one:
   * - a statement recorded between pages, dated before those listed, neither shows on the next
   *   page nor moves them one place on (which repeated one);
   * - a correction recorded between pages (a statement's date or words) is not applied, so it
   *   neither moves a statement onto a page already read (which skipped it) nor off the next one
   *   (which repeated it). Such a page folds the meeting's whole stream as it stood then.
   */
  private async statementsAt(meetingId: string): Promise<AppendOnlyList<StatementView> | undefined> {
    const statements = (await this.view.stateAt<FoldedMeeting | undefined>(`meeting-${meetingId}`, this.point))?.state?.statements;
    const knownBy = this.point.position;
    if (this.point.effectiveAt === null || knownBy >= this.view.position) return statements;
    const timeline = await this.view.meeting(meetingId);
    if (!timeline || timeline.lastRecordPosition <= knownBy) return statements;
    // Whether the meeting was convened by then, too, is judged as it stood at the first page.
    if (correctedSince(timeline, knownBy)) return timeline.worldStateKnownAt(this.point)?.statements;
    if (statements === undefined) return undefined;
    return AppendOnlyList.of(statements.toArray().filter((made) => (timeline.positionOf(made.eventId) ?? Number.POSITIVE_INFINITY) <= knownBy));
  }

  /** The body's state at the point, if it had been established by then. */
  bodyAt(bodyId: string): Promise<AtPoint<EstablishedBody> | undefined> {
    const held = this.bodies.get(bodyId);
    if (held) return held;
    const folding = this.view.stateAt<BodyState>(`body-${bodyId}`, this.point).then((folded) => {
      return folded?.state.status === 'established' ? { state: folded.state, streamRevision: folded.streamRevision } : undefined;
    });
    this.bodies.set(bodyId, folding);
    return folding;
  }
}

/** The record types of a meeting whose corrections can change which statements it lists, or in what order. */
const LISTING_RECORDS: ReadonlySet<string> = new Set(['MeetingConvened', 'StatementRecorded']);

/** Whether a correction stored after `position` changed a meeting's statement or its convening. */
function correctedSince(timeline: AggregateTimeline<FoldedMeeting | undefined>, position: number): boolean {
  const corrections = timeline.corrections;
  for (let index = corrections.length - 1; index >= 0 && (corrections[index] as AppliedCorrection).position > position; index -= 1) {
    const target = timeline.indexOf((corrections[index] as AppliedCorrection).correctsEventId);
    const type = target === undefined ? undefined : timeline.originals[target]?.event.type;
    if (type !== undefined && LISTING_RECORDS.has(type)) return true;
  }
  return false;
}

function chairTerm(body: EstablishedBody, term: number): ChairTermView {
  const chair = body.chairs.get(term);
  return { term, chair: chair?.participantId ?? null, viceChair: body.viceChairs.get(term) ?? null, basis: chair?.basis ?? null };
}

function latestTerm(body: EstablishedBody): ChairTermView | null {
  const terms = [...body.chairs.keys(), ...body.viceChairs.keys()];
  return terms.length === 0 ? null : chairTerm(body, Math.max(...terms));
}

function decisionOf(proposal: KnownProposal): ProposalView['decision'] {
  if (proposal.status !== 'adopted' && proposal.status !== 'not-adopted') return null;
  const { declaredBy, declaredAs, meetingId, occurredAt, blockedBy } = proposal.decision;
  return { outcome: proposal.status === 'adopted' ? 'consensus' : 'no-consensus', declaredBy, declaredAs, meetingId, occurredAt, blockedBy };
}

/** Every item of a paged list, read page after page at the reading's one point: for readers that want the whole list. */
export async function everyItem<T>(readPage: (page: PageRequest) => Promise<ListPage<T> | undefined>, pageSize = 200): Promise<T[] | undefined> {
  const items: T[] = [];
  for (let after: number | null = 0; after !== null;) {
    const page = await readPage({ after, limit: pageSize });
    if (page === undefined) return undefined;
    items.push(...page.items);
    after = page.next;
  }
  return items;
}

const proposalStream = (proposalId: string): string => `proposal-${proposalId}`;

/** Proposals whose states a count reads at once: a page's worth, so that memory does not grow with them. */
const COUNTED_PER_BATCH = 500;

/**
 * A statement's place in a body's statements as one cursor number: the meeting's index among the
 * body's meetings, and the statement's index among the meeting's. No meeting holds 2^32 statements
 * (its stream would have to hold as many events), and 2^21 meetings fit below 2^53.
 */
const STATEMENTS_PER_MEETING = 2 ** 32;
const statementPlace = (meeting: number, statement: number): number => meeting * STATEMENTS_PER_MEETING + statement;
/**
 * Takes the statements from `from` on that the search keeps (all without one), until `room` are
 * taken or none are left; answers the index it stopped at, the next to look at.
 */
function takeStatements(
  statements: AppendOnlyList<StatementView>,
  from: number,
  room: number,
  search: TextSearch | undefined,
  take: (made: StatementView) => void,
): number {
  let index = from;
  for (let taken = 0; index < statements.length && taken < room; index += 1) {
    const made = statements.at(index) as StatementView;
    if (search === undefined || search.matches(made.summary)) {
      take(made);
      taken += 1;
    }
  }
  return index;
}

/** The index of the first statement from `from` on that the search keeps (any, without one); the list's length when none is. */
function nextFound(statements: AppendOnlyList<StatementView>, from: number, search: TextSearch | undefined): number {
  let index = from;
  while (index < statements.length && search !== undefined && !search.matches((statements.at(index) as StatementView).summary)) index += 1;
  return index;
}

const placeOfStatement = (place: number): { meeting: number; statement: number } => ({
  meeting: Math.floor(place / STATEMENTS_PER_MEETING),
  statement: place % STATEMENTS_PER_MEETING,
});

function keeps(filter: ProposalFilter, proposal: ProposalView): boolean {
  return (
    (filter.status === undefined || proposal.status === filter.status) && (filter.search === undefined || filter.search.matches(proposal.title, proposal.text))
  );
}

/**
 * A page of the items of `ids` from `page.after` on that `visible` finds at the point (those it
 * does not are skipped). A full page reads on to the next item it would list, whose index is
 * `next`, so that no page after the first is empty; `next` is null when none is left.
 */
async function pageOf<T>(ids: readonly string[], page: PageRequest, visible: (id: string) => Promise<T | undefined>): Promise<ListPage<T>> {
  const items: T[] = [];
  let index = page.after;
  for (; index < ids.length && items.length < page.limit; index += 1) {
    const item = await visible(ids[index] as string);
    if (item !== undefined) items.push(item);
  }
  while (index < ids.length && (await visible(ids[index] as string)) === undefined) index += 1;
  return { items, next: index < ids.length ? index : null };
}
