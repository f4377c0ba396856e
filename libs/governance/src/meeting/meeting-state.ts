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
      /** The latest `occurredAt` among its records: a closure dated before it would leave one after the meeting closed. */
      readonly latestRecordAt: string;
      readonly communique: 'adopted' | 'not-adopted' | null;
    };

export type ConvenedMeeting = Extract<MeetingState, { status: 'open' | 'closed' }>;

export const initialMeetingState: MeetingState = { status: 'unknown' };

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingConvened') {
    const { meetingId, bodyId, kind, occurredAt } = event.data;
    return { status: 'open', meetingId, bodyId, kind, convenedAt: occurredAt, closedAt: null, communique: null, latestRecordAt: occurredAt };
  }
  if (state.status === 'unknown') return state;
  const dated = withRecordAt(state, event.data.occurredAt);
  switch (event.type) {
    case 'StatementRecorded':
      return dated;
    case 'CommuniqueAdopted':
      return { ...dated, communique: 'adopted' };
    case 'CommuniqueNotAdopted':
      return { ...dated, communique: 'not-adopted' };
    case 'MeetingClosed':
      return { ...dated, status: 'closed', closedAt: event.data.occurredAt };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function withRecordAt(state: ConvenedMeeting, occurredAt: string): ConvenedMeeting {
  return occurredAt > state.latestRecordAt ? { ...state, latestRecordAt: occurredAt } : state;
}
