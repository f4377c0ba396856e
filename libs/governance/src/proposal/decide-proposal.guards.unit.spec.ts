import { decideCorrection } from '../correction/decide-correction';
import { isIsoDateOrDateTime, normaliseIsoDateTime } from '../shared/time';
import {
  at,
  CONTEXT,
  DEFINITION_PROPOSAL,
  definitionAmendmentProposed,
  INTERSESSIONAL_2022,
  intersessional2022,
  kpFacts,
  meetingOf,
  memberWithdrew,
  kpBody,
  objectionRaised,
  participantSuspended,
  plenary2022,
} from '../testing/kimberley-process';
import { declare, defer, proposal, raiseObjection, withdrawObjection, withdrawProposal } from '../testing/proposal-scenario';

const tabled = [definitionAmendmentProposed];

describe('ConsensusDeclared', () => {
  describe('when the Chair of the term is suspended', () => {
    it('is refused with participant-suspended', () => {
      proposal(kpFacts({ body: kpBody(participantSuspended('bw', at('2022-10-01'))) }))
        .given(tabled)
        .when(declare())
        .thenRefused('participant-suspended', { participantId: 'bw' });
    });
  });

  describe('when the meeting named closed before the declaration', () => {
    it('is refused with meeting-closed', () => {
      const closed = meetingOf(plenary2022, { type: 'MeetingClosed', data: { meetingId: plenary2022.data.meetingId, occurredAt: at('2022-11-10') } });
      proposal(kpFacts({ meeting: closed }))
        .given(tabled)
        .when(declare({ occurredAt: at('2022-11-11') }))
        .thenRefused('meeting-closed');
    });
  });

  describe('when the meeting state handed in is not the meeting named', () => {
    it('is refused with meeting-not-found', () => {
      proposal(kpFacts({ meeting: meetingOf(intersessional2022) }))
        .given(tabled)
        .when(declare({ meetingId: 'never-convened' }))
        .thenRefused('meeting-not-found', { meetingId: 'never-convened' });
    });
  });
});

describe('ProposalDeferred', () => {
  describe('to a meeting that closed before the deferral', () => {
    it('is refused with meeting-closed', () => {
      const closed = meetingOf(intersessional2022, { type: 'MeetingClosed', data: { meetingId: INTERSESSIONAL_2022, occurredAt: at('2022-06-24') } });
      proposal(kpFacts({ meeting: closed }))
        .given(tabled)
        .when(defer(INTERSESSIONAL_2022, at('2022-07-01')))
        .thenRefused('meeting-closed');
    });
  });
});

describe('ObjectionRaised', () => {
  describe('by an observer that has withdrawn', () => {
    it('is refused with not-a-participant', () => {
      proposal(kpFacts({ body: kpBody(memberWithdrew('csc', 'observer')) }))
        .given(tabled)
        .when(raiseObjection('csc'))
        .thenRefused('not-a-participant');
    });
  });
});

describe('World times', () => {
  it.each(['2022-02-30T10:00:00Z', '2023-02-29T00:00Z', '2022-04-31T00:00:00+02:00', '2022-06-21T24:00:00Z', '2022-06-21T10:60:00Z'])(
    'refuses the impossible moment %s',
    (value) => {
      expect(isIsoDateOrDateTime(value)).toBe(false);
      expect(() => normaliseIsoDateTime(value)).toThrow(TypeError);
    },
  );

  it('accepts a leap day and an offset, normalised to UTC', () => {
    expect(normaliseIsoDateTime('2024-02-29T23:30:00-01:00')).toBe('2024-03-01T00:30:00.000Z');
  });
});

describe('CorrectionRecorded', () => {
  const target = { eventId: '0190a000-0000-7000-8000-000000000001', type: 'MeetingConvened', data: { ...intersessional2022.data } };
  const correction = (corrections: Record<string, unknown>) => () =>
    decideCorrection(
      { type: 'RecordCorrection', data: { correctsEventId: target.eventId, reason: 'typo', corrections, occurredAt: at('2022-07-01') } },
      target,
      CONTEXT,
    );

  it('is refused when it changes nothing', () => {
    expect(correction({ location: intersessional2022.data.location })).toThrow(expect.objectContaining({ code: 'correction-not-applicable' }));
  });

  it('is refused when the meeting would close before it opens', () => {
    expect(correction({ closesOn: '2022-06-01' })).toThrow(expect.objectContaining({ code: 'correction-not-applicable' }));
  });
});

describe('Withdrawing an objection or a proposal', () => {
  const objectedByRussia = [...tabled, objectionRaised('ru', 'on the grounds given', 1, at('2022-06-21'))];

  it.each([
    ['suspended', participantSuspended('ru', at('2022-06-22')), 'participant-suspended'],
    ['withdrawn from the body', memberWithdrew('ru', 'participant', at('2022-06-22')), 'not-a-participant'],
  ] as const)('is refused to an objector %s on its date, as its objection would be', (_how, standing, code) => {
    proposal(kpFacts({ body: kpBody(standing) }))
      .given(objectedByRussia)
      .when(withdrawObjection('ru', at('2022-06-23')))
      .thenRefused(code, { participantId: 'ru' });
  });

  it('is refused to a proposer no longer a participant on its date, and recorded for one that still is', () => {
    proposal(kpFacts({ body: kpBody(memberWithdrew('ua', 'participant', at('2022-06-22'))) }))
      .given(tabled)
      .when(withdrawProposal('no longer pursued', at('2022-06-23'), ['ua']))
      .thenRefused('not-a-participant', { participantId: 'ua' });
    proposal(kpFacts({ body: kpBody(memberWithdrew('ua', 'participant', at('2022-06-22'))) }))
      .given(tabled)
      .when(withdrawProposal('no longer pursued', at('2022-06-23'), ['eu']))
      .thenEvents([
        {
          type: 'ProposalWithdrawn',
          data: { proposalId: DEFINITION_PROPOSAL, reason: 'no longer pursued', withdrawnBy: ['eu'], occurredAt: at('2022-06-23') },
        },
      ]);
  });
});
