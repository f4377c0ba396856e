import {
  ConsensusPolicy,
  ConsensusStatus,
  consensusStatus,
  EstablishedBody,
  KnownProposal,
  ProposalKind,
  ProposalStatus,
  termOf,
} from '@concord/governance';
import { LedgerView } from './ledger-view';
import { MeetingView } from './meeting-view';

export interface ChairTermView {
  readonly term: number;
  readonly chair: string | null;
  readonly viceChair: string | null;
  readonly basis: string | null;
}

export interface DefinitionVersionView {
  readonly text: string;
  readonly effectiveFrom: string;
  readonly proposalId: string | null;
}

/** A proposal's facts and its consensus status, as the proposal query answers them. */
export interface ProposalView extends ConsensusStatus {
  readonly proposalId: string;
  readonly bodyId: string;
  readonly kind: ProposalKind;
  readonly title: string;
  readonly text: string;
  readonly proposedBy: readonly string[];
  readonly meetingId: string | null;
  readonly deferredTo: string | null;
  readonly decision: { outcome: 'consensus' | 'no-consensus'; declaredBy: string; declaredAs: string; meetingId: string; occurredAt: string } | null;
  /** The proposal stream's revision, to send back in `If-Match`. */
  readonly streamRevision: number;
}

export interface BodyView {
  readonly bodyId: string;
  readonly name: string;
  readonly establishedAt: string;
  readonly participants: { participantId: string; name: string; kind: string | null; status: string }[];
  readonly observers: { observerId: string; name: string; status: string }[];
  readonly currentTerm: ChairTermView;
  readonly definition: DefinitionVersionView;
  readonly streamRevision: number;
}

/** Pure readings of a caught-up `LedgerView`; `undefined` means "no such thing" (a 404). */
export class ReadModels {
  constructor(
    private readonly view: LedgerView,
    private readonly policy: ConsensusPolicy,
  ) {}

  body(bodyId: string, now: Date): BodyView | undefined {
    const record = this.view.bodies.get(bodyId);
    const body = this.establishedBody(bodyId);
    if (!record || !body) return undefined;
    const members = [...body.members.values()];
    const term = termOf(now.toISOString());
    return {
      bodyId,
      name: body.name,
      establishedAt: body.establishedAt,
      participants: members
        .filter((m) => m.role === 'participant')
        .map((m) => ({ participantId: m.id, name: m.name, kind: m.kind, status: m.status })),
      observers: members.filter((m) => m.role === 'observer').map((m) => ({ observerId: m.id, name: m.name, status: m.status })),
      currentTerm: this.chairTerm(body, term),
      definition: this.definitionHistory(bodyId).at(-1) as DefinitionVersionView,
      streamRevision: record.streamRevision,
    };
  }

  chairs(bodyId: string): ChairTermView[] | undefined {
    const body = this.establishedBody(bodyId);
    if (!body) return undefined;
    const terms = new Set([...body.chairs.keys(), ...body.viceChairs.keys()]);
    return [...terms].sort((a, b) => a - b).map((term) => this.chairTerm(body, term));
  }

  /** The definition as established, then each adopted amendment from the day it was decided. */
  definitionHistory(bodyId: string): DefinitionVersionView[] {
    const record = this.view.bodies.get(bodyId);
    const established = record?.events.find((recorded) => recorded.event.type === 'BodyEstablished')?.event;
    if (established?.type !== 'BodyEstablished') return [];
    const amendments = (this.view.proposalsByBody.get(bodyId) ?? [])
      .map((id) => this.view.proposals.get(id)?.state)
      .flatMap((proposal) =>
        proposal?.status === 'adopted' && proposal.kind === 'definition-amendment'
          ? [{ text: proposal.text, effectiveFrom: proposal.decision.occurredAt, proposalId: proposal.proposalId }]
          : [],
      )
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    return [{ text: established.data.definition, effectiveFrom: established.data.occurredAt, proposalId: null }, ...amendments];
  }

  proposal(proposalId: string): ProposalView | undefined {
    const record = this.view.proposals.get(proposalId);
    const proposal = record?.state;
    if (!record || !proposal || proposal.status === 'unknown') return undefined;
    const body = this.establishedBody(proposal.bodyId);
    if (!body) return undefined;
    return {
      proposalId,
      bodyId: proposal.bodyId,
      kind: proposal.kind,
      title: proposal.title,
      text: proposal.text,
      proposedBy: proposal.proposedBy,
      meetingId: proposal.meetingId,
      deferredTo: proposal.deferredTo,
      ...consensusStatus(proposal, body, this.policy),
      decision: decisionOf(proposal),
      streamRevision: record.streamRevision,
    };
  }

  proposalsOfBody(bodyId: string, status?: ProposalStatus): ProposalView[] | undefined {
    if (!this.establishedBody(bodyId)) return undefined;
    return (this.view.proposalsByBody.get(bodyId) ?? [])
      .flatMap((id) => this.proposal(id) ?? [])
      .filter((proposal) => status === undefined || proposal.status === status);
  }

  meeting(meetingId: string): (MeetingView & { streamRevision: number }) | undefined {
    const record = this.view.meetings.get(meetingId);
    if (!record?.state) return undefined;
    return { ...record.state, streamRevision: record.streamRevision };
  }

  private establishedBody(bodyId: string): EstablishedBody | undefined {
    const state = this.view.bodies.get(bodyId)?.state;
    return state?.status === 'established' ? state : undefined;
  }

  private chairTerm(body: EstablishedBody, term: number): ChairTermView {
    const chair = body.chairs.get(term);
    return { term, chair: chair?.participantId ?? null, viceChair: body.viceChairs.get(term) ?? null, basis: chair?.basis ?? null };
  }
}

function decisionOf(proposal: KnownProposal): ProposalView['decision'] {
  if (proposal.status !== 'adopted' && proposal.status !== 'not-adopted') return null;
  const { declaredBy, declaredAs, meetingId, occurredAt } = proposal.decision;
  return { outcome: proposal.status === 'adopted' ? 'consensus' : 'no-consensus', declaredBy, declaredAs, meetingId, occurredAt };
}
