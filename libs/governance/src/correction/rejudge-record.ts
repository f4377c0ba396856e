import { BodyCommand } from '../body/body-commands';
import { decideBody } from '../body/decide-body';
import { BodyEvent } from '../body/body-events';
import { BodyState, initialBodyState } from '../body/body-state';
import { evolveBody } from '../body/evolve-body';
import { GovernanceEvent } from '../events';
import { CommandContext } from '../shared/command-context';
import { IdentifiedEvent } from './apply-corrections';

const OFFICES: ReadonlySet<string> = new Set(['ChairAssigned', 'ViceChairSelected']);

/**
 * A corrected office is held to the rules its command was, and so is every office recorded after it
 * in the body's stream, since one may have depended on it (a succession needs the previous term's
 * Vice-Chair, a custodial Chair the previous term's Chair). Each office is decided again as the
 * command that would record it, against the body as the stream stood just before it, the
 * correction applied; the first that its rules refuse refuses the correction with its code.
 * `stream` is the record's stream as it reads now, corrections applied. Records whose correctable
 * fields no rule looks at (names, texts, dates of other records) pass as they are.
 */
export function rejudgeCorrectedRecord(stream: readonly IdentifiedEvent[], eventId: string, corrected: GovernanceEvent, context: CommandContext): void {
  if (!OFFICES.has(corrected.type)) return;
  const index = stream.findIndex((identified) => identified.eventId === eventId);
  if (index === -1) throw new Error(`the corrected record ${eventId} is not in the stream given`);
  const events = stream.map(({ event }, at) => (at === index ? corrected : event) as BodyEvent);
  let state: BodyState = events.slice(0, index).reduce(evolveBody, initialBodyState);
  for (const event of events.slice(index)) {
    const command = officeCommand(event);
    if (command) decideBody(command, state, context);
    state = evolveBody(state, event);
  }
}

function officeCommand(event: BodyEvent): BodyCommand | undefined {
  switch (event.type) {
    case 'ChairAssigned': {
      const { participantId, term, basis, occurredAt } = event.data;
      return { type: 'AssignChair', data: { participantId, term, basis, occurredAt } };
    }
    case 'ViceChairSelected': {
      const { participantId, term, occurredAt } = event.data;
      return { type: 'SelectViceChair', data: { participantId, term, occurredAt } };
    }
    default:
      return undefined;
  }
}
