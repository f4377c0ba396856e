import { OwnRecord } from './own-records';
import { ProposalEvent } from './proposal-events';
import { ParticipantRecord, ProposalState } from './proposal-state';

export function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  const next = evolveFacts(state, event);
  if (next.status === 'unknown' || next.latestOccurredAt >= event.data.occurredAt) return next;
  return { ...next, latestOccurredAt: event.data.occurredAt };
}

function evolveFacts(state: ProposalState, event: ProposalEvent): ProposalState {
  switch (event.type) {
    case 'DefinitionAmendmentProposed':
    case 'ProposalTabled': {
      const { proposalId, bodyId, title, text, proposedBy, meetingId, occurredAt } = event.data;
      return {
        status: 'open',
        proposalId,
        bodyId,
        kind: event.type === 'ProposalTabled' ? event.data.kind : 'definition-amendment',
        title,
        text,
        proposedBy,
        meetingId,
        tabledAt: occurredAt,
        latestOccurredAt: occurredAt,
        revision: 1,
        revisedAt: occurredAt,
        supporters: new Map(),
        objections: new Map(),
        latestOwnRecords: new Map(),
        deferredTo: null,
        deferredAt: null,
      };
    }
    default:
      break;
  }
  if (state.status === 'unknown') return state;
  switch (event.type) {
    case 'ProposalRevised':
      return { ...state, revision: event.data.revision, text: event.data.text, revisedAt: event.data.occurredAt };
    case 'SupportExpressed':
      return {
        ...state,
        supporters: new Map(state.supporters).set(event.data.participantId, event.data.revision),
        latestOwnRecords: withOwnRecord(state.latestOwnRecords, event),
      };
    case 'ObjectionRaised': {
      const { participantId, grounds, occurredAt, revision } = event.data;
      const supporters = new Map(state.supporters);
      supporters.delete(participantId);
      const objections = new Map(state.objections).set(participantId, { participantId, grounds, since: occurredAt, revision });
      return { ...state, supporters, objections, latestOwnRecords: withOwnRecord(state.latestOwnRecords, event) };
    }
    case 'ObjectionWithdrawn': {
      const objections = new Map(state.objections);
      objections.delete(event.data.participantId);
      return { ...state, objections, latestOwnRecords: withOwnRecord(state.latestOwnRecords, event) };
    }
    case 'ConsensusDeclared':
    case 'NoConsensusRecorded': {
      const { declaredBy, declaredAs, meetingId, revision, occurredAt } = event.data;
      const status = event.type === 'ConsensusDeclared' ? 'adopted' : 'not-adopted';
      const blockedBy = event.type === 'NoConsensusRecorded' ? [...event.data.blockingParticipants].sort() : [];
      return { ...state, status, decision: { declaredBy, declaredAs, meetingId, revision, occurredAt, blockedBy } };
    }
    case 'ProposalDeferred': {
      // A stream recorded before deferrals were held to their order may hold an earlier-dated one
      // last. It stays where it is deferred to, as recorded (the read side's stored folds say so
      // too); the later date stands as the one a new deferral must follow.
      const { toMeetingId, occurredAt } = event.data;
      const deferredAt = (state.deferredAt ?? '') > occurredAt ? state.deferredAt : occurredAt;
      return { ...state, deferredTo: toMeetingId, deferredAt };
    }
    case 'ProposalWithdrawn': {
      const { reason, withdrawnBy, occurredAt } = event.data;
      return { ...state, status: 'withdrawn', withdrawal: { reason, withdrawnBy, occurredAt } };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/**
 * The participant's latest own record, by date. A stream recorded before rule 8 covered these
 * records may hold one dated before the participant's earlier one; the later date still stands.
 * (A state stored before the field existed has none: it counts as empty.)
 */
function withOwnRecord(records: ReadonlyMap<string, ParticipantRecord> | undefined, { type, data }: OwnRecord): ReadonlyMap<string, ParticipantRecord> {
  const latest = records?.get(data.participantId);
  if (latest !== undefined && latest.occurredAt > data.occurredAt) return records ?? new Map();
  return new Map(records).set(data.participantId, { type, occurredAt: data.occurredAt });
}
