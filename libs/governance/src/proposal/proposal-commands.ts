import { IsoDateTime } from '../shared/time';
import { ProposalKind } from './proposal-events';

export type TableProposal = {
  readonly type: 'TableProposal';
  readonly data: {
    proposalId: string;
    kind: ProposalKind;
    title: string;
    text: string;
    proposedBy: string[];
    meetingId: string | null;
    occurredAt: IsoDateTime;
  };
};
export type ReviseProposal = { readonly type: 'ReviseProposal'; readonly data: { text: string; occurredAt: IsoDateTime } };
/** `revision`, when given, is the text the clerk saw the participant support; a stale one is refused. */
export type ExpressSupport = {
  readonly type: 'ExpressSupport';
  readonly data: { participantId: string; revision: number | null; occurredAt: IsoDateTime };
};
/** `revision`, when given, is the text the clerk saw the participant object to; a stale one is refused. */
export type RaiseObjection = {
  readonly type: 'RaiseObjection';
  readonly data: { participantId: string; grounds: string; revision: number | null; occurredAt: IsoDateTime };
};
export type WithdrawObjection = {
  readonly type: 'WithdrawObjection';
  readonly data: { participantId: string; occurredAt: IsoDateTime };
};
export type DeclareOutcome = {
  readonly type: 'DeclareOutcome';
  readonly data: {
    outcome: 'consensus' | 'no-consensus';
    declaredBy: string;
    meetingId: string;
    /** When given, the revision the Chair is deciding on; a stale one is refused. */
    revision: number | null;
    occurredAt: IsoDateTime;
  };
};
export type DeferProposal = {
  readonly type: 'DeferProposal';
  readonly data: { toMeetingId: string | null; occurredAt: IsoDateTime };
};
export type WithdrawProposal = {
  readonly type: 'WithdrawProposal';
  /** `withdrawnBy`: the proposers who withdraw it, or null when the secretariat does not record who. */
  readonly data: { reason: string; withdrawnBy: string[] | null; occurredAt: IsoDateTime };
};

export type ProposalCommand =
  TableProposal | ReviseProposal | ExpressSupport | RaiseObjection | WithdrawObjection | DeclareOutcome | DeferProposal | WithdrawProposal;
