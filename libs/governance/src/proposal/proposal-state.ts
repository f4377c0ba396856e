import { OwnRecord } from './own-records';
import { ChairCapacity, ProposalKind } from './proposal-events';

export interface StandingObjection {
  readonly participantId: string;
  readonly grounds: string;
  readonly since: string;
  readonly revision: number;
}

/** A participant's latest own record on a proposal: its support, its objection, or the withdrawal of that objection. */
export interface ParticipantRecord {
  readonly type: OwnRecord['type'];
  readonly occurredAt: string;
}

export interface ProposalDecision {
  readonly declaredBy: string;
  readonly declaredAs: ChairCapacity;
  readonly meetingId: string;
  readonly revision: number;
  readonly occurredAt: string;
  /** Who the Chair recorded as blocking, when no consensus was found. */
  readonly blockedBy: readonly string[];
}

export interface ProposalWithdrawal {
  readonly reason: string;
  /** The proposers who withdrew it, sorted; null when the record does not say who. */
  readonly withdrawnBy: readonly string[] | null;
  readonly occurredAt: string;
}

interface ProposalFacts {
  readonly proposalId: string;
  readonly bodyId: string;
  readonly kind: ProposalKind;
  readonly title: string;
  readonly text: string;
  readonly proposedBy: readonly string[];
  readonly meetingId: string | null;
  readonly tabledAt: string;
  /** The latest world time of any record in the stream: a decision cannot precede what it decides on. */
  readonly latestOccurredAt: string;
  readonly revision: number;
  /** When the current revision was made (the tabling, for revision 1): a record on it cannot be dated before. */
  readonly revisedAt: string;
  /** Participant id -> the revision it supported. Support is given to a text, so a revision resets it. */
  readonly supporters: ReadonlyMap<string, number>;
  /** Objections stand across revisions until withdrawn (rule 2). */
  readonly objections: ReadonlyMap<string, StandingObjection>;
  /**
   * Participant id -> its latest support, objection or withdrawal of it, by date: each of them
   * changes what the participant's next one may be, so the next cannot be dated before it (rule 8).
   */
  readonly latestOwnRecords: ReadonlyMap<string, ParticipantRecord>;
  readonly deferredTo: string | null;
  /** When the latest deferral was made, by date: a deferral entered late cannot be dated before it. */
  readonly deferredAt: string | null;
}

export type ProposalState =
  | { readonly status: 'unknown' }
  | (ProposalFacts & { readonly status: 'open' })
  | (ProposalFacts & { readonly status: 'adopted' | 'not-adopted'; readonly decision: ProposalDecision })
  | (ProposalFacts & { readonly status: 'withdrawn'; readonly withdrawal: ProposalWithdrawal });

export type KnownProposal = Exclude<ProposalState, { status: 'unknown' }>;
export type OpenProposal = Extract<ProposalState, { status: 'open' }>;
export type ProposalStatus = KnownProposal['status'];

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['open', 'adopted', 'not-adopted', 'withdrawn'];

export const initialProposalState: ProposalState = { status: 'unknown' };

/** Participants who support the text as it now stands. */
export function currentSupporters(proposal: KnownProposal): string[] {
  return [...proposal.supporters].filter(([, revision]) => revision === proposal.revision).map(([id]) => id);
}
