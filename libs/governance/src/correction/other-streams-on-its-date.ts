import { EstablishedBody } from '../body/body-state';
import { GovernanceEvent } from '../events';
import { MeetingFacts, requireStatementFacts } from '../meeting/decide-meeting';
import { RecordStatement } from '../meeting/meeting-commands';
import { ProposalFacts, requireDeferralMeeting, requireTablingFacts } from '../proposal/decide-proposal';
import { DeferProposal, TableProposal } from '../proposal/proposal-commands';
import { refuse } from '../shared/domain-error';

/** What a corrected record is judged by beyond its stream: a proposal's facts, or a meeting's for a statement. */
export type OtherStreamFacts = ProposalFacts | MeetingFacts;

/**
 * The command that recorded a tabling, a deferral or a statement, as the record reads: what it read
 * of other streams on its date (the body, the meeting, the proposal spoken about) is what a
 * corrected date is judged by. Undefined for any other record (a decision has `decisionCommandOf`;
 * support and objections read the body only).
 */
export function datedCommandOf(event: GovernanceEvent): TableProposal | DeferProposal | RecordStatement | undefined {
  switch (event.type) {
    case 'ProposalTabled':
    case 'DefinitionAmendmentProposed': {
      const { proposalId, title, text, proposedBy, meetingId, occurredAt } = event.data;
      const kind = event.type === 'ProposalTabled' ? event.data.kind : 'definition-amendment';
      return { type: 'TableProposal', data: { proposalId, kind, title, text, proposedBy, meetingId, occurredAt } };
    }
    case 'ProposalDeferred':
      return { type: 'DeferProposal', data: { toMeetingId: event.data.toMeetingId, occurredAt: event.data.occurredAt } };
    case 'StatementRecorded': {
      const { speakerId, proposalId, summary, occurredAt } = event.data;
      return { type: 'RecordStatement', data: { speakerId, proposalId, summary, occurredAt } };
    }
    default:
      return undefined;
  }
}

/** The body a record moved to another date is judged by: established by then, as its command needed it. */
export function requireEstablishedOnItsDate(facts: OtherStreamFacts | undefined, what: string): EstablishedBody {
  if (facts === undefined) throw new Error(`a corrected ${what} is judged by the body on its date: its facts are needed`);
  if (facts.body.status !== 'established') refuse('body-not-found', 'the body had not been established on that date');
  return facts.body;
}

/**
 * A tabling, deferral or statement moved to another date must find there what its command needed
 * of other streams (rule 8): for a tabling the body established, its proposers active participants,
 * the meeting it was tabled at convened and still open; for a deferral the meeting deferred to not
 * yet closed; for a statement its speaker a member and the proposal it is about already tabled.
 * Without this a correction could date a record where its command is refused.
 */
export function assertOtherStreamsAllowItsDate(corrected: GovernanceEvent, facts: OtherStreamFacts | undefined): void {
  const command = datedCommandOf(corrected);
  if (command === undefined) return;
  const body = requireEstablishedOnItsDate(facts, corrected.type);
  if (command.type === 'RecordStatement') {
    if (facts === undefined || 'policy' in facts) throw new Error('a corrected statement is judged by the facts of its meeting');
    requireStatementFacts(command.data, body, facts);
    return;
  }
  const meeting = facts !== undefined && 'meeting' in facts ? facts.meeting : undefined;
  if (command.type === 'TableProposal') requireTablingFacts(command.data, body, meeting);
  else requireDeferralMeeting(command.data.toMeetingId, meeting, body, command.data.occurredAt);
}
