import { BODY_EVENT_TYPES, BodyEvent } from './body/body-events';
import { CorrectionRecorded } from './correction/correction-events';
import { MEETING_EVENT_TYPES, MeetingEvent } from './meeting/meeting-events';
import { PROPOSAL_EVENT_TYPES, ProposalEvent } from './proposal/proposal-events';

export type GovernanceEvent = BodyEvent | MeetingEvent | ProposalEvent | CorrectionRecorded;
export type GovernanceEventType = GovernanceEvent['type'];

export const EVENT_TYPES: readonly GovernanceEventType[] = [...BODY_EVENT_TYPES, ...MEETING_EVENT_TYPES, ...PROPOSAL_EVENT_TYPES, 'CorrectionRecorded'];

export function isBodyEvent(event: GovernanceEvent): event is BodyEvent {
  return (BODY_EVENT_TYPES as readonly string[]).includes(event.type);
}
export function isMeetingEvent(event: GovernanceEvent): event is MeetingEvent {
  return (MEETING_EVENT_TYPES as readonly string[]).includes(event.type);
}
export function isProposalEvent(event: GovernanceEvent): event is ProposalEvent {
  return (PROPOSAL_EVENT_TYPES as readonly string[]).includes(event.type);
}
