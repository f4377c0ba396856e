import { EstablishedBody } from '../body/body-state';
import { requireActiveParticipant } from '../body/decide-body';
import { GovernanceEvent } from '../events';
import { MeetingFacts, requireStatementFacts } from '../meeting/decide-meeting';
import { RecordStatement } from '../meeting/meeting-commands';
import { ProposalFacts, requireDeferralMeeting, requireTablingFacts } from '../proposal/decide-proposal';
import { DeferProposal, ExpressSupport, RaiseObjection, TableProposal } from '../proposal/proposal-commands';
import { refuse } from '../shared/domain-error';

/** What a corrected record is judged by beyond its stream: a proposal's facts, or a meeting's for a statement. */
export type OtherStreamFacts = ProposalFacts | MeetingFacts;

/** A command whose record a corrected date is judged by, for what it read of other streams. */
export type DatedCommand = TableProposal | DeferProposal | ExpressSupport | RaiseObjection | RecordStatement;

/**
 * The command that recorded a tabling, a deferral, support, an objection or a statement, as the
 * record reads: what it read of other streams on its date (the body, the meeting, the proposal
 * spoken about) is what a corrected date is judged by. Undefined for any other record (a decision
 * has `decisionCommandOf`, and is decided again whole).
 */
export function datedCommandOf(event: GovernanceEvent): DatedCommand | undefined {
  switch (event.type) {
    case 'ProposalTabled':
    case 'DefinitionAmendmentProposed': {
      const { proposalId, title, text, proposedBy, meetingId, occurredAt } = event.data;
      const kind = event.type === 'ProposalTabled' ? event.data.kind : 'definition-amendment';
      return { type: 'TableProposal', data: { proposalId, kind, title, text, proposedBy, meetingId, occurredAt } };
    }
    case 'ProposalDeferred':
      return { type: 'DeferProposal', data: { toMeetingId: event.data.toMeetingId, occurredAt: event.data.occurredAt } };
    case 'SupportExpressed':
      return { type: 'ExpressSupport', data: { participantId: event.data.participantId, revision: null, occurredAt: event.data.occurredAt } };
    case 'ObjectionRaised': {
      const { participantId, grounds, occurredAt } = event.data;
      return { type: 'RaiseObjection', data: { participantId, grounds, revision: null, occurredAt } };
    }
    case 'StatementRecorded': {
      const { speakerId, proposalId, summary, occurredAt } = event.data;
      return { type: 'RecordStatement', data: { speakerId, proposalId, summary, occurredAt } };
    }
    default:
      return undefined;
  }
}

/** The body a record moved to another date is judged by: established by then, as its command needed it. */
function requireEstablishedOnItsDate(facts: OtherStreamFacts | undefined, what: string): EstablishedBody {
  if (facts === undefined) throw new Error(`a corrected ${what} is judged by the body on its date: its facts are needed`);
  if (facts.body.status !== 'established') refuse('body-not-found', 'the body had not been established on that date');
  return facts.body;
}

/**
 * A record moved to another date must find there what its command needed of other streams (rules 1
 * and 8): for a tabling the body established, its proposers active participants, the meeting it was
 * tabled at convened and still open; for a deferral the meeting deferred to not yet closed; for
 * support or an objection its participant active; for a statement its speaker a member and the
 * proposal it is about already tabled. Without this a correction could date a record where its
 * command is refused.
 */
export function assertOtherStreamsAllowItsDate(corrected: GovernanceEvent, facts: OtherStreamFacts | undefined): void {
  const command = datedCommandOf(corrected);
  if (command === undefined) return;
  const body = requireEstablishedOnItsDate(facts, corrected.type);
  const meeting = facts !== undefined && 'meeting' in facts ? facts.meeting : undefined;
  switch (command.type) {
    case 'RecordStatement':
      if (facts === undefined || 'policy' in facts) throw new Error('a corrected statement is judged by the facts of its meeting');
      requireStatementFacts(command.data, body, facts);
      return;
    case 'ExpressSupport':
    case 'RaiseObjection':
      requireActiveParticipant(body, command.data.participantId, command.data.occurredAt);
      return;
    case 'TableProposal':
      requireTablingFacts(command.data, body, meeting);
      return;
    case 'DeferProposal':
      requireDeferralMeeting(command.data.toMeetingId, meeting, body, command.data.occurredAt);
  }
}
