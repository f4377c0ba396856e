import { at, INTERSESSIONAL_2022, intersessional2022, KP, meetingOf } from '../testing/kimberley-process';
import { MeetingEvent } from './meeting-events';
import { evolveMeeting, initialMeetingState } from './meeting-state';

const statement: MeetingEvent = {
  type: 'StatementRecorded',
  data: {
    meetingId: INTERSESSIONAL_2022,
    speakerId: 'ru',
    speakerRole: 'participant',
    proposalId: null,
    summary: 'politicisation',
    occurredAt: at('2022-06-21'),
  },
};
const closed: MeetingEvent = { type: 'MeetingClosed', data: { meetingId: INTERSESSIONAL_2022, occurredAt: at('2022-06-24T18:00:00Z') } };

describe('evolveMeeting', () => {
  it('is unknown before MeetingConvened, and ignores other events', () => {
    expect(meetingOf()).toEqual(initialMeetingState);
    expect(meetingOf(statement, closed)).toEqual({ status: 'unknown' });
  });

  it('is open after MeetingConvened, with no closure and no communiqué', () => {
    expect(meetingOf(intersessional2022)).toEqual({
      status: 'open',
      meetingId: INTERSESSIONAL_2022,
      bodyId: KP,
      kind: 'intersessional',
      convenedAt: intersessional2022.data.occurredAt,
      closedAt: null,
      communique: null,
      latestRecordAt: intersessional2022.data.occurredAt,
    });
  });

  it('keeps only the date of a StatementRecorded, the latest among its records', () => {
    const open = meetingOf(intersessional2022);
    expect(evolveMeeting(open, statement)).toEqual({ ...open, latestRecordAt: at('2022-06-21') });
    const lateEntry: MeetingEvent = { ...statement, data: { ...statement.data, occurredAt: at('2022-06-20') } };
    expect(meetingOf(intersessional2022, statement, lateEntry)).toEqual({ ...open, latestRecordAt: at('2022-06-21') });
  });

  it('remembers an adopted communiqué', () => {
    const adopted: MeetingEvent = { type: 'CommuniqueAdopted', data: { meetingId: INTERSESSIONAL_2022, text: 'communiqué', occurredAt: at('2022-06-24') } };
    expect(meetingOf(intersessional2022, adopted)).toMatchObject({ status: 'open', communique: 'adopted' });
  });

  it('remembers a communiqué that was not adopted', () => {
    const notAdopted: MeetingEvent = {
      type: 'CommuniqueNotAdopted',
      data: { meetingId: INTERSESSIONAL_2022, reason: 'no consensus', occurredAt: at('2022-06-24') },
    };
    expect(meetingOf(intersessional2022, notAdopted)).toMatchObject({ communique: 'not-adopted' });
  });

  it('is closed after MeetingClosed, at the world time of the closure', () => {
    expect(meetingOf(intersessional2022, statement, closed)).toMatchObject({ status: 'closed', closedAt: at('2022-06-24T18:00:00Z') });
  });
});
