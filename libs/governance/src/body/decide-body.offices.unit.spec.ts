import { outcomeOf } from '../testing/given-when-then';
import {
  at,
  bodyOf,
  chairAssigned,
  CONTEXT,
  KP,
  KP_MEMBERSHIP,
  memberWithdrew,
  participantReinstated,
  participantSuspended,
  viceChairSelected,
} from '../testing/kimberley-process';
import { bodyAsItStood } from './body-as-it-stood';
import { BodyCommand } from './body-commands';
import { BodyEvent, ChairBasis } from './body-events';
import { BodyState } from './body-state';
import { BodyFacts, bodyDateNeeded, decideBody } from './decide-body';

/** What the command side reads for an office: the body as it stands, and as it stood on the office's date where that is needed. */
function factsFor(command: BodyCommand, state: BodyState, history: readonly BodyEvent[]): BodyFacts {
  const moment = bodyDateNeeded(command, state);
  return moment === undefined ? {} : { onItsDate: bodyAsItStood(history, moment) };
}

/** Offices decided as the command side decides them, with the facts it reads from the history. */
const body = {
  given(history: readonly BodyEvent[] = []) {
    const state = bodyOf(history);
    return { state, when: (command: BodyCommand) => outcomeOf(() => decideBody(command, state, CONTEXT, factsFor(command, state, history))) };
  },
};

const selectViceChair = (participantId: string, term: number): BodyCommand => ({
  type: 'SelectViceChair',
  data: { participantId, term, occurredAt: at(`${term - 1}-11-15`) },
});
const assignChair = (participantId: string, term: number, basis: ChairBasis): BodyCommand => ({
  type: 'AssignChair',
  data: { participantId, term, basis, occurredAt: at(`${term}-01-01`) },
});

/** Botswana selected Vice-Chair for 2020 and 2021, Russia's chairmanship postponed from 2020 to 2021. */
const upTo2021 = [...KP_MEMBERSHIP, viceChairSelected('bw', 2020), chairAssigned('ru', 2021, 'postponement', 'bw'), viceChairSelected('bw', 2021)];
const upTo2024 = [
  ...upTo2021,
  chairAssigned('bw', 2022, 'succession', 'bw'),
  viceChairSelected('zw', 2022),
  chairAssigned('zw', 2023, 'succession', 'zw'),
  viceChairSelected('ae', 2023),
  chairAssigned('ae', 2024, 'succession', 'ae'),
];

describe('decideBody: offices (rule 5)', () => {
  describe('ViceChairSelected', () => {
    it('is recorded for an active participant and a free term', () => {
      body
        .given(KP_MEMBERSHIP)
        .when(selectViceChair('bw', 2020))
        .thenEvents([{ type: 'ViceChairSelected', data: { bodyId: KP, participantId: 'bw', term: 2020, occurredAt: at('2019-11-15') } }]);
    });

    it('may be the same participant two terms running', () => {
      body
        .given([...KP_MEMBERSHIP, viceChairSelected('bw', 2020)])
        .when(selectViceChair('bw', 2021))
        .thenEvents([viceChairSelected('bw', 2021)]);
    });

    describe('when the term already has a Vice-Chair', () => {
      it('is refused with vice-chair-term-taken', () => {
        body
          .given([...KP_MEMBERSHIP, viceChairSelected('zw', 2022)])
          .when(selectViceChair('ae', 2022))
          .thenRefused('vice-chair-term-taken', { term: 2022, viceChair: 'zw' });
      });
    });

    describe('when the candidate already chairs the same term', () => {
      it('is refused with holds-other-office (Botswana, Chair of 2023, selected its Vice-Chair too)', () => {
        body
          .given([...KP_MEMBERSHIP, chairAssigned('bw', 2023, 'election', null, at('2022-11-12'))])
          .when({ type: 'SelectViceChair', data: { participantId: 'bw', term: 2023, occurredAt: at('2022-11-12') } })
          .thenRefused('holds-other-office', { term: 2023, participantId: 'bw', office: 'chair' });
      });

      it('is recorded for the Chair of the term before or after (Botswana, Vice-Chair of 2021 and Chair of 2022)', () => {
        body
          .given([...KP_MEMBERSHIP, chairAssigned('bw', 2022, 'election', null)])
          .when(selectViceChair('bw', 2021))
          .thenEvents([viceChairSelected('bw', 2021)]);
        body
          .given([...KP_MEMBERSHIP, chairAssigned('bw', 2022, 'election', null)])
          .when(selectViceChair('bw', 2023))
          .thenEvents([viceChairSelected('bw', 2023)]);
      });
    });

    describe('when the candidate is an observer', () => {
      it('is refused with not-a-participant', () => {
        body.given(KP_MEMBERSHIP).when(selectViceChair('csc', 2022)).thenRefused('not-a-participant');
      });
    });

    describe('when the candidate is unknown', () => {
      it('is refused with not-a-participant', () => {
        body.given(KP_MEMBERSHIP).when(selectViceChair('in', 2022)).thenRefused('not-a-participant');
      });
    });

    describe('when the candidate has withdrawn', () => {
      it('is refused with not-a-participant', () => {
        body
          .given([...KP_MEMBERSHIP, memberWithdrew('zw', 'participant', at('2021-06-01'))])
          .when(selectViceChair('zw', 2022))
          .thenRefused('not-a-participant');
      });
    });

    describe('when the candidate is suspended', () => {
      it('is refused with participant-suspended', () => {
        body
          .given([...KP_MEMBERSHIP, participantSuspended('zw', at('2021-01-01'))])
          .when(selectViceChair('zw', 2022))
          .thenRefused('participant-suspended');
      });
    });
  });

  describe('the term, held to the date the office is given', () => {
    const viceChair = (term: number, date: string): BodyCommand => ({ type: 'SelectViceChair', data: { participantId: 'bw', term, occurredAt: at(date) } });
    const chair = (term: number, date: string): BodyCommand => ({
      type: 'AssignChair',
      data: { participantId: 'bw', term, basis: 'election', occurredAt: at(date) },
    });

    it('takes an office given during its term, or up to two years before it (the Vice-Chair of 2023 selected at the 2022 plenary, who chairs 2024)', () => {
      for (const [term, date] of [
        [2022, '2022-12-31'],
        [2023, '2022-11-12'],
        [2024, '2022-11-12'],
      ] as const) {
        body
          .given(KP_MEMBERSHIP)
          .when(viceChair(term, date))
          .thenEvents([viceChairSelected('bw', term, at(date))]);
        body
          .given(KP_MEMBERSHIP)
          .when(chair(term, date))
          .thenEvents([chairAssigned('bw', term, 'election', null, at(date))]);
      }
    });

    it('refuses, with office-term-out-of-range, a Chair of 2200 given in 2022', () => {
      body
        .given(KP_MEMBERSHIP)
        .when(chair(2200, '2022-11-12'))
        .thenRefused('office-term-out-of-range', { term: 2200, occurredAt: at('2022-11-12'), earliestTerm: 2022, latestTerm: 2024 });
    });

    it.each<[string, BodyCommand]>([
      ['a Vice-Chair three years ahead', viceChair(2025, '2022-11-12')],
      ['a Chair three years ahead', chair(2025, '2022-11-12')],
      ['a Vice-Chair given after its term ended', viceChair(2021, '2022-01-01')],
      ['a Chair given after its term ended', chair(2021, '2022-01-01')],
    ])('refuses %s with office-term-out-of-range', (_case, command) => {
      body.given(KP_MEMBERSHIP).when(command).thenRefused('office-term-out-of-range');
    });

    it('reads the year of the date in UTC, as a decision’s term is read', () => {
      // 00:30 on 1 January 2022 at +01:00 is still 2021 in UTC.
      body
        .given(KP_MEMBERSHIP)
        .when(chair(2021, '2022-01-01T00:30:00+01:00'))
        .thenEvents([chairAssigned('bw', 2021, 'election', null, at('2021-12-31T23:30:00Z'))]);
      body.given(KP_MEMBERSHIP).when(chair(2021, '2022-01-01T00:30:00Z')).thenRefused('office-term-out-of-range');
    });
  });

  describe('ChairAssigned', () => {
    describe('on the basis of succession', () => {
      it('is recorded for the previous term’s Vice-Chair (Botswana 2022)', () => {
        body
          .given(upTo2021)
          .when(assignChair('bw', 2022, 'succession'))
          .thenEvents([chairAssigned('bw', 2022, 'succession', 'bw')]);
      });

      describe('when the candidate was not the previous term’s Vice-Chair', () => {
        it('is refused with succession-without-vice-chair', () => {
          body
            .given(upTo2021)
            .when(assignChair('zw', 2022, 'succession'))
            .thenRefused('succession-without-vice-chair', { term: 2022, participantId: 'zw', previousViceChair: 'bw' });
        });
      });

      describe('when the previous term had no Vice-Chair', () => {
        it('is refused with succession-without-vice-chair', () => {
          body
            .given(KP_MEMBERSHIP)
            .when(assignChair('ru', 2021, 'succession'))
            .thenRefused('succession-without-vice-chair', { previousViceChair: null });
        });
      });

      describe('when the candidate is Vice-Chair of the same term rather than the previous one', () => {
        it('is refused with succession-without-vice-chair', () => {
          body
            .given([...KP_MEMBERSHIP, viceChairSelected('zw', 2022)])
            .when(assignChair('zw', 2022, 'succession'))
            .thenRefused('succession-without-vice-chair');
        });
      });
    });

    describe('on the basis of postponement (Russia 2021)', () => {
      it('is recorded naming the previous term’s Vice-Chair, so the non-succession is visible', () => {
        body
          .given([...KP_MEMBERSHIP, viceChairSelected('bw', 2020)])
          .when(assignChair('ru', 2021, 'postponement'))
          .thenEvents([chairAssigned('ru', 2021, 'postponement', 'bw')]);
      });
    });

    describe('on the basis of election', () => {
      it('is recorded naming the previous term’s Vice-Chair it passed over', () => {
        body
          .given(upTo2021)
          .when(assignChair('eu', 2022, 'election'))
          .thenEvents([chairAssigned('eu', 2022, 'election', 'bw')]);
      });

      it('records previousViceChair as null when the previous term had none', () => {
        body
          .given(KP_MEMBERSHIP)
          .when(assignChair('eu', 2018, 'election'))
          .thenEvents([chairAssigned('eu', 2018, 'election', null)]);
      });
    });

    describe('on the basis of custody (UAE 2025)', () => {
      it('is recorded for the previous term’s Chair', () => {
        body
          .given(upTo2024)
          .when(assignChair('ae', 2025, 'custodial'))
          .thenEvents([chairAssigned('ae', 2025, 'custodial', null)]);
      });

      describe('when the candidate did not chair the previous term', () => {
        it('is refused with custodial-without-previous-chair', () => {
          body
            .given(upTo2024)
            .when(assignChair('zw', 2025, 'custodial'))
            .thenRefused('custodial-without-previous-chair', { term: 2025, participantId: 'zw', previousChair: 'ae' });
        });
      });

      describe('when nobody chaired the previous term', () => {
        it('is refused with custodial-without-previous-chair', () => {
          body
            .given(KP_MEMBERSHIP)
            .when(assignChair('ae', 2025, 'custodial'))
            .thenRefused('custodial-without-previous-chair', { previousChair: null });
        });
      });
    });

    describe('when the term already has a Chair', () => {
      it('is refused with chair-term-taken', () => {
        body
          .given(upTo2021)
          .when(assignChair('bw', 2021, 'election'))
          .thenRefused('chair-term-taken', { term: 2021, chair: 'ru' });
      });

      it('is refused with chair-term-taken even for the sitting Chair', () => {
        body
          .given(upTo2021)
          .when(assignChair('ru', 2021, 'postponement'))
          .thenRefused('chair-term-taken');
      });
    });

    describe('when the candidate is already Vice-Chair of the same term', () => {
      it('is refused with holds-other-office, whatever the basis (Botswana, Vice-Chair of 2023, assigned its chair too)', () => {
        const viceChairOf2023 = [...KP_MEMBERSHIP, viceChairSelected('bw', 2023, at('2022-11-12'))];
        for (const basis of ['election', 'postponement'] as const) {
          body
            .given(viceChairOf2023)
            .when(assignChair('bw', 2023, basis))
            .thenRefused('holds-other-office', { term: 2023, participantId: 'bw', office: 'vice-chair' });
        }
      });

      it('is recorded when the Vice-Chair of the term is another participant', () => {
        body
          .given([...KP_MEMBERSHIP, viceChairSelected('zw', 2023)])
          .when(assignChair('bw', 2023, 'election'))
          .thenEvents([chairAssigned('bw', 2023, 'election', null)]);
      });
    });

    describe('when the candidate is an observer', () => {
      it('is refused with not-a-participant', () => {
        body
          .given(upTo2021)
          .when(assignChair('wdc', 2022, 'election'))
          .thenRefused('not-a-participant');
      });
    });

    describe('when the candidate is unknown', () => {
      it('is refused with not-a-participant', () => {
        body
          .given(upTo2021)
          .when(assignChair('in', 2022, 'election'))
          .thenRefused('not-a-participant');
      });
    });

    describe('when the candidate is suspended', () => {
      it('is refused with participant-suspended, even as the previous term’s Vice-Chair', () => {
        body
          .given([...upTo2021, participantSuspended('bw', at('2021-12-01'))])
          .when(assignChair('bw', 2022, 'succession'))
          .thenRefused('participant-suspended');
      });
    });

    describe('when the candidate has withdrawn', () => {
      it('is refused with not-a-participant', () => {
        body
          .given([...upTo2021, memberWithdrew('bw', 'participant', at('2021-12-01'))])
          .when(assignChair('bw', 2022, 'succession'))
          .thenRefused('not-a-participant');
      });
    });
  });

  describe('the holder, judged as the body stood on the office’s date (an office entered late)', () => {
    /** Botswana suspended from March to September 2020, both recorded. */
    const suspendedIn2020 = [...KP_MEMBERSHIP, participantSuspended('bw', at('2020-03-01')), participantReinstated('bw', at('2020-09-01'))];
    const viceChair = (participantId: string, term: number, date: string): BodyCommand => ({
      type: 'SelectViceChair',
      data: { participantId, term, occurredAt: at(date) },
    });
    const chair = (participantId: string, term: number, date: string): BodyCommand => ({
      type: 'AssignChair',
      data: { participantId, term, basis: 'election', occurredAt: at(date) },
    });

    it('refuses, with participant-suspended, an office dated inside a suspension the holder has since been reinstated from', () => {
      body
        .given(suspendedIn2020)
        .when(viceChair('bw', 2021, '2020-05-01'))
        .thenRefused('participant-suspended', { participantId: 'bw' });
      body
        .given(suspendedIn2020)
        .when(chair('bw', 2021, '2020-05-01'))
        .thenRefused('participant-suspended', { participantId: 'bw' });
    });

    it('records an office dated before the suspension, or after the reinstatement', () => {
      body
        .given(suspendedIn2020)
        .when(viceChair('bw', 2020, '2019-11-15'))
        .thenEvents([viceChairSelected('bw', 2020, at('2019-11-15'))]);
      body
        .given(suspendedIn2020)
        .when(viceChair('bw', 2021, '2020-11-15'))
        .thenEvents([viceChairSelected('bw', 2021, at('2020-11-15'))]);
    });

    it('refuses, with not-a-participant, an office dated before the holder was admitted, or while it had withdrawn', () => {
      const uzbekistan: BodyEvent = {
        type: 'ParticipantAdmitted',
        data: { bodyId: KP, participantId: 'uz', name: 'Uzbekistan', kind: 'state', occurredAt: at('2020-01-01') },
      };
      body
        .given([...KP_MEMBERSHIP, uzbekistan])
        .when(chair('uz', 2019, '2019-06-01'))
        .thenRefused('not-a-participant', { participantId: 'uz' });
      const readmitted: BodyEvent = { ...uzbekistan, data: { ...uzbekistan.data, participantId: 'zw', occurredAt: at('2021-01-01') } };
      body
        .given([...KP_MEMBERSHIP, memberWithdrew('zw', 'participant', at('2019-01-01')), readmitted])
        .when(viceChair('zw', 2021, '2020-11-15'))
        .thenRefused('not-a-participant', { participantId: 'zw' });
    });

    it('records an office dated while the holder was active, though it has been suspended since (rule 8 keeps the suspension after it)', () => {
      body
        .given([...KP_MEMBERSHIP, participantSuspended('zw', at('2021-03-01'))])
        .when(viceChair('zw', 2021, '2020-11-15'))
        .thenEvents([viceChairSelected('zw', 2021, at('2020-11-15'))]);
    });

    it('needs the body as it stood only for an office dated before its holder’s last change of status', () => {
      const state = bodyOf(suspendedIn2020);
      expect(bodyDateNeeded(viceChair('bw', 2021, '2020-05-01'), state)).toBe(at('2020-05-01'));
      expect(bodyDateNeeded(viceChair('bw', 2021, '2020-09-01'), state)).toBeUndefined();
      expect(bodyDateNeeded(viceChair('bw', 2026, '2025-12-31'), state)).toBeUndefined();
      expect(bodyDateNeeded(viceChair('in', 2021, '2020-05-01'), state)).toBeUndefined();
      expect(bodyDateNeeded({ type: 'SuspendParticipant', data: { participantId: 'bw', reason: 'r', occurredAt: at('2020-05-01') } }, state)).toBeUndefined();
    });

    it('is a defect, not a refusal, to decide such an office without the body as it stood', () => {
      const state = bodyOf(suspendedIn2020);
      expect(() => decideBody(viceChair('bw', 2021, '2020-05-01'), state, CONTEXT)).toThrow(TypeError);
    });
  });
});
