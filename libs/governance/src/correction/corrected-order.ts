import { GovernanceEvent } from '../events';
import { refuse } from '../shared/domain-error';
import { IdentifiedEvent, withCorrection } from './apply-corrections';
import { CorrectedValue } from './correction-events';

const OPENINGS = new Set(['BodyEstablished', 'MeetingConvened', 'DefinitionAmendmentProposed', 'ProposalTabled']);
const CLOSINGS = new Set(['MeetingClosed', 'ConsensusDeclared', 'NoConsensusRecorded', 'ProposalWithdrawn']);

const dateOf = (event: GovernanceEvent): string => event.data.occurredAt;

/**
 * A corrected date must leave its stream in an order the rules could have accepted: nothing before
 * the event that opened the stream, nothing after the one that closed it. (A decision moved into
 * another term is decided again there, `rejudgeCorrectedDecision`: its declarant must have chaired
 * that term, or acted for its Chair.) `stream` is the stream as it reads now.
 */
export function assertCorrectedOrder(stream: readonly IdentifiedEvent[], targetEventId: string, corrections: Readonly<Record<string, CorrectedValue>>): void {
  if (typeof corrections.occurredAt !== 'string') return;
  const target = stream.find((identified) => identified.eventId === targetEventId);
  if (!target) return;
  const corrected = stream.map(({ eventId, event }) => (eventId === targetEventId ? withCorrection(event, corrections) : event));
  const opening = corrected.find((event) => OPENINGS.has(event.type));
  const closing = corrected.find((event) => CLOSINGS.has(event.type));
  // Refused as a command dated so would be (occurred-out-of-order), naming the record that no longer
  // fits, its date, and the date it must follow, as the proposal's own order rules do.
  const earliest = corrected.reduce((first, event) => (dateOf(event) < dateOf(first) ? event : first));
  if (opening && dateOf(earliest) < dateOf(opening)) {
    refuse(
      'occurred-out-of-order',
      `after this correction the ${earliest.type} record would be dated ${dateOf(earliest)}, before the ${opening.type} that opened its stream (${dateOf(opening)})`,
      { dependentType: earliest.type, dependentOccurredAt: dateOf(earliest), earliest: dateOf(opening) },
    );
  }
  const latest = corrected
    .filter((event) => event !== closing)
    .reduce<GovernanceEvent | undefined>((last, event) => (last === undefined || dateOf(event) > dateOf(last) ? event : last), undefined);
  if (closing && latest && dateOf(latest) > dateOf(closing)) {
    refuse(
      'occurred-out-of-order',
      `after this correction the ${closing.type} that closed its stream would be dated ${dateOf(closing)}, before the ${latest.type} record (${dateOf(latest)})`,
      { dependentType: closing.type, dependentOccurredAt: dateOf(closing), earliest: dateOf(latest) },
    );
  }
}
