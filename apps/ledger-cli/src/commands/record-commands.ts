import { BodyCommand, GovernanceEvent, MeetingCommand, ProposalCommand } from '@concord/governance';

/**
 * The command each recorded event answers: what the secretariat asked for, which the deciders can
 * judge again. Derived fields (a speaker's role, who blocked, the previous Vice-Chair) are left
 * for the decider to derive, so a forged one shows as a difference.
 */
export type RecordCommand =
  { kind: 'body'; command: BodyCommand } | { kind: 'meeting'; command: MeetingCommand } | { kind: 'proposal'; command: ProposalCommand };

export function commandOf(event: GovernanceEvent): RecordCommand | undefined {
  const body = (command: BodyCommand): RecordCommand => ({ kind: 'body', command });
  const meeting = (command: MeetingCommand): RecordCommand => ({ kind: 'meeting', command });
  const proposal = (command: ProposalCommand): RecordCommand => ({ kind: 'proposal', command });
  switch (event.type) {
    case 'BodyEstablished': {
      const { bodyId, name, definition, occurredAt } = event.data;
      return body({ type: 'EstablishBody', data: { bodyId, name, definition, occurredAt } });
    }
    case 'ParticipantAdmitted': {
      const { participantId, name, kind, occurredAt } = event.data;
      return body({ type: 'AdmitParticipant', data: { participantId, name, kind, occurredAt } });
    }
    case 'ObserverAdmitted':
      return body({ type: 'AdmitObserver', data: { observerId: event.data.observerId, name: event.data.name, occurredAt: event.data.occurredAt } });
    case 'ParticipantSuspended':
      return body({
        type: 'SuspendParticipant',
        data: { participantId: event.data.participantId, reason: event.data.reason, occurredAt: event.data.occurredAt },
      });
    case 'ParticipantReinstated':
      return body({ type: 'ReinstateParticipant', data: { participantId: event.data.participantId, occurredAt: event.data.occurredAt } });
    case 'MemberWithdrew':
      return body({ type: 'WithdrawMember', data: { memberId: event.data.memberId, occurredAt: event.data.occurredAt } });
    case 'ViceChairSelected':
      return body({ type: 'SelectViceChair', data: { participantId: event.data.participantId, term: event.data.term, occurredAt: event.data.occurredAt } });
    case 'ChairAssigned': {
      const { participantId, term, basis, occurredAt } = event.data;
      return body({ type: 'AssignChair', data: { participantId, term, basis, occurredAt } });
    }
    case 'MeetingConvened': {
      const { meetingId, kind, location, opensOn, closesOn, occurredAt } = event.data;
      return meeting({ type: 'ConveneMeeting', data: { meetingId, kind, location, opensOn, closesOn, occurredAt } });
    }
    case 'StatementRecorded': {
      const { speakerId, proposalId, summary, occurredAt } = event.data;
      return meeting({ type: 'RecordStatement', data: { speakerId, proposalId, summary, occurredAt } });
    }
    case 'CommuniqueAdopted':
      return meeting({ type: 'RecordCommunique', data: { adopted: true, text: event.data.text, occurredAt: event.data.occurredAt } });
    case 'CommuniqueNotAdopted':
      return meeting({ type: 'RecordCommunique', data: { adopted: false, reason: event.data.reason, occurredAt: event.data.occurredAt } });
    case 'MeetingClosed':
      return meeting({ type: 'CloseMeeting', data: { occurredAt: event.data.occurredAt } });
    case 'DefinitionAmendmentProposed':
    case 'ProposalTabled': {
      const { proposalId, title, text, proposedBy, meetingId, occurredAt } = event.data;
      const kind = event.type === 'ProposalTabled' ? event.data.kind : 'definition-amendment';
      return proposal({ type: 'TableProposal', data: { proposalId, kind, title, text, proposedBy, meetingId, occurredAt } });
    }
    case 'ProposalRevised':
      return proposal({ type: 'ReviseProposal', data: { text: event.data.text, occurredAt: event.data.occurredAt } });
    // The revision a support or objection is on is derived: a forged one shows as a difference.
    case 'SupportExpressed':
      return proposal({ type: 'ExpressSupport', data: { participantId: event.data.participantId, revision: null, occurredAt: event.data.occurredAt } });
    case 'ObjectionRaised': {
      const { participantId, grounds, occurredAt } = event.data;
      return proposal({ type: 'RaiseObjection', data: { participantId, grounds, revision: null, occurredAt } });
    }
    case 'ObjectionWithdrawn':
      return proposal({ type: 'WithdrawObjection', data: { participantId: event.data.participantId, occurredAt: event.data.occurredAt } });
    case 'ConsensusDeclared':
    case 'NoConsensusRecorded': {
      const { declaredBy, meetingId, revision, occurredAt } = event.data;
      const outcome = event.type === 'ConsensusDeclared' ? 'consensus' : 'no-consensus';
      return proposal({ type: 'DeclareOutcome', data: { outcome, declaredBy, meetingId, revision, occurredAt } });
    }
    case 'ProposalDeferred':
      return proposal({ type: 'DeferProposal', data: { toMeetingId: event.data.toMeetingId, occurredAt: event.data.occurredAt } });
    case 'ProposalWithdrawn': {
      // The event is read upcast, so a stored v1 record asks again with `withdrawnBy: null`, as v1 meant.
      const { reason, withdrawnBy, occurredAt } = event.data;
      return proposal({ type: 'WithdrawProposal', data: { reason, withdrawnBy, occurredAt } });
    }
    case 'CorrectionRecorded':
      return undefined;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
