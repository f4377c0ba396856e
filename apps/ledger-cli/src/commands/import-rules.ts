import {
  blockingObjections,
  BodyCommand,
  BodyState,
  ConsensusPolicy,
  decideBody,
  decideCorrection,
  decideProposal,
  DomainError,
  GovernanceEvent,
  initialBodyState,
  initialProposalState,
  isBodyEvent,
  isMeetingEvent,
  isProposalEvent,
  parseStream,
  ProposalCommand,
  ProposalState,
  refuse,
} from '@concord/governance';
import { upcast } from '@concord/governance/schemas';
import { AggregateTimeline, foldBody, foldProposal, RecordedEvent } from '@concord/projections';
import { canonicalJson } from '@concord/ledger';
import { ImportedEvent } from './import-validation';

const OPENING_TYPES: Readonly<Record<string, readonly string[]>> = {
  body: ['BodyEstablished'],
  meeting: ['MeetingConvened'],
  proposal: ['ProposalTabled', 'DefinitionAmendmentProposed'],
};

const BELONGS: Readonly<Record<string, (event: GovernanceEvent) => boolean>> = { body: isBodyEvent, meeting: isMeetingEvent, proposal: isProposalEvent };

const ID_FIELD: Readonly<Record<string, string>> = { body: 'bodyId', meeting: 'meetingId', proposal: 'proposalId' };

/** The body command a body record answers: the body's rules judge it from the body alone. */
function bodyCommand(event: GovernanceEvent): BodyCommand | undefined {
  switch (event.type) {
    case 'BodyEstablished':
      return { type: 'EstablishBody', data: { bodyId: event.data.bodyId, name: event.data.name, definition: event.data.definition, occurredAt: event.data.occurredAt } };
    case 'ParticipantAdmitted':
      return { type: 'AdmitParticipant', data: { participantId: event.data.participantId, name: event.data.name, kind: event.data.kind, occurredAt: event.data.occurredAt } };
    case 'ObserverAdmitted':
      return { type: 'AdmitObserver', data: { observerId: event.data.observerId, name: event.data.name, occurredAt: event.data.occurredAt } };
    case 'ParticipantSuspended':
      return { type: 'SuspendParticipant', data: { participantId: event.data.participantId, reason: event.data.reason, occurredAt: event.data.occurredAt } };
    case 'ParticipantReinstated':
      return { type: 'ReinstateParticipant', data: { participantId: event.data.participantId, occurredAt: event.data.occurredAt } };
    case 'MemberWithdrew':
      return { type: 'WithdrawMember', data: { memberId: event.data.memberId, occurredAt: event.data.occurredAt } };
    case 'ViceChairSelected':
      return { type: 'SelectViceChair', data: { participantId: event.data.participantId, term: event.data.term, occurredAt: event.data.occurredAt } };
    case 'ChairAssigned':
      return { type: 'AssignChair', data: { participantId: event.data.participantId, term: event.data.term, basis: event.data.basis, occurredAt: event.data.occurredAt } };
    default:
      return undefined;
  }
}

/** The proposal command a participant's own record answers: judged from the body and the proposal alone. */
function participationCommand(event: GovernanceEvent): ProposalCommand | undefined {
  switch (event.type) {
    case 'SupportExpressed':
      return { type: 'ExpressSupport', data: { participantId: event.data.participantId, occurredAt: event.data.occurredAt } };
    case 'ObjectionRaised':
      return { type: 'RaiseObjection', data: { participantId: event.data.participantId, grounds: event.data.grounds, occurredAt: event.data.occurredAt } };
    case 'ObjectionWithdrawn':
      return { type: 'WithdrawObjection', data: { participantId: event.data.participantId, occurredAt: event.data.occurredAt } };
    case 'ProposalRevised':
      return { type: 'ReviseProposal', data: { text: event.data.text, occurredAt: event.data.occurredAt } };
    default:
      return undefined;
  }
}

const keepNothing = (): undefined => undefined;

/**
 * Judges an import by the ledger's own rules, as the API would have judged each record when it was
 * made, so that an edited export cannot put into a ledger what the ledger would have refused:
 * - every stream opens with its opening record, holds only its own kind of record and names itself;
 * - body records, participants' support, objections and revisions, and corrections are decided
 *   again by the domain's deciders, and must come out exactly as recorded;
 * - nothing is added to a decided or withdrawn proposal (rule 4), and consensus is not declared
 *   over an objection that blocks (rule 3).
 * Tabling, other decisions and meeting records need facts of other streams at their time and are
 * checked for the above and their shape only.
 */
export class ImportRules {
  private readonly timelines = new Map<string, AggregateTimeline<unknown>>();
  private readonly streamOfEvent = new Map<string, string>();

  constructor(private readonly policy: ConsensusPolicy) {}

  /** Why the ledger would have refused this record, if it would have; then the record is taken into account. */
  check(imported: ImportedEvent): string | undefined {
    const { stream, event: stored, position, streamRevision } = imported;
    const parsed = parseStream(stream);
    if (!parsed) return undefined;
    const event = { type: stored.type, data: upcast(stored.type, stored.schemaVersion, stored.data).data } as GovernanceEvent;
    const recorded: RecordedEvent = { ...stored, position, streamRevision, recordedAt: stored.metadata.recordedAt, actor: stored.metadata.actor, event };
    const timeline = this.timelineOf(parsed.kind, stream);
    const problem = this.shapeProblem(parsed.kind, parsed.id, event, streamRevision) ?? this.refusal(parsed.kind, event, timeline, recorded.recordedAt, stream);
    if (problem) return problem;
    if (event.type === 'CorrectionRecorded') timeline.correct({ ...recorded, ...event.data });
    else timeline.append(recorded);
    this.streamOfEvent.set(stored.eventId, stream);
    return undefined;
  }

  private shapeProblem(kind: string, id: string, event: GovernanceEvent, revision: number): string | undefined {
    const opening = (OPENING_TYPES[kind] ?? []).includes(event.type);
    if (revision === 0 && !opening) return `a ${kind} stream opens with ${(OPENING_TYPES[kind] ?? []).join(' or ')}, not ${event.type}`;
    if (revision > 0 && opening) return `${event.type} can only open a stream`;
    if (event.type === 'CorrectionRecorded') return undefined;
    if (!BELONGS[kind]?.(event)) return `${event.type} is not a ${kind} record`;
    const named = (event.data as Record<string, unknown>)[ID_FIELD[kind] ?? ''];
    if (named !== undefined && named !== id) return `${event.type} names ${String(named)} but is in the stream of ${id}`;
    return undefined;
  }

  private refusal(kind: string, event: GovernanceEvent, timeline: AggregateTimeline<unknown>, recordedAt: string, stream: string): string | undefined {
    try {
      const decided = this.decideAgain(kind, event, timeline, recordedAt, stream);
      if (decided && canonicalJson(decided.data) !== canonicalJson(event.data)) {
        return `${event.type} is not what the ledger would have recorded: ${canonicalJson(decided.data)}`;
      }
      return undefined;
    } catch (error) {
      if (error instanceof DomainError) return `${event.type} breaks a rule of the ledger (${error.code}): ${error.message}`;
      throw error;
    }
  }

  /** The record the ledger's rules make of this one's command, where they can be applied from the import alone. */
  private decideAgain(kind: string, event: GovernanceEvent, timeline: AggregateTimeline<unknown>, now: string, stream: string): GovernanceEvent | undefined {
    const context = { now };
    if (event.type === 'CorrectionRecorded') {
      const { correctsEventId, reason, corrections, occurredAt } = event.data;
      const index = this.streamOfEvent.get(correctsEventId) === stream ? timeline.indexOf(correctsEventId) : undefined;
      const target = index === undefined ? undefined : timeline.events[index];
      if (!target) return refuse('event-not-found', `no earlier event ${correctsEventId} in ${stream}`);
      const command = { type: 'RecordCorrection', data: { correctsEventId, reason, corrections, occurredAt } } as const;
      return decideCorrection(command, { eventId: correctsEventId, type: target.event.type, data: target.event.data }, context, timeline.events)[0];
    }
    if (kind === 'body') {
      const command = bodyCommand(event);
      return command && decideBody(command, timeline.state as BodyState, context)[0];
    }
    if (kind !== 'proposal') return undefined;
    const proposal = timeline.state as ProposalState;
    if (proposal.status !== 'unknown' && proposal.status !== 'open') return refuse('proposal-closed', `proposal ${proposal.proposalId} is ${proposal.status}; nothing more can be recorded on it`);
    const command = participationCommand(event);
    if (proposal.status === 'unknown') return undefined;
    const moment = event.data.occurredAt;
    const body = (this.timelines.get(`body-${proposal.bodyId}`)?.at({ position: Number.MAX_SAFE_INTEGER, effectiveAt: moment, moment })?.state ?? initialBodyState) as BodyState;
    if (event.type === 'ConsensusDeclared' && body.status === 'established') {
      const blocking = blockingObjections(proposal, body, this.policy).map((objection) => objection.participantId);
      if (blocking.length > 0) return refuse('objections-standing', `consensus declared while ${blocking.join(', ')} object`);
    }
    return command && decideProposal(command, proposal, { body, policy: this.policy }, context)[0];
  }

  private timelineOf(kind: string, stream: string): AggregateTimeline<unknown> {
    const existing = this.timelines.get(stream);
    if (existing) return existing;
    const made = (
      kind === 'body'
        ? new AggregateTimeline(stream, initialBodyState, foldBody)
        : kind === 'proposal'
          ? new AggregateTimeline(stream, initialProposalState, foldProposal)
          : new AggregateTimeline(stream, undefined, keepNothing)
    ) as AggregateTimeline<unknown>;
    this.timelines.set(stream, made);
    return made;
  }
}
