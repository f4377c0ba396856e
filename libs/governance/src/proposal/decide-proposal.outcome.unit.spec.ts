import { initialBodyState } from '../body/body-state';
import {
  bodyOf,
  KP_MEMBERSHIP,
  at,
  DEFINITION_PROPOSAL,
  definitionAmendmentProposed,
  kpBody,
  kpFacts,
  meetingOf,
  meetingOfAnotherBody,
  memberWithdrew,
  objectionRaised,
  objectionWithdrawn,
  participantReinstated,
  participantSuspended,
  PLENARY_2022,
  proposalRevised,
  supportExpressed,
} from '../testing/kimberley-process';
import { declare, proposal } from '../testing/proposal-scenario';
import { ProposalEvent } from './proposal-events';

const REVISED = 'the revised text';
const decided = (declaredBy: string, declaredAs: 'chair' | 'acting-chair', revision = 1, occurredAt = at('2022-11-11')) => ({
  proposalId: DEFINITION_PROPOSAL,
  revision,
  declaredBy,
  declaredAs,
  meetingId: PLENARY_2022,
  occurredAt,
});
const consensus = (declaredBy = 'bw', declaredAs: 'chair' | 'acting-chair' = 'chair', revision = 1, occurredAt = at('2022-11-11')): ProposalEvent => ({
  type: 'ConsensusDeclared',
  data: decided(declaredBy, declaredAs, revision, occurredAt),
});
const noConsensus = (blockingParticipants: string[], declaredBy = 'bw', declaredAs: 'chair' | 'acting-chair' = 'chair'): ProposalEvent => ({
  type: 'NoConsensusRecorded',
  data: { ...decided(declaredBy, declaredAs), blockingParticipants },
});
const tabled = [definitionAmendmentProposed, supportExpressed('ua'), supportExpressed('eu')];

describe('decideProposal: declaring the outcome (rule 3)', () => {
  describe('ConsensusDeclared', () => {
    it('is recorded when the term’s Chair declares it with no objection standing (Botswana, 2022)', () => {
      proposal().given(tabled).when(declare()).thenEvents([consensus()]);
    });

    it('is recorded on the current revision when the declaration names it', () => {
      proposal()
        .given([...tabled, proposalRevised(2, REVISED)])
        .when(declare({ revision: 2 }))
        .thenEvents([consensus('bw', 'chair', 2)]);
    });

    it('is recorded on the current revision when the declaration names none', () => {
      proposal()
        .given([...tabled, proposalRevised(2, REVISED)])
        .when(declare({ revision: null }))
        .thenEvents([consensus('bw', 'chair', 2)]);
    });

    it('is recorded with declaredAs acting-chair when the term’s Vice-Chair declares it (Zimbabwe, 2022)', () => {
      proposal()
        .given(tabled)
        .when(declare({ declaredBy: 'zw' }))
        .thenEvents([consensus('zw', 'acting-chair')]);
    });

    it('takes the term from the calendar year of occurredAt: from 1 January 2023 Zimbabwe is the Chair', () => {
      const newYear = at('2023-01-01T00:00:00Z');
      proposal()
        .given(tabled)
        .when(declare({ declaredBy: 'zw', occurredAt: newYear }))
        .thenEvents([consensus('zw', 'chair', 1, newYear)]);
    });

    it('is recorded when the only objection was withdrawn', () => {
      proposal()
        .given([...tabled, objectionRaised('ru'), objectionWithdrawn('ru')])
        .when(declare())
        .thenEvents([consensus()]);
    });

    describe('when the declarer is not the term’s Chair or Vice-Chair', () => {
      it('is refused with not-the-chair for the previous term’s Chair (Russia, 2021 Chair, in 2022)', () => {
        proposal()
          .given(tabled)
          .when(declare({ declaredBy: 'ru' }))
          .thenRefused('not-the-chair', { declaredBy: 'ru', term: 2022, chair: 'bw' });
      });

      it('is refused with not-the-chair for last year’s Chair once the new term has begun', () => {
        proposal()
          .given(tabled)
          .when(declare({ declaredBy: 'bw', occurredAt: at('2023-01-01T00:00:00Z') }))
          .thenRefused('not-the-chair', { term: 2023, chair: 'zw' });
      });

      it('is refused with not-the-chair for an observer', () => {
        proposal()
          .given(tabled)
          .when(declare({ declaredBy: 'csc' }))
          .thenRefused('not-the-chair');
      });

      it('is refused with not-the-chair when no Chair is recorded for the term', () => {
        proposal(kpFacts({ body: bodyOf(KP_MEMBERSHIP) }))
          .given(tabled)
          .when(declare({ declaredBy: 'ru' }))
          .thenRefused('not-the-chair', { term: 2022, chair: null });
      });
    });

    describe('when the declaration names an older revision', () => {
      it('is refused with stale-revision', () => {
        proposal()
          .given([...tabled, proposalRevised(2, REVISED)])
          .when(declare({ revision: 1 }))
          .thenRefused('stale-revision', { revision: 1, currentRevision: 2 });
      });
    });

    describe('when the declaration names a revision that does not exist yet', () => {
      it('is refused with stale-revision', () => {
        proposal()
          .given(tabled)
          .when(declare({ revision: 2 }))
          .thenRefused('stale-revision', { revision: 2, currentRevision: 1 });
      });
    });

    describe('when an active participant maintains an objection', () => {
      it('is refused with objections-standing, naming it', () => {
        proposal()
          .given([...tabled, objectionRaised('ru')])
          .when(declare())
          .thenRefused('objections-standing', { blockingParticipants: ['ru'] });
      });

      it('is refused with objections-standing, naming every objector in order (Russia and Belarus)', () => {
        proposal()
          .given([...tabled, objectionRaised('ru'), objectionRaised('by')])
          .when(declare())
          .thenRefused('objections-standing', { blockingParticipants: ['by', 'ru'] });
      });

      it('is refused even when the objection was raised against an earlier revision', () => {
        proposal()
          .given([...tabled, objectionRaised('ru'), proposalRevised(2, REVISED)])
          .when(declare({ revision: 2 }))
          .thenRefused('objections-standing', { blockingParticipants: ['ru'] });
      });

      it('is refused once a suspended objector has been reinstated', () => {
        proposal(kpFacts({ body: kpBody(participantSuspended('ru'), participantReinstated('ru')) }))
          .given([...tabled, objectionRaised('ru')])
          .when(declare())
          .thenRefused('objections-standing', { blockingParticipants: ['ru'] });
      });
    });

    describe('when the objector is suspended', () => {
      const suspendedRussia = kpBody(participantSuspended('ru', at('2022-09-01')));

      it('is recorded under the default policy, since a suspended participant takes no part in decisions', () => {
        proposal(kpFacts({ body: suspendedRussia }))
          .given([...tabled, objectionRaised('ru')])
          .when(declare())
          .thenEvents([consensus()]);
      });

      it('is refused with objections-standing when the policy says suspended objections block', () => {
        proposal(kpFacts({ body: suspendedRussia, policy: { suspendedObjectionsBlock: true } }))
          .given([...tabled, objectionRaised('ru')])
          .when(declare())
          .thenRefused('objections-standing', { blockingParticipants: ['ru'] });
      });
    });

    describe('when the objector has withdrawn from the body', () => {
      it('is recorded, whatever the policy on suspended objections', () => {
        const body = kpBody(memberWithdrew('by', 'participant', at('2022-09-01')));
        proposal(kpFacts({ body }))
          .given([...tabled, objectionRaised('by')])
          .when(declare())
          .thenEvents([consensus()]);
        proposal(kpFacts({ body, policy: { suspendedObjectionsBlock: true } }))
          .given([...tabled, objectionRaised('by')])
          .when(declare())
          .thenEvents([consensus()]);
      });
    });

    describe('when the meeting has not been convened', () => {
      it('is refused with meeting-not-found', () => {
        proposal(kpFacts({ meeting: undefined }))
          .given(tabled)
          .when(declare())
          .thenRefused('meeting-not-found', { meetingId: PLENARY_2022 });
        proposal(kpFacts({ meeting: meetingOf() }))
          .given(tabled)
          .when(declare())
          .thenRefused('meeting-not-found');
      });
    });

    describe('when the meeting belongs to another body', () => {
      it('is refused with meeting-of-another-body', () => {
        proposal(kpFacts({ meeting: meetingOf(meetingOfAnotherBody) }))
          .given(tabled)
          .when(declare({ meetingId: 'elsewhere-2022' }))
          .thenRefused('meeting-of-another-body', { meetingId: 'elsewhere-2022' });
      });
    });

    describe('when the body has not been established', () => {
      it('is refused with body-not-found', () => {
        proposal(kpFacts({ body: initialBodyState }))
          .given(tabled)
          .when(declare())
          .thenRefused('body-not-found');
      });
    });

    describe('when occurredAt lies in the ledger’s future', () => {
      it('is refused with occurred-in-future', () => {
        proposal(kpFacts(), { now: at('2022-11-10') })
          .given(tabled)
          .when(declare())
          .thenRefused('occurred-in-future');
      });
    });
  });

  describe('NoConsensusRecorded', () => {
    it('is recorded with the blocking participants (Gaborone, November 2022: Russia and Belarus)', () => {
      proposal()
        .given([...tabled, objectionRaised('ru'), objectionRaised('by')])
        .when(declare({ outcome: 'no-consensus' }))
        .thenEvents([noConsensus(['by', 'ru'])]);
    });

    it('is recorded with no blocking participants when none objects', () => {
      proposal()
        .given(tabled)
        .when(declare({ outcome: 'no-consensus' }))
        .thenEvents([noConsensus([])]);
    });

    it('leaves out a suspended objector under the default policy', () => {
      proposal(kpFacts({ body: kpBody(participantSuspended('by')) }))
        .given([...tabled, objectionRaised('ru'), objectionRaised('by')])
        .when(declare({ outcome: 'no-consensus' }))
        .thenEvents([noConsensus(['ru'])]);
    });

    it('includes a suspended objector when the policy says suspended objections block', () => {
      proposal(kpFacts({ body: kpBody(participantSuspended('by')), policy: { suspendedObjectionsBlock: true } }))
        .given([...tabled, objectionRaised('ru'), objectionRaised('by')])
        .when(declare({ outcome: 'no-consensus' }))
        .thenEvents([noConsensus(['by', 'ru'])]);
    });

    it('is recorded with declaredAs acting-chair by the Vice-Chair', () => {
      proposal()
        .given([...tabled, objectionRaised('ru')])
        .when(declare({ outcome: 'no-consensus', declaredBy: 'zw' }))
        .thenEvents([noConsensus(['ru'], 'zw', 'acting-chair')]);
    });

    describe('when the declarer is not the Chair', () => {
      it('is refused with not-the-chair', () => {
        proposal()
          .given([...tabled, objectionRaised('ru')])
          .when(declare({ outcome: 'no-consensus', declaredBy: 'ua' }))
          .thenRefused('not-the-chair');
      });
    });

    describe('when the declaration names an older revision', () => {
      it('is refused with stale-revision', () => {
        proposal()
          .given([...tabled, objectionRaised('ru'), proposalRevised(2, REVISED)])
          .when(declare({ outcome: 'no-consensus', revision: 1 }))
          .thenRefused('stale-revision');
      });
    });

    describe('when the meeting has not been convened', () => {
      it('is refused with meeting-not-found', () => {
        proposal(kpFacts({ meeting: undefined }))
          .given(tabled)
          .when(declare({ outcome: 'no-consensus' }))
          .thenRefused('meeting-not-found');
      });
    });
  });
});
