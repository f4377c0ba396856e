import { CommandContext } from '../shared/command-context';
import { givenWhenThen } from '../testing/given-when-then';
import {
  at,
  CONFLICT_DIAMONDS,
  CONTEXT,
  KP,
  KP_MEMBERSHIP,
  kpEstablished,
  chairAssigned,
  memberWithdrew,
  participantReinstated,
  participantSuspended,
  viceChairSelected,
} from '../testing/kimberley-process';
import { applyCorrections } from '../correction/apply-corrections';
import { CorrectionRecorded } from '../correction/correction-events';
import { BodyCommand } from './body-commands';
import { BodyEvent } from './body-events';
import { BodyState, initialBodyState } from './body-state';
import { decideBody } from './decide-body';
import { evolveBody } from './evolve-body';

const body = (context: CommandContext = CONTEXT) =>
  givenWhenThen<BodyCommand, BodyState, BodyEvent>({
    initialState: initialBodyState,
    evolve: evolveBody,
    decide: (command, state) => decideBody(command, state, context),
  });

const establish: BodyCommand = {
  type: 'EstablishBody',
  data: { bodyId: KP, name: 'Kimberley Process', definition: CONFLICT_DIAMONDS, occurredAt: at('2003-01-01') },
};
const admitUzbekistan: BodyCommand = {
  type: 'AdmitParticipant',
  data: { participantId: 'uz', name: 'Uzbekistan', kind: 'state', occurredAt: at('2024-11-08') },
};
const admit = (participantId: string, occurredAt = at('2024-11-08')): BodyCommand => ({
  type: 'AdmitParticipant',
  data: { participantId, name: participantId.toUpperCase(), kind: 'state', occurredAt },
});
const admitObserver = (observerId: string): BodyCommand => ({
  type: 'AdmitObserver',
  data: { observerId, name: observerId.toUpperCase(), occurredAt: at('2024-11-08') },
});
const suspend = (participantId: string): BodyCommand => ({
  type: 'SuspendParticipant',
  data: { participantId, reason: 'self-suspension', occurredAt: at('2022-06-01') },
});
const reinstate = (participantId: string): BodyCommand => ({
  type: 'ReinstateParticipant',
  data: { participantId, occurredAt: at('2022-06-01') },
});
const correctionOf = (correctsEventId: string, corrections: Record<string, string>): CorrectionRecorded => ({
  type: 'CorrectionRecorded',
  data: { correctsEventId, correctedType: 'ViceChairSelected', reason: 'mistyped', corrections, occurredAt: at('2023-01-01') },
});
const withdraw = (memberId: string): BodyCommand => ({ type: 'WithdrawMember', data: { memberId, occurredAt: at('2022-06-01') } });

describe('decideBody: membership', () => {
  describe('BodyEstablished', () => {
    it('is recorded for a body not yet established', () => {
      body().given([]).when(establish).thenEvents([kpEstablished]);
    });

    describe('when the body is already established', () => {
      it('is refused with body-already-established', () => {
        body().given([kpEstablished]).when(establish).thenRefused('body-already-established', { bodyId: KP });
      });
    });
  });

  describe('when the body has not been established', () => {
    it.each<[string, BodyCommand]>([
      ['AdmitParticipant', admitUzbekistan],
      ['AdmitObserver', admitObserver('adpa')],
      ['SuspendParticipant', suspend('ru')],
      ['ReinstateParticipant', reinstate('ru')],
      ['WithdrawMember', withdraw('ru')],
      ['SelectViceChair', { type: 'SelectViceChair', data: { participantId: 'bw', term: 2021, occurredAt: at('2020-11-15') } }],
      ['AssignChair', { type: 'AssignChair', data: { participantId: 'bw', term: 2022, basis: 'election', occurredAt: at('2022-01-01') } }],
    ])('%s is refused with body-not-found', (_name, command) => {
      body().given([]).when(command).thenRefused('body-not-found');
    });
  });

  describe('ParticipantAdmitted', () => {
    it('is recorded for a newcomer, carrying the body id', () => {
      body()
        .given(KP_MEMBERSHIP)
        .when(admitUzbekistan)
        .thenEvents([
          { type: 'ParticipantAdmitted', data: { bodyId: KP, participantId: 'uz', name: 'Uzbekistan', kind: 'state', occurredAt: at('2024-11-08') } },
        ]);
    });

    describe('when the participant is already a member', () => {
      it('is refused with already-a-member', () => {
        body().given(KP_MEMBERSHIP).when(admit('ru')).thenRefused('already-a-member', { memberId: 'ru', role: 'participant' });
      });
    });

    describe('when the candidate is already an observer', () => {
      it('is refused with already-a-member', () => {
        body().given(KP_MEMBERSHIP).when(admit('csc')).thenRefused('already-a-member', { memberId: 'csc', role: 'observer' });
      });
    });

    describe('when the participant is suspended', () => {
      it('is refused with already-a-member, since a suspended participant is still a member', () => {
        body()
          .given([...KP_MEMBERSHIP, participantSuspended('ru')])
          .when(admit('ru'))
          .thenRefused('already-a-member');
      });
    });

    describe('when the participant withdrew earlier', () => {
      it('is recorded again (re-admission)', () => {
        body()
          .given([...KP_MEMBERSHIP, memberWithdrew('ua')])
          .when(admit('ua', at('2024-01-01')))
          .thenEvents([{ type: 'ParticipantAdmitted', data: { bodyId: KP, participantId: 'ua', name: 'UA', kind: 'state', occurredAt: at('2024-01-01') } }]);
      });
    });
  });

  describe('ObserverAdmitted', () => {
    it('is recorded for a newcomer', () => {
      body()
        .given(KP_MEMBERSHIP)
        .when(admitObserver('adpa'))
        .thenEvents([{ type: 'ObserverAdmitted', data: { bodyId: KP, observerId: 'adpa', name: 'ADPA', occurredAt: at('2024-11-08') } }]);
    });

    describe('when the observer is already a member', () => {
      it('is refused with already-a-member', () => {
        body().given(KP_MEMBERSHIP).when(admitObserver('wdc')).thenRefused('already-a-member', { memberId: 'wdc', role: 'observer' });
      });
    });

    describe('when the candidate is already a participant', () => {
      it('is refused with already-a-member', () => {
        body().given(KP_MEMBERSHIP).when(admitObserver('eu')).thenRefused('already-a-member', { role: 'participant' });
      });
    });

    describe('when the observer withdrew earlier', () => {
      it('is recorded again', () => {
        body()
          .given([...KP_MEMBERSHIP, memberWithdrew('wdc', 'observer')])
          .when(admitObserver('wdc'))
          .thenEvents([{ type: 'ObserverAdmitted', data: { bodyId: KP, observerId: 'wdc', name: 'WDC', occurredAt: at('2024-11-08') } }]);
      });
    });
  });

  describe('ParticipantSuspended', () => {
    it('is recorded for an active participant', () => {
      body()
        .given(KP_MEMBERSHIP)
        .when(suspend('ru'))
        .thenEvents([{ type: 'ParticipantSuspended', data: { bodyId: KP, participantId: 'ru', reason: 'self-suspension', occurredAt: at('2022-06-01') } }]);
    });

    describe('when the participant is already suspended', () => {
      it('is refused with participant-suspended', () => {
        body()
          .given([...KP_MEMBERSHIP, participantSuspended('ru')])
          .when(suspend('ru'))
          .thenRefused('participant-suspended');
      });
    });

    describe('when the member is an observer', () => {
      it('is refused with not-a-participant', () => {
        body().given(KP_MEMBERSHIP).when(suspend('csc')).thenRefused('not-a-participant', { participantId: 'csc', role: 'observer' });
      });
    });

    describe('when the participant is unknown', () => {
      it('is refused with not-a-participant', () => {
        body().given(KP_MEMBERSHIP).when(suspend('ve')).thenRefused('not-a-participant', { participantId: 've' });
      });
    });

    describe('when the participant has withdrawn', () => {
      it('is refused with not-a-participant', () => {
        body()
          .given([...KP_MEMBERSHIP, memberWithdrew('by')])
          .when(suspend('by'))
          .thenRefused('not-a-participant');
      });
    });
  });

  describe('ParticipantReinstated', () => {
    it('is recorded for a suspended participant', () => {
      body()
        .given([...KP_MEMBERSHIP, participantSuspended('ru')])
        .when(reinstate('ru'))
        .thenEvents([{ type: 'ParticipantReinstated', data: { bodyId: KP, participantId: 'ru', occurredAt: at('2022-06-01') } }]);
    });

    describe('when the participant is active', () => {
      it('is refused with participant-not-suspended', () => {
        body().given(KP_MEMBERSHIP).when(reinstate('ru')).thenRefused('participant-not-suspended', { participantId: 'ru' });
      });
    });

    describe('when the participant was already reinstated', () => {
      it('is refused with participant-not-suspended', () => {
        body()
          .given([...KP_MEMBERSHIP, participantSuspended('ru'), participantReinstated('ru')])
          .when(reinstate('ru'))
          .thenRefused('participant-not-suspended');
      });
    });

    describe('when the member is an observer', () => {
      it('is refused with not-a-participant', () => {
        body().given(KP_MEMBERSHIP).when(reinstate('wdc')).thenRefused('not-a-participant');
      });
    });

    describe('when the participant is unknown', () => {
      it('is refused with not-a-participant', () => {
        body().given(KP_MEMBERSHIP).when(reinstate('ve')).thenRefused('not-a-participant');
      });
    });
  });

  describe('MemberWithdrew', () => {
    it('is recorded for a participant, with its role', () => {
      body()
        .given(KP_MEMBERSHIP)
        .when(withdraw('by'))
        .thenEvents([{ type: 'MemberWithdrew', data: { bodyId: KP, memberId: 'by', role: 'participant', occurredAt: at('2022-06-01') } }]);
    });

    it('is recorded for an observer, with its role', () => {
      body()
        .given(KP_MEMBERSHIP)
        .when(withdraw('csc'))
        .thenEvents([{ type: 'MemberWithdrew', data: { bodyId: KP, memberId: 'csc', role: 'observer', occurredAt: at('2022-06-01') } }]);
    });

    it('is recorded for a suspended participant', () => {
      body()
        .given([...KP_MEMBERSHIP, participantSuspended('ru')])
        .when(withdraw('ru'))
        .thenEvents([{ type: 'MemberWithdrew', data: { bodyId: KP, memberId: 'ru', role: 'participant', occurredAt: at('2022-06-01') } }]);
    });

    describe('when the member is unknown', () => {
      it('is refused with not-a-member', () => {
        body().given(KP_MEMBERSHIP).when(withdraw('ve')).thenRefused('not-a-member', { memberId: 've' });
      });
    });

    describe('when the member has already withdrawn', () => {
      it('is refused with not-a-member', () => {
        body()
          .given([...KP_MEMBERSHIP, memberWithdrew('by')])
          .when(withdraw('by'))
          .thenRefused('not-a-member');
      });
    });
  });

  describe("a member's own records, entered in the order they happened", () => {
    it('refuses a reinstatement dated before the suspension it would end', () => {
      body()
        .given([...KP_MEMBERSHIP, participantSuspended('ru', at('2022-07-01'))])
        .when(reinstate('ru'))
        .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-01'), earliest: at('2022-07-01') });
    });

    it('refuses a suspension dated before the reinstatement recorded last', () => {
      body()
        .given([...KP_MEMBERSHIP, participantSuspended('ru', at('2022-03-01')), participantReinstated('ru', at('2022-07-01'))])
        .when(suspend('ru'))
        .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-01'), earliest: at('2022-07-01') });
    });

    it('refuses a withdrawal dated before the suspension recorded last', () => {
      body()
        .given([...KP_MEMBERSHIP, participantSuspended('ru', at('2022-07-01'))])
        .when(withdraw('ru'))
        .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-01'), earliest: at('2022-07-01') });
    });

    it('refuses to admit a member again on a date before it withdrew, and admits it after', () => {
      const withdrew = memberWithdrew('by', 'participant', at('2022-07-01'));
      body()
        .given([...KP_MEMBERSHIP, withdrew])
        .when(admit('by', at('2022-06-15')))
        .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-15'), earliest: at('2022-07-01') });
      body()
        .given([...KP_MEMBERSHIP, withdrew])
        .when(admit('by', at('2022-07-02')))
        .thenEvents([{ type: 'ParticipantAdmitted', data: { bodyId: KP, participantId: 'by', name: 'BY', kind: 'state', occurredAt: at('2022-07-02') } }]);
    });

    describe('and after the offices the member was given (rule 5: an active participant when appointed)', () => {
      /** Botswana selected Vice-Chair of 2023 at the 2022 plenary. */
      const viceChairOf2023 = viceChairSelected('bw', 2023, at('2022-11-12'));
      const suspendBotswana = (date: string): BodyCommand => ({
        type: 'SuspendParticipant',
        data: { participantId: 'bw', reason: 'entered late', occurredAt: at(date) },
      });
      const withdrawBotswana = (date: string): BodyCommand => ({ type: 'WithdrawMember', data: { memberId: 'bw', occurredAt: at(date) } });

      it('refuses a suspension entered late, dated before an office the participant was given, with occurred-out-of-order', () => {
        body()
          .given([...KP_MEMBERSHIP, viceChairOf2023])
          .when(suspendBotswana('2022-01-01'))
          .thenRefused('occurred-out-of-order', {
            occurredAt: at('2022-01-01'),
            earliest: at('2022-11-12'),
            dependentType: 'ViceChairSelected',
            dependentOccurredAt: at('2022-11-12'),
            term: 2023,
          });
      });

      it('refuses a withdrawal dated before a Chair the participant was given', () => {
        body()
          .given([...KP_MEMBERSHIP, viceChairOf2023, chairAssigned('bw', 2024, 'succession', 'bw', at('2023-11-10'))])
          .when(withdrawBotswana('2023-06-01'))
          .thenRefused('occurred-out-of-order', { earliest: at('2023-11-10'), dependentType: 'ChairAssigned', term: 2024 });
      });

      it('takes a suspension or withdrawal dated on or after the latest office', () => {
        const given = body().given([...KP_MEMBERSHIP, viceChairOf2023]);
        given
          .when(suspendBotswana('2022-11-12'))
          .thenEvents([{ type: 'ParticipantSuspended', data: { bodyId: KP, participantId: 'bw', reason: 'entered late', occurredAt: at('2022-11-12') } }]);
        given
          .when(withdrawBotswana('2023-02-01'))
          .thenEvents([{ type: 'MemberWithdrew', data: { bodyId: KP, memberId: 'bw', role: 'participant', occurredAt: at('2023-02-01') } }]);
      });

      it('looks only at the offices the member still holds: one corrected to another participant no longer counts', () => {
        body()
          .given([...KP_MEMBERSHIP, viceChairSelected('zw', 2023, at('2022-11-12'))])
          .when(suspendBotswana('2022-01-01'))
          .thenEvents([{ type: 'ParticipantSuspended', data: { bodyId: KP, participantId: 'bw', reason: 'entered late', occurredAt: at('2022-01-01') } }]);
        const corrected = applyCorrections(
          [viceChairOf2023, correctionOf('office', { participantId: 'zw' })].map((event, index) => ({ eventId: index === 0 ? 'office' : 'fix', event })),
        ).map(({ event }) => event as BodyEvent);
        body()
          .given([...KP_MEMBERSHIP, ...corrected])
          .when(suspendBotswana('2022-01-01'))
          .thenEvents([{ type: 'ParticipantSuspended', data: { bodyId: KP, participantId: 'bw', reason: 'entered late', occurredAt: at('2022-01-01') } }]);
      });
    });

    it('takes a late entry dated after the member’s last record, though other members’ records are later', () => {
      body()
        .given([...KP_MEMBERSHIP, participantSuspended('ua', at('2023-01-01'))])
        .when(suspend('ru'))
        .thenEvents([{ type: 'ParticipantSuspended', data: { bodyId: KP, participantId: 'ru', reason: 'self-suspension', occurredAt: at('2022-06-01') } }]);
    });
  });

  describe('rule 8: occurredAt in the ledger’s future', () => {
    const context = { now: at('2022-06-21T12:00:00Z') };

    it('is refused with occurred-in-future', () => {
      body(context)
        .given(KP_MEMBERSHIP)
        .when(admit('uz', at('2022-06-21T12:00:01Z')))
        .thenRefused('occurred-in-future', { occurredAt: at('2022-06-21T12:00:01Z'), now: context.now });
    });

    it('is refused even for establishing a body', () => {
      body(context)
        .given([])
        .when({ ...establish, data: { ...establish.data, occurredAt: at('2022-06-23') } })
        .thenRefused('occurred-in-future');
    });

    it('accepts a date with no time once that day has begun anywhere (UTC+14), and refuses one still to begin everywhere', () => {
      // 12:00 UTC on 21 June is 02:00 on 22 June at UTC+14.
      body(context)
        .given(KP_MEMBERSHIP)
        .when(admit('uz', at('2022-06-22')))
        .thenEvents([{ type: 'ParticipantAdmitted', data: { bodyId: KP, participantId: 'uz', name: 'UZ', kind: 'state', occurredAt: at('2022-06-22') } }]);
      body(context)
        .given(KP_MEMBERSHIP)
        .when(admit('uz', at('2022-06-23')))
        .thenRefused('occurred-in-future', { occurredAt: at('2022-06-23'), now: context.now });
      // A moment is a moment: one second after the clock is the future.
      body(context)
        .given(KP_MEMBERSHIP)
        .when(admit('uz', at('2022-06-22T00:00:01Z')))
        .thenRefused('occurred-in-future');
    });

    it('holds a time given with the date to the clock, even at midnight UTC, which a date alone is read as', () => {
      // 09:00 in Tokyo is midnight UTC: a moment still to come at 12:00 UTC the day before.
      body({ ...context, occurredAtIsMoment: true })
        .given(KP_MEMBERSHIP)
        .when(admit('uz', at('2022-06-22T09:00:00+09:00')))
        .thenRefused('occurred-in-future', { occurredAt: at('2022-06-22'), now: context.now });
      body({ ...context, occurredAtIsMoment: true })
        .given(KP_MEMBERSHIP)
        .when(admit('uz', at('2022-06-21T00:00:00Z')))
        .thenEvents([{ type: 'ParticipantAdmitted', data: { bodyId: KP, participantId: 'uz', name: 'UZ', kind: 'state', occurredAt: at('2022-06-21') } }]);
    });

    it('accepts a record that occurred exactly at the ledger’s clock reading', () => {
      body(context)
        .given(KP_MEMBERSHIP)
        .when(admit('uz', context.now))
        .thenEvents([{ type: 'ParticipantAdmitted', data: { bodyId: KP, participantId: 'uz', name: 'UZ', kind: 'state', occurredAt: context.now } }]);
    });
  });
});
