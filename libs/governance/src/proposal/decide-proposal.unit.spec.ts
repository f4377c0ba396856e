import { initialBodyState } from '../body/body-state';
import {
  at,
  DEFINITION_PROPOSAL,
  definitionAmendmentProposed,
  INTERSESSIONAL_2022,
  intersessional2022,
  kpBody,
  kpFacts,
  meetingOf,
  meetingOfAnotherBody,
  memberWithdrew,
  objectionRaised,
  objectionWithdrawn,
  participantSuspended,
  proposalRevised,
  supportExpressed,
  WIDENED_DEFINITION,
} from '../testing/kimberley-process';
import { expressSupport, proposal, raiseObjection, revise, withdrawObjection } from '../testing/proposal-scenario';
import { ProposalCommand } from './proposal-commands';
import { TabledProposalKind } from './proposal-events';

const table = (overrides: Partial<Extract<ProposalCommand, { type: 'TableProposal' }>['data']> = {}): ProposalCommand => ({
  type: 'TableProposal',
  data: {
    proposalId: DEFINITION_PROPOSAL,
    kind: 'definition-amendment',
    title: 'Widen the definition of conflict diamonds',
    text: WIDENED_DEFINITION,
    proposedBy: ['ua', 'eu'],
    meetingId: INTERSESSIONAL_2022,
    occurredAt: at('2022-06-21'),
    ...overrides,
  },
});
const atIntersessional = kpFacts({ meeting: meetingOf(intersessional2022) });
const REVISED = `${WIDENED_DEFINITION} (revised)`;
const { proposalId } = definitionAmendmentProposed.data;

describe('decideProposal: tabling, revision, support and objections', () => {
  describe('DefinitionAmendmentProposed', () => {
    it('is recorded when a definition amendment is tabled', () => {
      proposal(atIntersessional).given([]).when(table()).thenEvents([definitionAmendmentProposed]);
    });

    it('is recorded without a meeting when none is named', () => {
      proposal(kpFacts({ meeting: undefined }))
        .given([])
        .when(table({ meetingId: null }))
        .thenEvents([{ type: 'DefinitionAmendmentProposed', data: { ...definitionAmendmentProposed.data, meetingId: null } }]);
    });
  });

  describe('ProposalTabled', () => {
    it.each<TabledProposalKind>(['administrative-decision', 'admission', 'agenda-item', 'other'])('is recorded with kind %s', (kind) => {
      proposal(atIntersessional)
        .given([])
        .when(table({ kind }))
        .thenEvents([{ type: 'ProposalTabled', data: { ...definitionAmendmentProposed.data, kind } }]);
    });

    describe('when the proposal has already been tabled', () => {
      it('is refused with proposal-already-exists', () => {
        proposal(atIntersessional).given([definitionAmendmentProposed]).when(table()).thenRefused('proposal-already-exists', { proposalId });
      });

      it("names the body it was tabled in when that is another: ids are unique across the ledger's bodies", () => {
        const elsewhere = {
          ...definitionAmendmentProposed,
          data: { ...definitionAmendmentProposed.data, bodyId: 'wdc' },
        } as typeof definitionAmendmentProposed;
        const refused = proposal(atIntersessional).given([elsewhere]).when(table()).thenRefused('proposal-already-exists', { proposalId, bodyId: 'wdc' });
        expect(refused.message).toMatch(/has already been tabled in body wdc \(ids are unique across the ledger's bodies\)$/);
      });
    });

    describe.each([
      ['an observer (rule 1)', kpBody(), 'csc', 'not-a-participant'],
      ['unknown', kpBody(), 've', 'not-a-participant'],
      ['a withdrawn participant', kpBody(memberWithdrew('ua')), 'ua', 'not-a-participant'],
      ['suspended', kpBody(participantSuspended('ua')), 'ua', 'participant-suspended'],
    ] as const)('when a proposer is %s', (_who, body, proposer, code) => {
      it(`is refused with ${code}`, () => {
        proposal(kpFacts({ body, meeting: meetingOf(intersessional2022) }))
          .given([])
          .when(table({ proposedBy: ['eu', proposer] }))
          .thenRefused(code, { participantId: proposer });
      });
    });

    it('names the date its body was read on: the proposer may stand otherwise now, admitted or reinstated since', () => {
      const facts = kpFacts({ body: kpBody(participantSuspended('ua')), meeting: meetingOf(intersessional2022) });
      const { message } = proposal(facts)
        .given([])
        .when(table({ proposedBy: ['ua'] }))
        .thenRefused('participant-suspended');
      expect(message).toBe(
        `participant ua was under suspension on the record's date, ${definitionAmendmentProposed.data.occurredAt} (suspended since ${at('2022-03-01')}): a suspended participant may not table, support, object, withdraw an objection or a proposal, declare or hold office`,
      );
      const unknown = proposal(kpFacts({ meeting: meetingOf(intersessional2022) }))
        .given([])
        .when(table({ proposedBy: ['ve'] }))
        .thenRefused('not-a-participant');
      expect(unknown.message).toBe(`ve was not a participant of body kimberley-process on ${definitionAmendmentProposed.data.occurredAt}`);
    });

    describe('when the named meeting has not been convened', () => {
      it('is refused with meeting-not-found', () => {
        proposal(kpFacts({ meeting: undefined }))
          .given([])
          .when(table())
          .thenRefused('meeting-not-found', { meetingId: INTERSESSIONAL_2022 });
        proposal(kpFacts({ meeting: meetingOf() }))
          .given([])
          .when(table())
          .thenRefused('meeting-not-found');
      });
    });

    describe('when the named meeting belongs to another body', () => {
      it('is refused with meeting-of-another-body', () => {
        proposal(kpFacts({ meeting: meetingOf(meetingOfAnotherBody) }))
          .given([])
          .when(table({ meetingId: 'elsewhere-2022' }))
          .thenRefused('meeting-of-another-body');
      });
    });

    describe('when the body has not been established', () => {
      it('is refused with body-not-found', () => {
        proposal(kpFacts({ body: initialBodyState }))
          .given([])
          .when(table())
          .thenRefused('body-not-found');
      });
    });
  });

  describe('when the proposal has not been tabled', () => {
    it.each<[string, ProposalCommand]>([
      ['ReviseProposal', revise(REVISED)],
      ['ExpressSupport', expressSupport('ua')],
      ['RaiseObjection', raiseObjection('ru')],
      ['WithdrawObjection', withdrawObjection('ru')],
    ])('%s is refused with proposal-not-found', (_name, command) => {
      proposal().given([]).when(command).thenRefused('proposal-not-found');
    });
  });

  describe('ProposalRevised', () => {
    it('is recorded as revision 2 after the tabled text (revision 1)', () => {
      proposal()
        .given([definitionAmendmentProposed])
        .when(revise(REVISED))
        .thenEvents([{ type: 'ProposalRevised', data: { proposalId, revision: 2, text: REVISED, occurredAt: at('2022-06-22') } }]);
    });

    it('is recorded as revision 3 after revision 2', () => {
      proposal()
        .given([definitionAmendmentProposed, proposalRevised(2, REVISED)])
        .when(revise(WIDENED_DEFINITION))
        .thenEvents([{ type: 'ProposalRevised', data: { proposalId, revision: 3, text: WIDENED_DEFINITION, occurredAt: at('2022-06-22') } }]);
    });

    describe('when the text is identical to the current revision', () => {
      it('is refused with revision-unchanged', () => {
        proposal().given([definitionAmendmentProposed]).when(revise(WIDENED_DEFINITION)).thenRefused('revision-unchanged', { revision: 1 });
        proposal()
          .given([definitionAmendmentProposed, proposalRevised(2, REVISED)])
          .when(revise(REVISED))
          .thenRefused('revision-unchanged', { revision: 2 });
      });

      it('is refused with revision-unchanged when it differs only where no reader sees it, which would drop its supporters for nothing', () => {
        const accented = `${REVISED}: diamants bruts d\u00e9finis`;
        for (const same of [`${accented} `, `${accented}\n`, accented.normalize('NFD')]) {
          expect(same).not.toBe(accented);
          proposal()
            .given([definitionAmendmentProposed, proposalRevised(2, accented)])
            .when(revise(same))
            .thenRefused('revision-unchanged', { revision: 2 });
        }
      });
    });
  });

  describe('SupportExpressed', () => {
    it('is recorded for an active participant, on the current revision (Ukraine)', () => {
      proposal()
        .given([definitionAmendmentProposed])
        .when(expressSupport('ua'))
        .thenEvents([supportExpressed('ua', 1, at('2022-06-22'))]);
    });

    describe.each([
      ['an observer (rule 1)', kpBody(), 'csc', 'not-a-participant'],
      ['unknown', kpBody(), 've', 'not-a-participant'],
      ['a withdrawn participant', kpBody(memberWithdrew('ua')), 'ua', 'not-a-participant'],
      ['suspended', kpBody(participantSuspended('ua')), 'ua', 'participant-suspended'],
    ] as const)('when the supporter is %s', (_who, body, supporter, code) => {
      it(`is refused with ${code}`, () => {
        proposal(kpFacts({ body })).given([definitionAmendmentProposed]).when(expressSupport(supporter)).thenRefused(code, { participantId: supporter });
      });
    });

    describe('when the participant has a standing objection (rule 2)', () => {
      it('is refused with objection-already-standing', () => {
        proposal()
          .given([definitionAmendmentProposed, objectionRaised('ru')])
          .when(expressSupport('ru'))
          .thenRefused('objection-already-standing', { participantId: 'ru' });
      });
    });

    describe('when the participant already supports the current revision', () => {
      it('is refused with support-already-expressed', () => {
        proposal()
          .given([definitionAmendmentProposed, supportExpressed('ua')])
          .when(expressSupport('ua'))
          .thenRefused('support-already-expressed', { participantId: 'ua', revision: 1 });
      });
    });

    describe('when the participant supported an earlier revision', () => {
      it('is recorded again, on the new revision, since a revision resets support', () => {
        proposal()
          .given([definitionAmendmentProposed, supportExpressed('ua'), proposalRevised(2, REVISED)])
          .when(expressSupport('ua'))
          .thenEvents([supportExpressed('ua', 2, at('2022-06-22'))]);
      });
    });

    describe('when the participant has withdrawn its objection', () => {
      it('is recorded', () => {
        proposal()
          .given([definitionAmendmentProposed, objectionRaised('by'), objectionWithdrawn('by')])
          .when(expressSupport('by', at('2022-06-24')))
          .thenEvents([supportExpressed('by', 1, at('2022-06-24'))]);
      });
    });
  });

  describe('ObjectionRaised', () => {
    it('is recorded for an active participant, with its grounds and the current revision (Russia)', () => {
      proposal()
        .given([definitionAmendmentProposed, proposalRevised(2, REVISED)])
        .when(raiseObjection('ru', 'an attempt to politicise the Kimberley Process'))
        .thenEvents([objectionRaised('ru', 'an attempt to politicise the Kimberley Process', 2, at('2022-06-22'))]);
    });

    it('is recorded for a participant that supported the proposal', () => {
      proposal()
        .given([definitionAmendmentProposed, supportExpressed('zw')])
        .when(raiseObjection('zw'))
        .thenEvents([objectionRaised('zw', 'no consensus on the text', 1, at('2022-06-22'))]);
    });

    describe.each(['csc', 'wdc'])('when the objector is an observer (%s)', (observer) => {
      it('is refused with observer-cannot-object, and nothing is recorded', () => {
        proposal().given([definitionAmendmentProposed]).when(raiseObjection(observer)).thenRefused('observer-cannot-object', { participantId: observer });
      });
    });

    describe.each([
      ['unknown', kpBody(), 've', 'not-a-participant'],
      ['a withdrawn participant', kpBody(memberWithdrew('by')), 'by', 'not-a-participant'],
      ['suspended', kpBody(participantSuspended('ru')), 'ru', 'participant-suspended'],
    ] as const)('when the objector is %s', (_who, body, objector, code) => {
      it(`is refused with ${code}`, () => {
        proposal(kpFacts({ body })).given([definitionAmendmentProposed]).when(raiseObjection(objector)).thenRefused(code, { participantId: objector });
      });
    });

    describe('when the participant already has a standing objection (rule 2)', () => {
      it('is refused with objection-already-standing', () => {
        proposal()
          .given([definitionAmendmentProposed, objectionRaised('ru')])
          .when(raiseObjection('ru'))
          .thenRefused('objection-already-standing', { participantId: 'ru' });
      });

      it('is refused with objection-already-standing after a revision, since objections stand across revisions', () => {
        proposal()
          .given([definitionAmendmentProposed, objectionRaised('ru'), proposalRevised(2, REVISED)])
          .when(raiseObjection('ru'))
          .thenRefused('objection-already-standing');
      });
    });

    describe('when the participant withdrew its earlier objection', () => {
      it('is recorded as a new objection', () => {
        proposal()
          .given([definitionAmendmentProposed, objectionRaised('ru'), objectionWithdrawn('ru')])
          .when(raiseObjection('ru', 'renewed', at('2022-06-24')))
          .thenEvents([objectionRaised('ru', 'renewed', 1, at('2022-06-24'))]);
      });
    });
  });

  describe('support or an objection naming the revision the clerk read', () => {
    const onRevision = (command: ProposalCommand, revision: number): ProposalCommand =>
      ({ ...command, data: { ...command.data, revision } }) as ProposalCommand;
    const revised = [definitionAmendmentProposed, proposalRevised(2, REVISED)];

    it('is recorded when that revision is the text in force', () => {
      proposal()
        .given(revised)
        .when(onRevision(expressSupport('ua'), 2))
        .thenEvents([supportExpressed('ua', 2, at('2022-06-22'))]);
      proposal()
        .given(revised)
        .when(onRevision(raiseObjection('ru'), 2))
        .thenEvents([objectionRaised('ru', 'no consensus on the text', 2, at('2022-06-22'))]);
    });

    describe.each([
      ['support', expressSupport('ua')],
      ['an objection', raiseObjection('ru')],
    ])('when %s names a revision since replaced', (_record, command) => {
      it('is refused with stale-revision, naming both revisions', () => {
        proposal().given(revised).when(onRevision(command, 1)).thenRefused('stale-revision', { revision: 1, currentRevision: 2 });
      });
    });

    it('is refused with stale-revision when it names a revision not yet recorded', () => {
      proposal()
        .given([definitionAmendmentProposed])
        .when(onRevision(expressSupport('ua'), 2))
        .thenRefused('stale-revision', { revision: 2, currentRevision: 1 });
    });
  });

  describe('ObjectionWithdrawn', () => {
    it('is recorded for a standing objection', () => {
      proposal()
        .given([definitionAmendmentProposed, objectionRaised('by')])
        .when(withdrawObjection('by'))
        .thenEvents([objectionWithdrawn('by', at('2022-06-22'))]);
    });

    describe('when the participant has no standing objection (rule 2)', () => {
      it('is refused with objection-not-standing', () => {
        proposal()
          .given([definitionAmendmentProposed, objectionRaised('ru')])
          .when(withdrawObjection('by'))
          .thenRefused('objection-not-standing', { participantId: 'by' });
      });
    });

    describe('when the objection was already withdrawn', () => {
      it('is refused with objection-not-standing', () => {
        proposal()
          .given([definitionAmendmentProposed, objectionRaised('by'), objectionWithdrawn('by')])
          .when(withdrawObjection('by'))
          .thenRefused('objection-not-standing');
      });
    });
  });

  describe('rule 8: occurredAt in the ledger’s future', () => {
    const context = { now: at('2022-06-21T12:00:00Z') };

    it.each<[string, ProposalCommand]>([
      ['TableProposal', table({ occurredAt: at('2022-06-22T12:00:01Z') })],
      ['ExpressSupport', expressSupport('ua', at('2022-06-23'))],
      ['RaiseObjection', raiseObjection('ru', 'x', at('2022-06-23'))],
    ])('%s is refused with occurred-in-future', (name, command) => {
      const history = name === 'TableProposal' ? [] : [definitionAmendmentProposed];
      proposal(atIntersessional, context).given(history).when(command).thenRefused('occurred-in-future');
    });
  });
});
