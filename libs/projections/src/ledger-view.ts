import {
  BodyState,
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
} from '@concord/governance';
import { StoredEvent } from '@concord/event-store';
import { AggregateSink, AggregateTimeline, AppliedCorrection, RecordedEvent } from './aggregate-timeline';
import { BodyHistoryIndex } from './body-history-index';
import { evolveMeetingView, MeetingView } from './meeting-view';
import { RecordedTimeIndex } from './recorded-time-index';

export type ToDomainEvent = (stored: StoredEvent) => GovernanceEvent;

/** Proposal records that belong in the body's history: its decisions. */
const DECISION_TYPES: ReadonlySet<string> = new Set(['ConsensusDeclared', 'NoConsensusRecorded']);

/**
 * Every read model of the ledger, folded from the global log in position order. The fold is
 * deterministic and does no I/O; it updates in place so that each event costs the same however long
 * the history, and rebuilding from position 0 gives the same view as following the log live. Each
 * aggregate keeps its own timeline, so a question about one body at any point folds that body's
 * records only, never the whole log.
 */
export class LedgerView {
  position = 0;
  readonly bodies = new Map<string, AggregateTimeline<BodyState>>();
  readonly meetings = new Map<string, AggregateTimeline<MeetingView | undefined>>();
  readonly proposals = new Map<string, AggregateTimeline<ProposalState>>();
  readonly proposalsByBody = new Map<string, string[]>();
  readonly definitionAmendmentsByBody = new Map<string, string[]>();
  readonly bodyOfProposal = new Map<string, string>();
  readonly bodyHistories = new Map<string, BodyHistoryIndex>();
  /** Body id -> member id -> the event ids of its suspensions, reinstatements and withdrawal. */
  readonly standingChanges = new Map<string, Map<string, string[]>>();
  readonly recordedTimes = new RecordedTimeIndex();

  constructor(private readonly toDomainEvent: ToDomainEvent) {}

  apply(stored: StoredEvent): void {
    if (stored.position <= this.position) return;
    this.position = stored.position;
    this.recordedTimes.add(stored.position, stored.metadata.recordedAt);
    const event = this.toDomainEvent(stored);
    const { eventId, position, streamRevision, schemaVersion } = stored;
    const { recordedAt, actor } = stored.metadata;
    if (event.type === 'CorrectionRecorded') {
      const correction: AppliedCorrection = { eventId, position, streamRevision, schemaVersion, recordedAt, actor, ...event.data };
      this.recordFor(stored.stream)?.correct(correction);
      this.redateInBodyHistory(stored.stream, correction);
      return;
    }
    this.recordFor(stored.stream, event)?.append({ eventId, position, streamRevision, schemaVersion, recordedAt, actor, event });
    this.indexInBodyHistory(stored.stream, { eventId, position, event });
    this.indexStandingChange(event, eventId);
  }

  private indexStandingChange(event: GovernanceEvent, eventId: string): void {
    const memberId =
      event.type === 'ParticipantSuspended' || event.type === 'ParticipantReinstated' ? event.data.participantId : event.type === 'MemberWithdrew' ? event.data.memberId : undefined;
    if (memberId === undefined || !('bodyId' in event.data)) return;
    const members = this.standingChanges.get(event.data.bodyId) ?? new Map<string, string[]>();
    this.standingChanges.set(event.data.bodyId, members);
    const changes = members.get(memberId) ?? [];
    members.set(memberId, changes);
    // Event ids are unique, so a plain push: this runs for every membership record of a long history.
    changes.push(eventId);
  }

  /** The aggregate record a stream belongs to, created by the event that opens it. */
  private recordFor(stream: string, opening?: GovernanceEvent): AggregateSink | undefined {
    const parsed = parseStream(stream);
    if (!parsed) return undefined;
    switch (parsed.kind) {
      case 'body':
        return getOrCreate(this.bodies, parsed.id, opening !== undefined, () => new AggregateTimeline(stream, initialBodyState, foldBody));
      case 'meeting':
        return getOrCreate(this.meetings, parsed.id, opening !== undefined, () => new AggregateTimeline(stream, undefined, foldMeeting));
      case 'proposal': {
        // A proposal is tabled once: the map of proposal to body says whether it is indexed already,
        // in constant time, where scanning the body's list made a long history's fold quadratic.
        if ((opening?.type === 'ProposalTabled' || opening?.type === 'DefinitionAmendmentProposed') && !this.bodyOfProposal.has(parsed.id)) {
          addTo(this.proposalsByBody, opening.data.bodyId, parsed.id);
          this.bodyOfProposal.set(parsed.id, opening.data.bodyId);
          if (opening.type === 'DefinitionAmendmentProposed') addTo(this.definitionAmendmentsByBody, opening.data.bodyId, parsed.id);
        }
        return getOrCreate(this.proposals, parsed.id, opening !== undefined, () => new AggregateTimeline(stream, initialProposalState, foldProposal));
      }
      default: {
        const unhandled: never = parsed.kind;
        return unhandled;
      }
    }
  }

  private historyBodyOf(stream: string): string | undefined {
    const parsed = parseStream(stream);
    if (parsed?.kind === 'body') return parsed.id;
    if (parsed?.kind === 'proposal') return this.bodyOfProposal.get(parsed.id);
    return undefined;
  }

  private indexInBodyHistory(stream: string, { eventId, position, event }: Pick<RecordedEvent, 'eventId' | 'position' | 'event'>): void {
    const parsed = parseStream(stream);
    const belongs = parsed?.kind === 'body' || (parsed?.kind === 'proposal' && DECISION_TYPES.has(event.type));
    const bodyId = this.historyBodyOf(stream);
    if (!belongs || bodyId === undefined || !this.bodies.has(bodyId)) return;
    const history = getOrCreate(this.bodyHistories, bodyId, true, () => new BodyHistoryIndex());
    history?.add({ stream, eventId, position, occurredAt: event.data.occurredAt });
  }

  private redateInBodyHistory(stream: string, correction: AppliedCorrection): void {
    const occurredAt = correction.corrections.occurredAt;
    const bodyId = this.historyBodyOf(stream);
    if (typeof occurredAt !== 'string' || bodyId === undefined) return;
    this.bodyHistories.get(bodyId)?.redate(correction.correctsEventId, occurredAt, correction.position);
  }
}

/** The body's fold over recorded events, shared by every reader of a body timeline. */
export function foldBody(state: BodyState, { event }: RecordedEvent): BodyState {
  return isBodyEvent(event) ? evolveBody(state, event) : state;
}

function foldMeeting(view: MeetingView | undefined, { event, eventId }: RecordedEvent): MeetingView | undefined {
  return isMeetingEvent(event) ? evolveMeetingView(view, event, eventId) : view;
}

export function foldProposal(state: ProposalState, { event }: RecordedEvent): ProposalState {
  return isProposalEvent(event) ? evolveProposal(state, event) : state;
}

function getOrCreate<V>(map: Map<string, V>, key: string, create: boolean, make: () => V): V | undefined {
  const existing = map.get(key);
  if (existing || !create) return existing;
  const made = make();
  map.set(key, made);
  return made;
}

function addTo(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}
