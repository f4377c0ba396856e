import { GovernanceEvent } from '../events';
import { ProposalFacts, requireDeferralMeeting, requireTablingFacts } from '../proposal/decide-proposal';
import { DeferProposal, TableProposal } from '../proposal/proposal-commands';
import { refuse } from '../shared/domain-error';

/**
 * The command that recorded a tabling or a deferral, as the record reads: what it read of other
 * streams on its date (the body, the meeting) is what a corrected date is judged by. Undefined for
 * any other record (a decision has `decisionCommandOf`; support and objections read the body only).
 */
export function datedCommandOf(event: GovernanceEvent): TableProposal | DeferProposal | undefined {
  switch (event.type) {
    case 'ProposalTabled':
    case 'DefinitionAmendmentProposed': {
      const { proposalId, title, text, proposedBy, meetingId, occurredAt } = event.data;
      const kind = event.type === 'ProposalTabled' ? event.data.kind : 'definition-amendment';
      return { type: 'TableProposal', data: { proposalId, kind, title, text, proposedBy, meetingId, occurredAt } };
    }
    case 'ProposalDeferred':
      return { type: 'DeferProposal', data: { toMeetingId: event.data.toMeetingId, occurredAt: event.data.occurredAt } };
    default:
      return undefined;
  }
}

/**
 * A tabling or deferral moved to another date must find there what its command needed of other
 * streams (rule 8): the body established, its proposers active participants, the meeting it was
 * tabled at convened and still open, the meeting it was deferred to not yet closed. Without this a
 * correction could date a tabling before the body existed, or after its meeting closed, which the
 * command itself refuses.
 */
export function assertOtherStreamsAllowItsDate(corrected: GovernanceEvent, facts: ProposalFacts | undefined): void {
  const command = datedCommandOf(corrected);
  if (command === undefined) return;
  if (facts === undefined) throw new Error(`a corrected ${corrected.type} is judged by the body and meeting on its date: its facts are needed`);
  if (facts.body.status !== 'established') refuse('body-not-found', 'the body had not been established on that date');
  if (command.type === 'TableProposal') requireTablingFacts(command.data, facts.body, facts.meeting);
  else requireDeferralMeeting(command.data.toMeetingId, facts.meeting, facts.body, command.data.occurredAt);
}
