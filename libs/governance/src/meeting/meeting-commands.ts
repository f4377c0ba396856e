import { IsoDateTime } from '../shared/time';
import { MeetingKind } from './meeting-events';

export type ConveneMeeting = {
  readonly type: 'ConveneMeeting';
  readonly data: {
    meetingId: string;
    kind: MeetingKind;
    location: string;
    opensOn: string;
    closesOn: string;
    occurredAt: IsoDateTime;
  };
};
export type RecordStatement = {
  readonly type: 'RecordStatement';
  readonly data: { speakerId: string; proposalId: string | null; summary: string; occurredAt: IsoDateTime };
};
export type RecordCommunique = {
  readonly type: 'RecordCommunique';
  readonly data: { adopted: true; text: string; occurredAt: IsoDateTime } | { adopted: false; reason: string; occurredAt: IsoDateTime };
};
export type CloseMeeting = {
  readonly type: 'CloseMeeting';
  readonly data: { occurredAt: IsoDateTime };
};

export type MeetingCommand = ConveneMeeting | RecordStatement | RecordCommunique | CloseMeeting;
