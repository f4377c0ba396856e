import { isProposalEvent, GovernanceEvent } from '../events';
import { DeclareOutcome } from '../proposal/proposal-commands';
import { decideProposal, ProposalFacts } from '../proposal/decide-proposal';
import { evolveProposal } from '../proposal/evolve-proposal';
import { initialProposalState, ProposalState } from '../proposal/proposal-state';
import { CommandContext } from '../shared/command-context';
import { refuse } from '../shared/domain-error';
import { IdentifiedEvent } from './apply-corrections';
import { CorrectedValue } from './correction-events';

const DECISIONS: ReadonlySet<string> = new Set(['ConsensusDeclared', 'NoConsensusRecorded']);

export function isDecision(type: string): boolean {
  return DECISIONS.has(type);
}

/** The outcome a decision event records: its type. */
export function outcomeOf(type: string): 'consensus' | 'no-consensus' {
  return type === 'ConsensusDeclared' ? 'consensus' : 'no-consensus';
}

/** The command that would record the decision as it reads with the correction applied. */
export function decisionCommandOf(corrected: GovernanceEvent): DeclareOutcome {
  if (corrected.type !== 'ConsensusDeclared' && corrected.type !== 'NoConsensusRecorded') throw new TypeError(`${corrected.type} is not a decision`);
  const { declaredBy, meetingId, revision, occurredAt } = corrected.data;
  return { type: 'DeclareOutcome', data: { outcome: outcomeOf(corrected.type), declaredBy, meetingId, revision, occurredAt } };
}

/** The proposal as its stream stood just before the record at `index`, corrections applied. */
function proposalBefore(stream: readonly IdentifiedEvent[], index: number): ProposalState {
  return stream
    .slice(0, index)
    .map(({ event }) => event)
    .filter(isProposalEvent)
    .reduce(evolveProposal, initialProposalState);
}

/**
 * A corrected decision is decided again as the command that would record it, against the proposal
 * as its stream stood just before it and the body on the decision's (corrected) date: consensus
 * over a standing objection is refused `objections-standing`, a declarant who did not chair that
 * term `not-the-chair`, as the original record would have been. Returns what the re-decision works
 * out that the correction must carry for the decision to read right: the capacity the declarant
 * acted in, and for no consensus the participants whose objections stood.
 */
export function rejudgeCorrectedDecision(
  stream: readonly IdentifiedEvent[],
  eventId: string,
  original: GovernanceEvent,
  corrected: GovernanceEvent,
  facts: ProposalFacts,
  context: CommandContext,
): Record<string, CorrectedValue> {
  const index = stream.findIndex((identified) => identified.eventId === eventId);
  if (index === -1) throw new Error(`the corrected decision ${eventId} is not in the stream given`);
  const before = proposalBefore(stream, index);
  if (before.status !== 'unknown' && before.kind === 'definition-amendment' && original.type !== corrected.type) {
    refuse(
      'correction-not-applicable',
      'the outcome of a decision on a definition amendment is not correctable: the amendment, adopted, changes the definition in force, and only a new amendment may change it again (rule 6)',
      {
        field: 'outcome',
      },
    );
  }
  const [decided] = decideProposal(decisionCommandOf(corrected), before, facts, context);
  if (decided === undefined || (decided.type !== 'ConsensusDeclared' && decided.type !== 'NoConsensusRecorded')) {
    throw new Error('a decision was decided again as something else');
  }
  const derived: Record<string, CorrectedValue> = {};
  const originalData = original.data as Readonly<Record<string, unknown>>;
  if (decided.data.declaredAs !== originalData.declaredAs) derived.declaredAs = decided.data.declaredAs;
  if (
    decided.type === 'NoConsensusRecorded' &&
    (original.type !== decided.type || !sameList(originalData.blockingParticipants, decided.data.blockingParticipants))
  ) {
    derived.blockingParticipants = decided.data.blockingParticipants;
  }
  return derived;
}

function sameList(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((item, index) => item === b[index]);
}

/** What a stored correction of each type may carry that the ledger worked out, never a clerk's to give. */
const DERIVED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ConsensusDeclared: ['declaredAs', 'blockingParticipants'],
  NoConsensusRecorded: ['declaredAs', 'blockingParticipants'],
  ChairAssigned: ['previousViceChair'],
};

/** A stored correction without what deciding the record again worked out: the values a clerk gave. */
export function withoutDerivedFields(correctedType: string, corrections: Readonly<Record<string, CorrectedValue>>): Record<string, CorrectedValue> {
  const derived = DERIVED_FIELDS[correctedType] ?? [];
  return Object.fromEntries(Object.entries(corrections).filter(([field]) => !derived.includes(field)));
}
