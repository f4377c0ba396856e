import {
  BodyState,
  ConsensusPolicy,
  decideProposal,
  DomainError,
  evolveBody,
  evolveProposal,
  GovernanceEvent,
  initialBodyState,
  initialProposalState,
  isBodyEvent,
  isProposalEvent,
  parseStream,
  ProposalCommand,
  ProposalState,
} from '@concord/governance';
import { upcast } from '@concord/governance/schemas';
import { AggregateTimeline, RecordedEvent } from '@concord/projections';
import { canonicalJson } from '@concord/ledger';
import { ImportedEvent } from './import-validation';

/**
 * The commands a participant's own records on a proposal answer. These are the records an export
 * can be edited to forge (an observer's objection, a suspended participant's support, an objection
 * withdrawn that never stood), and the ones the domain can judge from the body and the proposal alone.
 */
function participationCommand(event: GovernanceEvent): ProposalCommand | undefined {
  switch (event.type) {
    case 'SupportExpressed':
      return { type: 'ExpressSupport', data: { participantId: event.data.participantId, occurredAt: event.data.occurredAt } };
    case 'ObjectionRaised':
      return { type: 'RaiseObjection', data: { participantId: event.data.participantId, grounds: event.data.grounds, occurredAt: event.data.occurredAt } };
    case 'ObjectionWithdrawn':
      return { type: 'WithdrawObjection', data: { participantId: event.data.participantId, occurredAt: event.data.occurredAt } };
    case 'ProposalRevised':
      return { type: 'ReviseProposal', data: { text: event.data.text, occurredAt: event.data.occurredAt } };
    default:
      return undefined;
  }
}

const foldBody = (state: BodyState, { event }: RecordedEvent): BodyState => (isBodyEvent(event) ? evolveBody(state, event) : state);
const foldProposal = (state: ProposalState, { event }: RecordedEvent): ProposalState => (isProposalEvent(event) ? evolveProposal(state, event) : state);

/**
 * Judges the participation records of an import by the ledger's own rules, as the API would have:
 * the proposal as it stood, the body as it stood on the record's date (rules 1, 2 and 4). Records
 * decided with facts of other streams (tabling, decisions, deferral) are checked by shape only.
 */
export class ImportRules {
  private readonly bodies = new Map<string, AggregateTimeline<BodyState>>();
  private readonly proposals = new Map<string, AggregateTimeline<ProposalState>>();

  constructor(private readonly policy: ConsensusPolicy) {}

  /** Why the ledger would have refused this record, if it would have; then the record is taken into account. */
  check(imported: ImportedEvent): string | undefined {
    const { stream, event: stored, position, streamRevision } = imported;
    const event = { type: stored.type, data: upcast(stored.type, stored.schemaVersion, stored.data).data } as GovernanceEvent;
    const recorded: RecordedEvent = { ...stored, position, streamRevision, recordedAt: stored.metadata.recordedAt, actor: stored.metadata.actor, event };
    const parsed = parseStream(stream);
    const timeline =
      parsed?.kind === 'body'
        ? this.timeline(this.bodies, parsed.id, stream, initialBodyState, foldBody)
        : parsed?.kind === 'proposal'
          ? this.timeline(this.proposals, parsed.id, stream, initialProposalState, foldProposal)
          : undefined;
    if (!timeline) return undefined;
    const problem = parsed?.kind === 'proposal' ? this.refusal(event, this.proposals.get(parsed.id)?.state ?? initialProposalState, recorded.recordedAt) : undefined;
    if (event.type === 'CorrectionRecorded') timeline.correct({ ...recorded, ...event.data });
    else timeline.append(recorded);
    return problem;
  }

  private refusal(event: GovernanceEvent, proposal: ProposalState, recordedAt: string): string | undefined {
    const command = participationCommand(event);
    if (!command || proposal.status === 'unknown') return undefined;
    const moment = event.data.occurredAt;
    const body = this.bodies.get(proposal.bodyId)?.at({ position: Number.MAX_SAFE_INTEGER, effectiveAt: moment, moment })?.state ?? initialBodyState;
    try {
      const [decided] = decideProposal(command, proposal, { body, policy: this.policy }, { now: recordedAt });
      if (decided && canonicalJson(decided.data) !== canonicalJson(event.data)) {
        return `${event.type} does not match what the ledger would have recorded: ${canonicalJson(decided.data)}`;
      }
      return undefined;
    } catch (error) {
      if (error instanceof DomainError) return `${event.type} breaks a rule of the ledger (${error.code}): ${error.message}`;
      throw error;
    }
  }

  private timeline<S>(map: Map<string, AggregateTimeline<S>>, id: string, stream: string, initial: S, fold: (state: S, recorded: RecordedEvent) => S): AggregateTimeline<S> {
    const existing = map.get(id);
    if (existing) return existing;
    const made = new AggregateTimeline(stream, initial, fold);
    map.set(id, made);
    return made;
  }
}
