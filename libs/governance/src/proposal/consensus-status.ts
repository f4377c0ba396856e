import { EstablishedBody } from '../body/body-state';
import { ConsensusPolicy } from '../shared/command-context';
import { currentSupporters, KnownProposal, ProposalStatus, StandingObjection } from './proposal-state';

export interface ConsensusStatus {
  readonly status: ProposalStatus;
  readonly revision: number;
  readonly supporters: string[];
  readonly standingObjections: { participantId: string; grounds: string; since: string }[];
  readonly blockingParticipants: string[];
  readonly consensusPossible: boolean;
}

/**
 * Rule 3 as a pure reading of two aggregates: an objection blocks while its author is a participant
 * that takes part in decisions. A member that withdrew no longer blocks; a suspended one blocks
 * only when the policy says so.
 */
export function blockingObjections(proposal: KnownProposal, body: EstablishedBody, policy: ConsensusPolicy): StandingObjection[] {
  return [...proposal.objections.values()].filter((objection) => {
    const member = body.members.get(objection.participantId);
    if (!member || member.role !== 'participant') return false;
    if (member.status === 'active') return true;
    return member.status === 'suspended' && policy.suspendedObjectionsBlock;
  });
}

export function consensusStatus(proposal: KnownProposal, body: EstablishedBody, policy: ConsensusPolicy): ConsensusStatus {
  const blocking = proposal.status === 'open' ? blockingObjections(proposal, body, policy).map((o) => o.participantId) : [];
  return {
    status: proposal.status,
    revision: proposal.revision,
    supporters: currentSupporters(proposal).sort(),
    standingObjections: [...proposal.objections.values()]
      .map(({ participantId, grounds, since }) => ({ participantId, grounds, since }))
      .sort((a, b) => a.participantId.localeCompare(b.participantId)),
    blockingParticipants: blocking.sort(),
    consensusPossible: proposal.status === 'open' && blocking.length === 0,
  };
}
