import { MeetingEvent, MeetingKind } from './meeting-events';

export type MeetingState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'open' | 'closed';
      readonly meetingId: string;
      readonly bodyId: string;
      readonly kind: MeetingKind;
      readonly convenedAt: string;
      readonly closedAt: string | null;
      readonly communique: 'adopted' | 'not-adopted' | null;
    };

export type ConvenedMeeting = Extract<MeetingState, { status: 'open' | 'closed' }>;

export const initialMeetingState: MeetingState = { status: 'unknown' };

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingConvened') {
    const { meetingId, bodyId, kind, occurredAt } = event.data;
    return { status: 'open', meetingId, bodyId, kind, convenedAt: occurredAt, closedAt: null, communique: null };
  }
  if (state.status === 'unknown') return state;
  switch (event.type) {
    case 'StatementRecorded':
      return state;
    case 'CommuniqueAdopted':
      return { ...state, communique: 'adopted' };
    case 'CommuniqueNotAdopted':
      return { ...state, communique: 'not-adopted' };
    case 'MeetingClosed':
      return { ...state, status: 'closed', closedAt: event.data.occurredAt };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
