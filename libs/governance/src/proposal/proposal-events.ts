import { IsoDateTime } from '../shared/time';

export type ProposalKind = 'definition-amendment' | 'administrative-decision' | 'admission' | 'agenda-item' | 'other';
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['definition-amendment', 'administrative-decision', 'admission', 'agenda-item', 'other'];
export type TabledProposalKind = Exclude<ProposalKind, 'definition-amendment'>;

type ProposalOpening = {
  proposalId: string;
  bodyId: string;
  title: string;
  text: string;
  proposedBy: string[];
  meetingId: string | null;
  occurredAt: IsoDateTime;
};

export type DefinitionAmendmentProposed = {
  readonly type: 'DefinitionAmendmentProposed';
  /** `text` is the whole definition as it would read if adopted, not a diff. */
  readonly data: ProposalOpening;
};
export type ProposalTabled = {
  readonly type: 'ProposalTabled';
  readonly data: ProposalOpening & { kind: TabledProposalKind };
};
export type ProposalRevised = {
  readonly type: 'ProposalRevised';
  readonly data: { proposalId: string; revision: number; text: string; occurredAt: IsoDateTime };
};
export type SupportExpressed = {
  readonly type: 'SupportExpressed';
  readonly data: { proposalId: string; participantId: string; revision: number; occurredAt: IsoDateTime };
};
export type ObjectionRaised = {
  readonly type: 'ObjectionRaised';
  readonly data: { proposalId: string; participantId: string; grounds: string; revision: number; occurredAt: IsoDateTime };
};
export type ObjectionWithdrawn = {
  readonly type: 'ObjectionWithdrawn';
  readonly data: { proposalId: string; participantId: string; occurredAt: IsoDateTime };
};
export type ChairCapacity = 'chair' | 'acting-chair';
export type ConsensusDeclared = {
  readonly type: 'ConsensusDeclared';
  readonly data: {
    proposalId: string;
    revision: number;
    declaredBy: string;
    declaredAs: ChairCapacity;
    meetingId: string;
    occurredAt: IsoDateTime;
  };
};
export type NoConsensusRecorded = {
  readonly type: 'NoConsensusRecorded';
  readonly data: {
    proposalId: string;
    revision: number;
    declaredBy: string;
    declaredAs: ChairCapacity;
    meetingId: string;
    /** The participants whose objections stood when the Chair recorded the outcome. */
    blockingParticipants: string[];
    occurredAt: IsoDateTime;
  };
};
export type ProposalDeferred = {
  readonly type: 'ProposalDeferred';
  readonly data: { proposalId: string; toMeetingId: string | null; occurredAt: IsoDateTime };
};
export type ProposalWithdrawn = {
  readonly type: 'ProposalWithdrawn';
  readonly data: {
    proposalId: string;
    reason: string;
    /** Proposers who withdrew it, sorted; null when the record does not say who (every v1 event). */
    withdrawnBy: string[] | null;
    occurredAt: IsoDateTime;
  };
};
/**
 * `ProposalWithdrawn` data as schema version 1 stored it, before `withdrawnBy`. Only its published
 * schema and its upcaster use this shape: the domain reads every stored v1 event upcast to v2.
 */
export type ProposalWithdrawnV1Data = { proposalId: string; reason: string; occurredAt: IsoDateTime };

export type ProposalEvent =
  | DefinitionAmendmentProposed
  | ProposalTabled
  | ProposalRevised
  | SupportExpressed
  | ObjectionRaised
  | ObjectionWithdrawn
  | ConsensusDeclared
  | NoConsensusRecorded
  | ProposalDeferred
  | ProposalWithdrawn;

export const PROPOSAL_EVENT_TYPES = [
  'DefinitionAmendmentProposed',
  'ProposalTabled',
  'ProposalRevised',
  'SupportExpressed',
  'ObjectionRaised',
  'ObjectionWithdrawn',
  'ConsensusDeclared',
  'NoConsensusRecorded',
  'ProposalDeferred',
  'ProposalWithdrawn',
] as const satisfies readonly ProposalEvent['type'][];
