import { requireActiveParticipant } from '../body/decide-body';
import { BodyState, EstablishedBody } from '../body/body-state';
import { MeetingState } from '../meeting/meeting-state';
import { CommandContext, ConsensusPolicy } from '../shared/command-context';
import { refuse } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/occurred-at';
import { IsoDateTime, termOf } from '../shared/time';
import { blockingObjections } from './consensus-status';
import { DeclareOutcome, ProposalCommand, TableProposal } from './proposal-commands';
import { ChairCapacity, ProposalEvent } from './proposal-events';
import { OWN_RECORD_NAMES } from './own-records';
import { sameText } from '../shared/same-text';
import { KnownProposal, OpenProposal, ProposalState } from './proposal-state';

/**
 * Facts from other streams: the body the proposal belongs to (membership, offices) and the meeting
 * the command names, if any.
 */
export interface ProposalFacts {
  readonly body: BodyState;
  readonly meeting?: MeetingState;
  readonly policy: ConsensusPolicy;
}

export function decideProposal(command: ProposalCommand, state: ProposalState, facts: ProposalFacts, context: CommandContext): ProposalEvent[] {
  assertNotInFuture(command.data.occurredAt, context);
  const { body } = facts;
  if (body.status !== 'established') refuse('body-not-found', 'the body has not been established');
  if (command.type === 'TableProposal') return [decideTabling(command, state, body, facts.meeting)];
  if (state.status === 'unknown') refuse('proposal-not-found', 'the proposal has not been tabled');
  const proposal = requireOpen(state);
  const { proposalId } = proposal;
  const { occurredAt } = command.data;
  assertNotBefore(occurredAt, proposal.tabledAt, `proposal ${proposalId} was tabled`);

  switch (command.type) {
    case 'ReviseProposal': {
      // Every record so far is on the text it replaces: a new text cannot come before them.
      assertNotBefore(occurredAt, proposal.latestOccurredAt, `the latest record on proposal ${proposalId}`);
      if (sameText(command.data.text, proposal.text)) {
        refuse(
          'revision-unchanged',
          `the text reads the same as revision ${proposal.revision} (white space at the end of a line or of the text, line breaks and Unicode forms of the same letters do not count)`,
          { revision: proposal.revision },
        );
      }
      return [{ type: 'ProposalRevised', data: { proposalId, revision: proposal.revision + 1, text: command.data.text, occurredAt } }];
    }
    case 'ExpressSupport': {
      const { participantId } = command.data;
      requireNamedRevision(command.data.revision, proposal, 'the support');
      assertNotBefore(occurredAt, proposal.revisedAt, `revision ${proposal.revision} of proposal ${proposalId}`);
      requireActiveParticipant(body, participantId, occurredAt);
      if (proposal.objections.has(participantId)) {
        refuse('objection-already-standing', `${participantId} has a standing objection; withdraw it before expressing support`, {
          participantId,
        });
      }
      if (proposal.supporters.get(participantId) === proposal.revision) {
        refuse('support-already-expressed', `${participantId} already supports revision ${proposal.revision}`, {
          participantId,
          revision: proposal.revision,
        });
      }
      assertAfterOwnRecords(occurredAt, proposal, participantId);
      return [{ type: 'SupportExpressed', data: { proposalId, participantId, revision: proposal.revision, occurredAt } }];
    }
    case 'RaiseObjection': {
      const { participantId, grounds } = command.data;
      const member = body.members.get(participantId);
      if (member?.role === 'observer' && member.status !== 'withdrawn') {
        refuse('observer-cannot-object', `${participantId} is an observer: observers may make statements but cannot block a decision`, {
          participantId,
        });
      }
      requireNamedRevision(command.data.revision, proposal, 'the objection');
      assertNotBefore(occurredAt, proposal.revisedAt, `revision ${proposal.revision} of proposal ${proposalId}`);
      requireActiveParticipant(body, participantId, occurredAt);
      if (proposal.objections.has(participantId)) {
        refuse('objection-already-standing', `${participantId} already has a standing objection on ${proposalId}`, { participantId });
      }
      assertAfterOwnRecords(occurredAt, proposal, participantId);
      return [{ type: 'ObjectionRaised', data: { proposalId, participantId, grounds, revision: proposal.revision, occurredAt } }];
    }
    case 'WithdrawObjection': {
      const { participantId } = command.data;
      const objection = proposal.objections.get(participantId);
      if (!objection) {
        refuse('objection-not-standing', `${participantId} has no standing objection on ${proposalId}`, { participantId });
      }
      // Only a standing objection can be withdrawn (rule 2): on the withdrawal's date it must have been raised.
      assertNotBefore(occurredAt, objection.since, `${participantId}'s objection was raised`);
      // By the participant, as it raised it (rule 1): not while suspended, nor once it has left the body.
      requireActiveParticipant(body, participantId, occurredAt);
      // A stream recorded before rule 8 covered these records may hold a support dated after the objection.
      assertAfterOwnRecords(occurredAt, proposal, participantId);
      return [{ type: 'ObjectionWithdrawn', data: { proposalId, participantId, occurredAt } }];
    }
    case 'DeclareOutcome':
      return [decideOutcome(command.data, proposal, body, facts)];
    case 'DeferProposal': {
      const { toMeetingId } = command.data;
      // One dated before the latest deferral would stand last as recorded but not by date: the two timelines would disagree.
      if (proposal.deferredAt !== null) assertNotBefore(occurredAt, proposal.deferredAt, `the latest deferral of proposal ${proposalId}`);
      requireDeferralMeeting(toMeetingId, facts.meeting, body, occurredAt);
      return [{ type: 'ProposalDeferred', data: { proposalId, toMeetingId, occurredAt } }];
    }
    case 'WithdrawProposal': {
      // A withdrawal closes the proposal (rule 4), as a decision does: nothing recorded on it may come after.
      assertNotBefore(occurredAt, proposal.latestOccurredAt, `the latest record on proposal ${proposalId}`);
      const withdrawnBy = withdrawersOf(command.data.withdrawnBy, proposal);
      // Proposers who withdraw it act for the body as they did tabling it (rule 1).
      for (const participantId of withdrawnBy ?? []) requireActiveParticipant(body, participantId, occurredAt);
      return [{ type: 'ProposalWithdrawn', data: { proposalId, reason: command.data.reason, withdrawnBy, occurredAt } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

/**
 * Rule 8: a participant's support, objection and withdrawal of it on a proposal are entered in the
 * order they happened. A support dated before the withdrawal of the participant's objection would
 * have been refused on its date (the objection stood), and an objection dated before its support
 * would leave that support standing though the objection ended it.
 */
function assertAfterOwnRecords(occurredAt: string, proposal: OpenProposal, participantId: string): void {
  const latest = proposal.latestOwnRecords.get(participantId);
  if (latest === undefined) return;
  assertNotBefore(occurredAt, latest.occurredAt, `${participantId}'s ${OWN_RECORD_NAMES[latest.type]} on proposal ${proposal.proposalId}`);
}

/** A record that names the text it is on is refused once that text is no longer the one in force. */
function requireNamedRevision(named: number | null, proposal: OpenProposal, record: string): void {
  if (named === null || named === proposal.revision) return;
  refuse('stale-revision', `${record} names revision ${named}, but the proposal is at revision ${proposal.revision}`, {
    revision: named,
    currentRevision: proposal.revision,
  });
}

function decideTabling(command: TableProposal, state: ProposalState, body: EstablishedBody, meeting: MeetingState | undefined): ProposalEvent {
  const { proposalId, kind, title, text, proposedBy, meetingId, occurredAt } = command.data;
  if (state.status !== 'unknown') {
    const elsewhere = state.bodyId === body.bodyId ? '' : ` in body ${state.bodyId} (ids are unique across the ledger's bodies)`;
    refuse('proposal-already-exists', `proposal ${proposalId} has already been tabled${elsewhere}`, { proposalId, bodyId: state.bodyId });
  }
  requireTablingFacts(command.data, body, meeting);
  const opening = { proposalId, bodyId: body.bodyId, title, text, proposedBy: [...new Set(proposedBy)], meetingId, occurredAt };
  return kind === 'definition-amendment' ? { type: 'DefinitionAmendmentProposed', data: opening } : { type: 'ProposalTabled', data: { ...opening, kind } };
}

function decideOutcome(data: DeclareOutcome['data'], proposal: OpenProposal, body: EstablishedBody, facts: ProposalFacts): ProposalEvent {
  const { outcome, declaredBy, meetingId, revision, occurredAt } = data;
  assertNotBefore(occurredAt, proposal.latestOccurredAt, `the latest record on proposal ${proposal.proposalId}`);
  requireMeetingOfBody(meetingId, facts.meeting, body, occurredAt);
  requireNamedRevision(revision, proposal, 'the decision');
  const declaredAs = chairCapacity(body, declaredBy, occurredAt);
  const blocking = blockingObjections(proposal, body, facts.policy)
    .map((o) => o.participantId)
    .sort();
  const decided = { proposalId: proposal.proposalId, revision: proposal.revision, declaredBy, declaredAs, meetingId, occurredAt };
  if (outcome === 'no-consensus') {
    return { type: 'NoConsensusRecorded', data: { ...decided, blockingParticipants: blocking } };
  }
  if (blocking.length > 0) {
    refuse('objections-standing', `consensus cannot be declared while ${blocking.join(', ')} maintain${blocking.length === 1 ? 's' : ''} an objection`, {
      blockingParticipants: blocking,
    });
  }
  return { type: 'ConsensusDeclared', data: decided };
}

/**
 * Rule 3: the term's Chair declares; its Vice-Chair may act for it and is recorded as acting.
 * Either must still take part in decisions (rule 1), so a suspended or withdrawn office-holder cannot.
 */
function chairCapacity(body: EstablishedBody, declaredBy: string, occurredAt: IsoDateTime): ChairCapacity {
  const term = termOf(occurredAt);
  const chair = body.chairs.get(term)?.participantId;
  const capacity: ChairCapacity | undefined =
    chair !== undefined && chair === declaredBy ? 'chair' : body.viceChairs.get(term) === declaredBy ? 'acting-chair' : undefined;
  if (capacity) {
    requireActiveParticipant(body, declaredBy, occurredAt);
    return capacity;
  }
  const who = chair === undefined ? `no Chair of ${term} was recorded as of ${occurredAt}` : `${chair} chairs ${term}`;
  return refuse('not-the-chair', `${declaredBy} is neither the Chair nor the acting Chair: ${who}`, {
    declaredBy,
    term,
    chair: chair ?? null,
  });
}

/**
 * Who withdrew the proposal, when the record says: only its proposers can take back what they
 * tabled. Sorted and without repeats, so that one withdrawal reads the same however it was asked.
 * `null` stays null: the record does not say who, which is not the same as "nobody".
 */
function withdrawersOf(named: readonly string[] | null, proposal: OpenProposal): string[] | null {
  if (named === null) return null;
  const proposedBy = [...proposal.proposedBy];
  if (named.length === 0) {
    refuse('not-a-proposer', 'a withdrawal names at least one of the proposers, or leaves out who withdrew it', { proposedBy });
  }
  const notProposers = [...new Set(named.filter((participantId) => !proposal.proposedBy.includes(participantId)))].sort();
  if (notProposers.length > 0) {
    refuse(
      'not-a-proposer',
      `only a proposer can withdraw proposal ${proposal.proposalId}, tabled by ${proposedBy.join(', ')}; ${notProposers.join(', ')} did not table it`,
      {
        notProposers,
        proposedBy,
      },
    );
  }
  return [...new Set(named)].sort();
}

function requireOpen(proposal: KnownProposal): OpenProposal {
  if (proposal.status !== 'open') {
    refuse('proposal-closed', `proposal ${proposal.proposalId} is ${proposal.status} and accepts no further records`, {
      proposalId: proposal.proposalId,
      proposalStatus: proposal.status,
    });
  }
  return proposal;
}

/**
 * What a tabling needs of other streams on its date: the body established by then, every proposer
 * an active participant of it, and the meeting it is tabled at (if any) convened, of this body and
 * not yet closed. A correction of the tabling's date is held to the same (`decideCorrection`).
 */
export function requireTablingFacts(
  tabling: { readonly proposedBy: readonly string[]; readonly meetingId: string | null; readonly occurredAt: string },
  body: EstablishedBody,
  meeting: MeetingState | undefined,
): void {
  const { proposedBy, meetingId, occurredAt } = tabling;
  assertNotBefore(occurredAt, body.establishedAt, `body ${body.bodyId} was established`);
  if (proposedBy.length === 0) refuse('not-a-participant', 'a proposal is tabled by at least one participant');
  for (const participantId of proposedBy) requireActiveParticipant(body, participantId, occurredAt);
  if (meetingId !== null) requireMeetingOfBody(meetingId, meeting, body, occurredAt);
}

/**
 * A deferral's meeting (if it names one) must be of this body and not closed on the deferral's date.
 * It names a meeting still to come, so it may be dated before that meeting convenes.
 */
export function requireDeferralMeeting(toMeetingId: string | null, meeting: MeetingState | undefined, body: EstablishedBody, occurredAt: string): void {
  if (toMeetingId !== null) requireMeetingOfBody(toMeetingId, meeting, body, occurredAt, { heldBy: false });
}

/**
 * The meeting named must exist, belong to this body, and not have closed before the record's
 * moment; a meeting at which something was done (`heldBy`) must also have convened by then.
 */
function requireMeetingOfBody(
  meetingId: string,
  meeting: MeetingState | undefined,
  body: EstablishedBody,
  occurredAt: string,
  { heldBy }: { heldBy: boolean } = { heldBy: true },
): void {
  if (!meeting || meeting.status === 'unknown' || meeting.meetingId !== meetingId) {
    refuse('meeting-not-found', `meeting ${meetingId} has not been convened`, { meetingId });
  }
  if (meeting.bodyId !== body.bodyId) {
    refuse('meeting-of-another-body', `meeting ${meetingId} belongs to body ${meeting.bodyId}, not ${body.bodyId}`, { meetingId });
  }
  if (heldBy) assertNotBefore(occurredAt, meeting.convenedAt, `meeting ${meetingId} was convened`);
  if (meeting.closedAt !== null && occurredAt > meeting.closedAt) {
    refuse('meeting-closed', `meeting ${meetingId} closed at ${meeting.closedAt}, before ${occurredAt}`, { meetingId, closedAt: meeting.closedAt });
  }
}
