import { decideProposal, ProposalFacts } from '../proposal/decide-proposal';
import { evolveProposal } from '../proposal/evolve-proposal';
import { ProposalCommand } from '../proposal/proposal-commands';
import { ProposalEvent } from '../proposal/proposal-events';
import { initialProposalState, ProposalState } from '../proposal/proposal-state';
import { CommandContext } from '../shared/command-context';
import { IsoDateTime } from '../shared/time';
import { givenWhenThen } from './given-when-then';
import { at, CONTEXT, DEFINITION_PROPOSAL, PLENARY_2022, kpFacts } from './kimberley-process';

/** given(proposal events) / when(proposal command) / then, against the KP facts unless told otherwise. */
export function proposal(facts: ProposalFacts = kpFacts(), context: CommandContext = CONTEXT) {
  return givenWhenThen<ProposalCommand, ProposalState, ProposalEvent>({
    initialState: initialProposalState,
    evolve: evolveProposal,
    decide: (command, state) => decideProposal(command, state, facts, context),
  });
}

export const expressSupport = (participantId: string, occurredAt: IsoDateTime = at('2022-06-22')): ProposalCommand => ({
  type: 'ExpressSupport',
  data: { participantId, revision: null, occurredAt },
});

export const raiseObjection = (participantId: string, grounds = 'no consensus on the text', occurredAt: IsoDateTime = at('2022-06-22')): ProposalCommand => ({
  type: 'RaiseObjection',
  data: { participantId, grounds, revision: null, occurredAt },
});

export const withdrawObjection = (participantId: string, occurredAt: IsoDateTime = at('2022-06-22')): ProposalCommand => ({
  type: 'WithdrawObjection',
  data: { participantId, occurredAt },
});

export const revise = (text: string, occurredAt: IsoDateTime = at('2022-06-22')): ProposalCommand => ({
  type: 'ReviseProposal',
  data: { text, occurredAt },
});

export interface Declaration {
  readonly outcome?: 'consensus' | 'no-consensus';
  readonly declaredBy?: string;
  readonly meetingId?: string;
  readonly revision?: number | null;
  readonly occurredAt?: IsoDateTime;
}

/** By default Botswana, the 2022 Chair, declares consensus at the Gaborone plenary on 11 November 2022. */
export const declare = (declaration: Declaration = {}): ProposalCommand => ({
  type: 'DeclareOutcome',
  data: {
    outcome: declaration.outcome ?? 'consensus',
    declaredBy: declaration.declaredBy ?? 'bw',
    meetingId: declaration.meetingId ?? PLENARY_2022,
    revision: declaration.revision === undefined ? null : declaration.revision,
    occurredAt: declaration.occurredAt ?? at('2022-11-11'),
  },
});

export const defer = (toMeetingId: string | null = PLENARY_2022, occurredAt: IsoDateTime = at('2022-06-24')): ProposalCommand => ({
  type: 'DeferProposal',
  data: { toMeetingId, occurredAt },
});

/** By default the withdrawal does not say who withdrew the proposal (`withdrawnBy: null`). */
export const withdrawProposal = (
  reason = 'withdrawn by its sponsors',
  occurredAt: IsoDateTime = at('2022-11-10'),
  withdrawnBy: string[] | null = null,
): ProposalCommand => ({
  type: 'WithdrawProposal',
  data: { reason, withdrawnBy, occurredAt },
});

/** The events a successful declaration records, for building closed histories. */
export const consensusDeclared = (declaredBy = 'bw', revision = 1): ProposalEvent => ({
  type: 'ConsensusDeclared',
  data: { proposalId: DEFINITION_PROPOSAL, revision, declaredBy, declaredAs: 'chair', meetingId: PLENARY_2022, occurredAt: at('2022-11-11') },
});

export const noConsensusRecorded = (blockingParticipants: string[], revision = 1): ProposalEvent => ({
  type: 'NoConsensusRecorded',
  data: {
    proposalId: DEFINITION_PROPOSAL,
    revision,
    declaredBy: 'bw',
    declaredAs: 'chair',
    meetingId: PLENARY_2022,
    blockingParticipants,
    occurredAt: at('2022-11-11'),
  },
});

export const proposalDeferred = (toMeetingId: string | null = PLENARY_2022, occurredAt: IsoDateTime = at('2022-06-24')): ProposalEvent => ({
  type: 'ProposalDeferred',
  data: { proposalId: DEFINITION_PROPOSAL, toMeetingId, occurredAt },
});

export const proposalWithdrawn = (
  reason = 'withdrawn by its sponsors',
  occurredAt: IsoDateTime = at('2022-11-10'),
  withdrawnBy: string[] | null = null,
): ProposalEvent => ({
  type: 'ProposalWithdrawn',
  data: { proposalId: DEFINITION_PROPOSAL, reason, withdrawnBy, occurredAt },
});
