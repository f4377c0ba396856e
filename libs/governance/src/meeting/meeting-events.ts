import { MemberRole } from '../body/body-events';
import { IsoDateTime } from '../shared/time';

export type MeetingKind = 'plenary' | 'intersessional' | 'special' | 'written-procedure';
export const MEETING_KINDS: readonly MeetingKind[] = ['plenary', 'intersessional', 'special', 'written-procedure'];

export type MeetingConvened = {
  readonly type: 'MeetingConvened';
  readonly data: {
    meetingId: string;
    bodyId: string;
    kind: MeetingKind;
    location: string;
    opensOn: string;
    closesOn: string;
    occurredAt: IsoDateTime;
  };
};
export type StatementRecorded = {
  readonly type: 'StatementRecorded';
  readonly data: {
    meetingId: string;
    speakerId: string;
    speakerRole: MemberRole;
    proposalId: string | null;
    summary: string;
    occurredAt: IsoDateTime;
  };
};
export type CommuniqueAdopted = {
  readonly type: 'CommuniqueAdopted';
  readonly data: { meetingId: string; text: string; occurredAt: IsoDateTime };
};
export type CommuniqueNotAdopted = {
  readonly type: 'CommuniqueNotAdopted';
  readonly data: { meetingId: string; reason: string; occurredAt: IsoDateTime };
};
export type MeetingClosed = {
  readonly type: 'MeetingClosed';
  readonly data: { meetingId: string; occurredAt: IsoDateTime };
};

export type MeetingEvent = MeetingConvened | StatementRecorded | CommuniqueAdopted | CommuniqueNotAdopted | MeetingClosed;

export const MEETING_EVENT_TYPES = [
  'MeetingConvened',
  'StatementRecorded',
  'CommuniqueAdopted',
  'CommuniqueNotAdopted',
  'MeetingClosed',
] as const satisfies readonly MeetingEvent['type'][];
