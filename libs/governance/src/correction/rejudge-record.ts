import { decideBody } from '../body/decide-body';
import { BodyEvent } from '../body/body-events';
import { BodyState, initialBodyState } from '../body/body-state';
import { evolveBody } from '../body/evolve-body';
import { GovernanceEvent } from '../events';
import { CommandContext } from '../shared/command-context';
import { IdentifiedEvent } from './apply-corrections';

/**
 * A corrected office is held to the rules its command was: the command that would have recorded it
 * with the corrected values is decided against the body as its stream stood just before the record,
 * and refused the same way (a suspended participant, a term already taken, succession without
 * having been Vice-Chair). `stream` is the record's stream as it reads now, corrections applied.
 * Records whose correctable fields no rule looks at (names, texts, dates) pass as they are.
 */
export function rejudgeCorrectedRecord(stream: readonly IdentifiedEvent[], eventId: string, corrected: GovernanceEvent, context: CommandContext): void {
  switch (corrected.type) {
    case 'ChairAssigned': {
      const { participantId, term, basis, occurredAt } = corrected.data;
      decideBody({ type: 'AssignChair', data: { participantId, term, basis, occurredAt } }, bodyBefore(stream, eventId), context);
      return;
    }
    case 'ViceChairSelected': {
      const { participantId, term, occurredAt } = corrected.data;
      decideBody({ type: 'SelectViceChair', data: { participantId, term, occurredAt } }, bodyBefore(stream, eventId), context);
      return;
    }
    default:
      return;
  }
}

function bodyBefore(stream: readonly IdentifiedEvent[], eventId: string): BodyState {
  const index = stream.findIndex((identified) => identified.eventId === eventId);
  return stream
    .slice(0, index === -1 ? stream.length : index)
    .map(({ event }) => event as BodyEvent)
    .reduce(evolveBody, initialBodyState);
}
