import { GovernanceEvent } from '../events';
import { isOwnRecord, OWN_RECORD_NAMES } from '../proposal/own-records';
import { DomainError } from '../shared/domain-error';
import { IdentifiedEvent } from './apply-corrections';

/** A record that breaks the order, and the refusal of a correction that would make it so. */
export interface OrderProblem {
  readonly eventId: string;
  readonly refusal: DomainError;
}

/** The date a record may not precede, and what bears it, in words. */
interface Bound {
  readonly earliest: string;
  readonly what: string;
}

/** What the records before a record in the stream set for it, as the walk goes. */
interface Seen {
  readonly revisedAt: Map<number, string>;
  readonly objectedAt: Map<string, string>;
  /** Participant id -> its latest support, objection or withdrawal of it, by date, in words. */
  readonly ownLatest: Map<string, Bound>;
  deferredAt: string | undefined;
  latest: string | undefined;
}

/**
 * Rule 8 within a proposal's stream, as its commands are held to it when recorded
 * (`decideProposal`): support and objections are dated no earlier than the revision they are on,
 * an objection's withdrawal no earlier than the objection, a participant's support, objection or
 * withdrawal of it no earlier than that participant's own such record before it, a deferral no
 * earlier than the deferral before it, and a revision, a withdrawal or a decision no earlier than
 * any record before it. Every record of `events` (the stream as it reads, corrections applied, in
 * stream order) that breaks it, in stream order; none when the stream keeps it or is not a
 * proposal's. The refusal names the record that no longer fits (`dependentType`,
 * `dependentOccurredAt`), the date it may not precede (`earliest`) and what bears that date.
 */
export function proposalOrderProblems(events: readonly IdentifiedEvent[]): OrderProblem[] {
  const problems: OrderProblem[] = [];
  const seen: Seen = { revisedAt: new Map(), objectedAt: new Map(), ownLatest: new Map(), deferredAt: undefined, latest: undefined };
  for (const { eventId, event } of events) {
    const occurredAt = event.data.occurredAt;
    const bound = latestBound(boundsFor(event, seen));
    if (bound !== undefined && occurredAt < bound.earliest) problems.push({ eventId, refusal: refusalOf(event, bound) });
    remember(event, seen);
  }
  return problems;
}

function refusalOf(event: GovernanceEvent, { earliest, what }: Bound): DomainError {
  const { occurredAt } = event.data;
  const whose = isOwnRecord(event) ? `${event.data.participantId}'s ` : '';
  const message = `after this correction ${whose}${event.type} record would be dated ${occurredAt}, before ${what} (${earliest}), which it must follow`;
  return new DomainError('occurred-out-of-order', message, { dependentType: event.type, dependentOccurredAt: occurredAt, earliest });
}

/** Every date the records before `event` set for it. */
function boundsFor(event: GovernanceEvent, seen: Seen): (Bound | undefined)[] {
  switch (event.type) {
    case 'SupportExpressed':
    case 'ObjectionRaised':
      return [revisionBound(seen, event.data.revision), seen.ownLatest.get(event.data.participantId)];
    case 'ObjectionWithdrawn': {
      const objected = seen.objectedAt.get(event.data.participantId);
      return [objected === undefined ? undefined : { earliest: objected, what: 'the objection it withdraws' }, seen.ownLatest.get(event.data.participantId)];
    }
    case 'ProposalDeferred':
      return [seen.deferredAt === undefined ? undefined : { earliest: seen.deferredAt, what: 'the deferral before it' }];
    case 'ProposalRevised':
    case 'ProposalWithdrawn':
    case 'ConsensusDeclared':
    case 'NoConsensusRecorded':
      return [seen.latest === undefined ? undefined : { earliest: seen.latest, what: 'the latest record before it on the proposal' }];
    default:
      return [];
  }
}

function revisionBound(seen: Seen, revision: number): Bound | undefined {
  const revisedAt = seen.revisedAt.get(revision);
  return revisedAt === undefined ? undefined : { earliest: revisedAt, what: `revision ${revision}, which it is on` };
}

function remember(event: GovernanceEvent, seen: Seen): void {
  const { occurredAt } = event.data;
  if (event.type === 'ProposalTabled' || event.type === 'DefinitionAmendmentProposed') seen.revisedAt.set(1, occurredAt);
  if (event.type === 'ProposalRevised') seen.revisedAt.set(event.data.revision, occurredAt);
  if (event.type === 'ObjectionRaised') seen.objectedAt.set(event.data.participantId, occurredAt);
  if (event.type === 'ProposalDeferred' && occurredAt > (seen.deferredAt ?? '')) seen.deferredAt = occurredAt;
  if (isOwnRecord(event)) {
    const { participantId } = event.data;
    if (occurredAt > (seen.ownLatest.get(participantId)?.earliest ?? '')) {
      seen.ownLatest.set(participantId, { earliest: occurredAt, what: `${participantId}'s ${OWN_RECORD_NAMES[event.type]}` });
    }
  }
  if (occurredAt > (seen.latest ?? '')) seen.latest = occurredAt;
}

function latestBound(bounds: readonly (Bound | undefined)[]): Bound | undefined {
  return bounds.reduce<Bound | undefined>(
    (latest, bound) => (bound !== undefined && (latest === undefined || bound.earliest > latest.earliest) ? bound : latest),
    undefined,
  );
}
