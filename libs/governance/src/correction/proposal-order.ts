import { GovernanceEvent } from '../events';
import { DomainError } from '../shared/domain-error';
import { IdentifiedEvent } from './apply-corrections';

/** A record that breaks the order, and the refusal of a correction that would make it so. */
export interface OrderProblem {
  readonly eventId: string;
  readonly refusal: DomainError;
}

/**
 * Rule 8 within a proposal's stream, as its commands are held to it when recorded
 * (`decideProposal`): support and objections are dated no earlier than the revision they are on,
 * an objection's withdrawal no earlier than the objection, and a revision, a withdrawal or a
 * decision no earlier than any record before it, and a participant's support, objection or
 * withdrawal of it no earlier than that participant's own such record before it. Every record of `events` (the stream as it reads,
 * corrections applied, in stream order) that breaks it, in stream order; none when the stream keeps
 * it or is not a proposal's.
 */
export function proposalOrderProblems(events: readonly IdentifiedEvent[]): OrderProblem[] {
  const problems: OrderProblem[] = [];
  const revisedAt = new Map<number, string>();
  const objectedAt = new Map<string, string>();
  const ownLatestAt = new Map<string, string>();
  let latest = '';
  for (const { eventId, event } of events) {
    const occurredAt = event.data.occurredAt;
    const earliest = latestOf(earliestFor(event, revisedAt, objectedAt, latest), ownEarliestFor(event, ownLatestAt));
    if (earliest !== undefined && occurredAt < earliest) {
      const message = `after this correction a ${event.type} would be dated ${occurredAt}, before ${earliest}, the record it follows`;
      problems.push({ eventId, refusal: new DomainError('occurred-out-of-order', message, { occurredAt, earliest, dependentType: event.type }) });
    }
    if (event.type === 'ProposalTabled' || event.type === 'DefinitionAmendmentProposed') revisedAt.set(1, occurredAt);
    if (event.type === 'ProposalRevised') revisedAt.set(event.data.revision, occurredAt);
    if (event.type === 'ObjectionRaised') objectedAt.set(event.data.participantId, occurredAt);
    if (isOwnRecord(event) && occurredAt > (ownLatestAt.get(event.data.participantId) ?? '')) ownLatestAt.set(event.data.participantId, occurredAt);
    if (occurredAt > latest) latest = occurredAt;
  }
  return problems;
}

/** The earliest date the record may bear after the records before it, or undefined when they set none. */
function earliestFor(
  event: GovernanceEvent,
  revisedAt: ReadonlyMap<number, string>,
  objectedAt: ReadonlyMap<string, string>,
  latest: string,
): string | undefined {
  switch (event.type) {
    case 'SupportExpressed':
    case 'ObjectionRaised':
      return revisedAt.get(event.data.revision);
    case 'ObjectionWithdrawn':
      return objectedAt.get(event.data.participantId);
    case 'ProposalRevised':
    case 'ProposalWithdrawn':
    case 'ConsensusDeclared':
    case 'NoConsensusRecorded':
      return latest === '' ? undefined : latest;
    default:
      return undefined;
  }
}

type OwnRecord = Extract<GovernanceEvent, { type: 'SupportExpressed' | 'ObjectionRaised' | 'ObjectionWithdrawn' }>;

function isOwnRecord(event: GovernanceEvent): event is OwnRecord {
  return event.type === 'SupportExpressed' || event.type === 'ObjectionRaised' || event.type === 'ObjectionWithdrawn';
}

/** A participant's support, objection or withdrawal of it follows that participant's own such records. */
function ownEarliestFor(event: GovernanceEvent, ownLatestAt: ReadonlyMap<string, string>): string | undefined {
  return isOwnRecord(event) ? ownLatestAt.get(event.data.participantId) : undefined;
}

function latestOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}
