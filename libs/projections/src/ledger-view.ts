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
import { AggregateRecord, AggregateSink, RecordedEvent } from './aggregate-record';
import { evolveMeetingView, MeetingView } from './meeting-view';

export type ToDomainEvent = (stored: StoredEvent) => GovernanceEvent;

export interface IndexedEvent {
  readonly stream: string;
  readonly type: string;
  readonly position: number;
}

/**
 * Every read model of the ledger, folded from the global log in position order. The fold is
 * deterministic and does no I/O; it updates in place so that each event costs the same however long
 * the history, and rebuilding from position 0 gives the same view as following the log live.
 */
export class LedgerView {
  position = 0;
  readonly bodies = new Map<string, AggregateRecord<BodyState>>();
  readonly meetings = new Map<string, AggregateRecord<MeetingView | undefined>>();
  readonly proposals = new Map<string, AggregateRecord<ProposalState>>();
  readonly proposalsByBody = new Map<string, string[]>();
  readonly meetingsByBody = new Map<string, string[]>();
  readonly eventIndex = new Map<string, IndexedEvent>();

  constructor(private readonly toDomainEvent: ToDomainEvent) {}

  apply(stored: StoredEvent): void {
    if (stored.position <= this.position) return;
    this.position = stored.position;
    this.eventIndex.set(stored.eventId, { stream: stored.stream, type: stored.type, position: stored.position });
    const event = this.toDomainEvent(stored);
    const recorded: RecordedEvent = {
      eventId: stored.eventId,
      position: stored.position,
      streamRevision: stored.streamRevision,
      recordedAt: stored.metadata.recordedAt,
      event,
    };
    if (event.type === 'CorrectionRecorded') {
      this.recordFor(stored.stream)?.correct({
        eventId: stored.eventId,
        position: stored.position,
        streamRevision: stored.streamRevision,
        recordedAt: stored.metadata.recordedAt,
        ...event.data,
      });
      return;
    }
    this.recordFor(stored.stream, event)?.append(recorded);
  }

  /** The aggregate record a stream belongs to, created by the event that opens it. */
  private recordFor(stream: string, opening?: GovernanceEvent): AggregateSink | undefined {
    const parsed = parseStream(stream);
    if (!parsed) return undefined;
    switch (parsed.kind) {
      case 'body':
        return getOrCreate(this.bodies, parsed.id, opening !== undefined, () => new AggregateRecord(stream, initialBodyState, foldBody));
      case 'meeting': {
        if (opening?.type === 'MeetingConvened') addTo(this.meetingsByBody, opening.data.bodyId, parsed.id);
        return getOrCreate(this.meetings, parsed.id, opening !== undefined, () => new AggregateRecord(stream, undefined, foldMeeting));
      }
      case 'proposal': {
        if (opening?.type === 'ProposalTabled' || opening?.type === 'DefinitionAmendmentProposed') {
          addTo(this.proposalsByBody, opening.data.bodyId, parsed.id);
        }
        return getOrCreate(this.proposals, parsed.id, opening !== undefined, () => new AggregateRecord(stream, initialProposalState, foldProposal));
      }
      default: {
        const unhandled: never = parsed.kind;
        return unhandled;
      }
    }
  }
}

function foldBody(state: BodyState, { event }: RecordedEvent): BodyState {
  return isBodyEvent(event) ? evolveBody(state, event) : state;
}

function foldMeeting(view: MeetingView | undefined, { event, eventId }: RecordedEvent): MeetingView | undefined {
  return isMeetingEvent(event) ? evolveMeetingView(view, event, eventId) : view;
}

function foldProposal(state: ProposalState, { event }: RecordedEvent): ProposalState {
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
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else {
    index.set(key, [value]);
  }
}
