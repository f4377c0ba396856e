import { BodyState, initialBodyState } from '../body/body-state';
import { CommandContext } from '../shared/command-context';
import { givenWhenThen } from '../testing/given-when-then';
import {
  at,
  CONTEXT,
  DEFINITION_PROPOSAL,
  INTERSESSIONAL_2022,
  intersessional2022,
  KP,
  kpBody,
  memberWithdrew,
  OTHER_BODY,
  participantSuspended,
} from '../testing/kimberley-process';
import { decideMeeting, MeetingFacts } from './decide-meeting';
import { MeetingCommand } from './meeting-commands';
import { MeetingEvent } from './meeting-events';
import { evolveMeeting, initialMeetingState, MeetingState } from './meeting-state';

const meeting = (facts: MeetingFacts = { body: kpBody() }, context: CommandContext = CONTEXT) =>
  givenWhenThen<MeetingCommand, MeetingState, MeetingEvent>({
    initialState: initialMeetingState,
    evolve: evolveMeeting,
    decide: (command, state) => decideMeeting(command, state, facts, context),
  });

const convene: MeetingCommand = { type: 'ConveneMeeting', data: { ...intersessional2022.data } };
const statement = (speakerId: string, occurredAt = at('2022-06-21'), proposalId: string | null = null): MeetingCommand => ({
  type: 'RecordStatement',
  data: { speakerId, proposalId, summary: `${speakerId} spoke`, occurredAt },
});
const statementRecorded = (speakerId: string, speakerRole: 'participant' | 'observer', occurredAt = at('2022-06-21')): MeetingEvent => ({
  type: 'StatementRecorded',
  data: { meetingId: INTERSESSIONAL_2022, speakerId, speakerRole, proposalId: null, summary: `${speakerId} spoke`, occurredAt },
});
const communiqueAdopted = (occurredAt = at('2022-06-24')): MeetingCommand => ({
  type: 'RecordCommunique',
  data: { adopted: true, text: 'Final communiqué', occurredAt },
});
const communiqueNotAdopted: MeetingCommand = {
  type: 'RecordCommunique',
  data: { adopted: false, reason: 'no consensus on the text', occurredAt: at('2022-06-24') },
};
const close = (occurredAt = at('2022-06-24T18:00:00Z')): MeetingCommand => ({ type: 'CloseMeeting', data: { occurredAt } });
const closed = (occurredAt = at('2022-06-24T18:00:00Z')): MeetingEvent => ({ type: 'MeetingClosed', data: { meetingId: INTERSESSIONAL_2022, occurredAt } });

describe('decideMeeting', () => {
  describe('MeetingConvened', () => {
    it('is recorded with the body id taken from the body', () => {
      meeting().given([]).when(convene).thenEvents([intersessional2022]);
    });

    describe('when the meeting has already been convened', () => {
      it('is refused with meeting-already-convened', () => {
        const refused = meeting().given([intersessional2022]).when(convene).thenRefused('meeting-already-convened', { meetingId: INTERSESSIONAL_2022 });
        expect(refused.message).toBe(`meeting ${INTERSESSIONAL_2022} has already been convened`);
      });

      it("names the body it was convened by when that is another: ids are unique across the ledger's bodies", () => {
        const refused = meeting()
          .given([{ ...intersessional2022, data: { ...intersessional2022.data, bodyId: 'wdc' } } as MeetingEvent])
          .when(convene)
          .thenRefused('meeting-already-convened', { meetingId: INTERSESSIONAL_2022, bodyId: 'wdc' });
        expect(refused.message).toBe(`meeting ${INTERSESSIONAL_2022} has already been convened by body wdc (ids are unique across the ledger's bodies)`);
      });
    });

    describe('when the body has not been established', () => {
      it('is refused with body-not-found', () => {
        meeting({ body: initialBodyState }).given([]).when(convene).thenRefused('body-not-found');
      });
    });
  });

  describe('when the meeting has not been convened', () => {
    it.each<[string, MeetingCommand]>([
      ['RecordStatement', statement('ua')],
      ['RecordCommunique', communiqueAdopted()],
      ['CloseMeeting', close()],
    ])('%s is refused with meeting-not-found', (_name, command) => {
      meeting().given([]).when(command).thenRefused('meeting-not-found');
    });
  });

  describe('StatementRecorded', () => {
    it('is recorded for a participant, with its role (Ukraine)', () => {
      meeting()
        .given([intersessional2022])
        .when(statement('ua'))
        .thenEvents([statementRecorded('ua', 'participant')]);
    });

    it('is recorded for an observer, with its role (the Civil Society Coalition)', () => {
      meeting()
        .given([intersessional2022])
        .when(statement('csc'))
        .thenEvents([statementRecorded('csc', 'observer')]);
    });

    it('is recorded on a proposal of the same body', () => {
      meeting({ body: kpBody(), proposalBodyId: KP })
        .given([intersessional2022])
        .when(statement('ru', at('2022-06-21'), DEFINITION_PROPOSAL))
        .thenEvents([
          {
            type: 'StatementRecorded',
            data: {
              meetingId: INTERSESSIONAL_2022,
              speakerId: 'ru',
              speakerRole: 'participant',
              proposalId: DEFINITION_PROPOSAL,
              summary: 'ru spoke',
              occurredAt: at('2022-06-21'),
            },
          },
        ]);
    });

    describe('when the speaker is unknown', () => {
      it('is refused with not-a-member', () => {
        meeting().given([intersessional2022]).when(statement('ve')).thenRefused('not-a-member', { speakerId: 've' });
      });
    });

    describe('when the speaker has withdrawn', () => {
      it('is refused with not-a-member', () => {
        meeting({ body: kpBody(memberWithdrew('by')) })
          .given([intersessional2022])
          .when(statement('by'))
          .thenRefused('not-a-member');
      });

      it('is refused with not-a-member for a withdrawn observer too', () => {
        meeting({ body: kpBody(memberWithdrew('wdc', 'observer')) })
          .given([intersessional2022])
          .when(statement('wdc'))
          .thenRefused('not-a-member');
      });
    });

    describe('when the statement names a proposal that does not exist', () => {
      it('is refused with proposal-not-found when the proposal is known not to exist', () => {
        meeting({ body: kpBody(), proposalBodyId: null })
          .given([intersessional2022])
          .when(statement('ua', at('2022-06-21'), 'p-missing'))
          .thenRefused('proposal-not-found', { proposalId: 'p-missing' });
      });

      it('is refused with proposal-not-found when nothing is known about the proposal', () => {
        meeting({ body: kpBody() })
          .given([intersessional2022])
          .when(statement('ua', at('2022-06-21'), 'p-missing'))
          .thenRefused('proposal-not-found');
      });
    });

    describe('when the statement is dated before the proposal it names was tabled', () => {
      it('is refused with occurred-out-of-order, and taken from the tabling on', () => {
        const tabledLate = { body: kpBody(), proposalBodyId: KP, proposalTabledAt: at('2022-06-22T10:00:00Z') };
        meeting(tabledLate)
          .given([intersessional2022])
          .when(statement('ua', at('2022-06-21'), 'p-1'))
          .thenRefused('occurred-out-of-order');
        meeting(tabledLate)
          .given([intersessional2022])
          .when(statement('ua', at('2022-06-22T10:00:00Z'), 'p-1'))
          .thenEvents([
            {
              type: 'StatementRecorded',
              data: {
                meetingId: INTERSESSIONAL_2022,
                speakerId: 'ua',
                speakerRole: 'participant',
                proposalId: 'p-1',
                summary: expect.any(String),
                occurredAt: at('2022-06-22T10:00:00Z'),
              },
            },
          ]);
      });
    });

    describe('when the statement names a proposal of another body', () => {
      it('is refused with proposal-of-another-body', () => {
        meeting({ body: kpBody(), proposalBodyId: OTHER_BODY })
          .given([intersessional2022])
          .when(statement('ua', at('2022-06-21'), 'p-elsewhere'))
          .thenRefused('proposal-of-another-body', { proposalId: 'p-elsewhere' });
      });
    });

    describe('when the meeting is closed', () => {
      it('is refused with meeting-closed for a statement that occurred after the closure', () => {
        meeting()
          .given([intersessional2022, closed()])
          .when(statement('ua', at('2022-06-24T18:00:01Z')))
          .thenRefused('meeting-closed', { meetingId: INTERSESSIONAL_2022, closedAt: at('2022-06-24T18:00:00Z') });
      });

      it('accepts a late entry for a statement that occurred before the closure', () => {
        meeting()
          .given([intersessional2022, closed()])
          .when(statement('ua', at('2022-06-22')))
          .thenEvents([statementRecorded('ua', 'participant', at('2022-06-22'))]);
      });

      it('accepts a late entry that occurred at the very moment of closure', () => {
        const moment = at('2022-06-24T18:00:00Z');
        meeting()
          .given([intersessional2022, closed(moment)])
          .when(statement('ua', moment))
          .thenEvents([statementRecorded('ua', 'participant', moment)]);
      });
    });
  });

  describe('CommuniqueAdopted', () => {
    it('is recorded with its text', () => {
      meeting()
        .given([intersessional2022])
        .when(communiqueAdopted())
        .thenEvents([{ type: 'CommuniqueAdopted', data: { meetingId: INTERSESSIONAL_2022, text: 'Final communiqué', occurredAt: at('2022-06-24') } }]);
    });

    it('is accepted as a late entry on a closed meeting when adopted before the closure', () => {
      meeting()
        .given([intersessional2022, closed()])
        .when(communiqueAdopted(at('2022-06-24T17:00:00Z')))
        .thenEvents([
          { type: 'CommuniqueAdopted', data: { meetingId: INTERSESSIONAL_2022, text: 'Final communiqué', occurredAt: at('2022-06-24T17:00:00Z') } },
        ]);
    });

    describe('when a communiqué was already adopted', () => {
      it('is refused with communique-already-recorded', () => {
        meeting()
          .given([intersessional2022, { type: 'CommuniqueAdopted', data: { meetingId: INTERSESSIONAL_2022, text: 'x', occurredAt: at('2022-06-24') } }])
          .when(communiqueAdopted())
          .thenRefused('communique-already-recorded', { communique: 'adopted' });
      });
    });

    describe('when the meeting closed before the communiqué', () => {
      it('is refused with meeting-closed', () => {
        meeting()
          .given([intersessional2022, closed()])
          .when(communiqueAdopted(at('2022-06-25')))
          .thenRefused('meeting-closed');
      });
    });
  });

  describe('CommuniqueNotAdopted (Victoria Falls, 2023)', () => {
    it('is recorded with its reason', () => {
      meeting()
        .given([intersessional2022])
        .when(communiqueNotAdopted)
        .thenEvents([
          { type: 'CommuniqueNotAdopted', data: { meetingId: INTERSESSIONAL_2022, reason: 'no consensus on the text', occurredAt: at('2022-06-24') } },
        ]);
    });

    describe('when the communiqué was already recorded as not adopted', () => {
      it('is refused with communique-already-recorded', () => {
        meeting()
          .given([intersessional2022, { type: 'CommuniqueNotAdopted', data: { meetingId: INTERSESSIONAL_2022, reason: 'x', occurredAt: at('2022-06-24') } }])
          .when(communiqueAdopted())
          .thenRefused('communique-already-recorded', { communique: 'not-adopted' });
      });
    });

    describe('when a communiqué was already adopted', () => {
      it('is refused with communique-already-recorded', () => {
        meeting()
          .given([intersessional2022, { type: 'CommuniqueAdopted', data: { meetingId: INTERSESSIONAL_2022, text: 'x', occurredAt: at('2022-06-24') } }])
          .when(communiqueNotAdopted)
          .thenRefused('communique-already-recorded');
      });
    });
  });

  describe('MeetingClosed', () => {
    it('is recorded for an open meeting', () => {
      meeting().given([intersessional2022]).when(close()).thenEvents([closed()]);
    });

    describe('when the meeting is already closed', () => {
      it('is refused with meeting-closed for a later closure', () => {
        meeting()
          .given([intersessional2022, closed()])
          .when(close(at('2022-06-25')))
          .thenRefused('meeting-closed');
      });

      it('is refused with meeting-closed for an earlier closure, naming the closure recorded and what to do', () => {
        const { message } = meeting()
          .given([intersessional2022, closed()])
          .when(close(at('2022-06-24T12:00:00Z')))
          .thenRefused('meeting-closed', { closedAt: closed().data.occurredAt });
        expect(message).toContain(`was already closed, on ${closed().data.occurredAt}; correct that closure's date if it is wrong`);
      });
    });

    describe('when the meeting holds a record dated after the closure', () => {
      it('is refused with occurred-out-of-order for a statement made after it', () => {
        meeting()
          .given([intersessional2022, statementRecorded('ua', 'participant', at('2022-06-25'))])
          .when(close())
          .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-24T18:00:00Z'), earliest: at('2022-06-25') });
      });

      it('is refused with occurred-out-of-order for a communiqué adopted after it', () => {
        const adoptedLater: MeetingEvent = { type: 'CommuniqueAdopted', data: { meetingId: INTERSESSIONAL_2022, text: 'Final', occurredAt: at('2022-06-26') } };
        meeting()
          .given([intersessional2022, adoptedLater])
          .when(close())
          .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-24T18:00:00Z'), earliest: at('2022-06-26') });
      });

      it('is recorded at the same moment as its latest record', () => {
        meeting()
          .given([intersessional2022, statementRecorded('ua', 'participant', at('2022-06-24T18:00:00Z'))])
          .when(close())
          .thenEvents([closed()]);
      });
    });
  });

  describe('rule 8: occurredAt in the ledger’s future', () => {
    const context = { now: at('2022-06-21T12:00:00Z') };

    it.each<[string, MeetingEvent[], MeetingCommand]>([
      ['ConveneMeeting', [], { type: 'ConveneMeeting', data: { ...intersessional2022.data, occurredAt: at('2022-06-23') } }],
      ['RecordStatement', [intersessional2022], statement('ua', at('2022-06-22T12:00:01Z'))],
      ['RecordCommunique', [intersessional2022], communiqueAdopted()],
      ['CloseMeeting', [intersessional2022], close()],
    ])('%s is refused with occurred-in-future', (_name, history, command) => {
      meeting({ body: kpBody() }, context).given(history).when(command).thenRefused('occurred-in-future');
    });
  });

  it('lets a suspended participant make a statement, since a statement is not a decision', () => {
    meeting({ body: kpBody(participantSuspended('ru')) })
      .given([intersessional2022])
      .when(statement('ru'))
      .thenEvents([statementRecorded('ru', 'participant')]);
  });

  it('needs an established body for any command', () => {
    const unknownBody: BodyState = initialBodyState;
    meeting({ body: unknownBody }).given([intersessional2022]).when(statement('ua')).thenRefused('body-not-found');
  });
});
