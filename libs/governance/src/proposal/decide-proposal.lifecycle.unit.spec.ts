import {
  at,
  DEFINITION_PROPOSAL,
  definitionAmendmentProposed,
  intersessional2022,
  kpFacts,
  meetingOf,
  meetingOfAnotherBody,
  objectionRaised,
  objectionWithdrawn,
  PLENARY_2022,
  proposalRevised,
  supportExpressed,
} from '../testing/kimberley-process';
import {
  consensusDeclared,
  declare,
  defer,
  expressSupport,
  noConsensusRecorded,
  proposal,
  proposalDeferred,
  proposalWithdrawn,
  raiseObjection,
  revise,
  withdrawObjection,
  withdrawProposal,
} from '../testing/proposal-scenario';
import { ProposalCommand } from './proposal-commands';
import { ProposalEvent } from './proposal-events';

/** Every command that a closed proposal refuses. */
const commands: [string, ProposalCommand][] = [
  ['ExpressSupport', expressSupport('zw', at('2022-11-12'))],
  ['RaiseObjection', raiseObjection('by', 'late objection', at('2022-11-12'))],
  ['WithdrawObjection', withdrawObjection('ru', at('2022-11-12'))],
  ['ReviseProposal', revise('a new text', at('2022-11-12'))],
  ['DeclareOutcome (consensus)', declare({ occurredAt: at('2022-11-12') })],
  ['DeclareOutcome (no consensus)', declare({ outcome: 'no-consensus', occurredAt: at('2022-11-12') })],
  ['DeferProposal', defer(PLENARY_2022, at('2022-11-12'))],
  ['WithdrawProposal', withdrawProposal('too late', at('2022-11-12'))],
];

const objected = [definitionAmendmentProposed, supportExpressed('ua'), objectionRaised('ru')];
const closedHistories: [string, ProposalEvent[]][] = [
  ['adopted', [...objected, objectionWithdrawn('ru', at('2022-11-10')), consensusDeclared()]],
  ['not-adopted', [...objected, noConsensusRecorded(['ru'])]],
  ['withdrawn', [...objected, proposalWithdrawn()]],
];

describe('decideProposal: closed and deferred proposals (rule 4)', () => {
  describe.each(closedHistories)('when the proposal is %s', (status, history) => {
    it.each(commands)('%s is refused with proposal-closed', (_name, command) => {
      proposal().given(history).when(command).thenRefused('proposal-closed', { proposalId: DEFINITION_PROPOSAL, proposalStatus: status });
    });
  });

  describe('when the proposal was deferred', () => {
    const deferred = [...objected, proposalDeferred(PLENARY_2022)];
    const decided = { proposalId: DEFINITION_PROPOSAL, revision: 1, declaredBy: 'bw', declaredAs: 'chair', meetingId: PLENARY_2022 } as const;
    const accepted: [string, ProposalCommand, ProposalEvent][] = [
      ['ExpressSupport', expressSupport('zw', at('2022-11-08')), supportExpressed('zw', 1, at('2022-11-08'))],
      ['RaiseObjection', raiseObjection('by', 'blocked', at('2022-11-08')), objectionRaised('by', 'blocked', 1, at('2022-11-08'))],
      ['WithdrawObjection', withdrawObjection('ru', at('2022-11-08')), objectionWithdrawn('ru', at('2022-11-08'))],
      ['ReviseProposal', revise('a new text', at('2022-11-08')), proposalRevised(2, 'a new text', at('2022-11-08'))],
      [
        'DeclareOutcome (no consensus)',
        declare({ outcome: 'no-consensus' }),
        { type: 'NoConsensusRecorded', data: { ...decided, blockingParticipants: ['ru'], occurredAt: at('2022-11-11') } },
      ],
      ['DeferProposal', defer(null, at('2022-11-11')), proposalDeferred(null, at('2022-11-11'))],
      ['WithdrawProposal', withdrawProposal(), proposalWithdrawn()],
    ];

    it.each(accepted)('it stays open: %s is recorded', (_name, command, event) => {
      proposal().given(deferred).when(command).thenEvents([event]);
    });

    it('it stays open: consensus can be declared once the objection is withdrawn', () => {
      proposal()
        .given([...deferred, objectionWithdrawn('ru', at('2022-11-08'))])
        .when(declare())
        .thenEvents([{ type: 'ConsensusDeclared', data: { ...decided, occurredAt: at('2022-11-11') } }]);
    });
  });

  describe('ProposalDeferred', () => {
    it('is recorded to a meeting of the same body', () => {
      proposal()
        .given(objected)
        .when(defer(PLENARY_2022))
        .thenEvents([proposalDeferred(PLENARY_2022)]);
    });

    it('is recorded without a meeting (sine die), needing no meeting', () => {
      proposal(kpFacts({ meeting: undefined }))
        .given(objected)
        .when(defer(null))
        .thenEvents([proposalDeferred(null)]);
    });

    it('is recorded again to a later meeting', () => {
      proposal(kpFacts({ meeting: meetingOf(intersessional2022) }))
        .given([...objected, proposalDeferred(null)])
        .when(defer('is-2022'))
        .thenEvents([proposalDeferred('is-2022')]);
    });

    describe('when the meeting has not been convened', () => {
      it('is refused with meeting-not-found', () => {
        proposal(kpFacts({ meeting: undefined }))
          .given(objected)
          .when(defer('plenary-2023'))
          .thenRefused('meeting-not-found', { meetingId: 'plenary-2023' });
      });
    });

    describe('when the meeting belongs to another body', () => {
      it('is refused with meeting-of-another-body', () => {
        proposal(kpFacts({ meeting: meetingOf(meetingOfAnotherBody) }))
          .given(objected)
          .when(defer('elsewhere-2022'))
          .thenRefused('meeting-of-another-body');
      });
    });

    describe('when the proposal has not been tabled', () => {
      it('is refused with proposal-not-found', () => {
        proposal().given([]).when(defer()).thenRefused('proposal-not-found');
      });
    });

    describe('when occurredAt lies in the ledger’s future', () => {
      it('is refused with occurred-in-future', () => {
        proposal(kpFacts(), { now: at('2022-06-23') })
          .given(objected)
          .when(defer())
          .thenRefused('occurred-in-future');
      });
    });
  });

  describe('ProposalWithdrawn', () => {
    it('is recorded with its reason, whatever objections stand', () => {
      proposal().given(objected).when(withdrawProposal()).thenEvents([proposalWithdrawn()]);
    });

    it('records withdrawnBy as null when the command does not say who withdrew it', () => {
      proposal()
        .given(objected)
        .when(withdrawProposal('no prospect of consensus', at('2022-11-10'), null))
        .thenEvents([proposalWithdrawn('no prospect of consensus', at('2022-11-10'), null)]);
    });

    it('records a proposer that withdraws it naming itself', () => {
      proposal()
        .given(objected)
        .when(withdrawProposal('superseded', at('2022-11-10'), ['ua']))
        .thenEvents([proposalWithdrawn('superseded', at('2022-11-10'), ['ua'])]);
    });

    it('records every proposer named, sorted and without repeats', () => {
      proposal()
        .given(objected)
        .when(withdrawProposal('superseded', at('2022-11-10'), ['ua', 'eu', 'ua']))
        .thenEvents([proposalWithdrawn('superseded', at('2022-11-10'), ['eu', 'ua'])]);
    });

    describe('when withdrawnBy names a participant that did not table the proposal', () => {
      it('is refused with not-a-proposer, naming who is not a proposer', () => {
        proposal()
          .given(objected)
          .when(withdrawProposal('superseded', at('2022-11-10'), ['ua', 'ru']))
          .thenRefused('not-a-proposer', { notProposers: ['ru'], proposedBy: ['ua', 'eu'] });
      });

      it('is refused with not-a-proposer for an observer or an unknown id too', () => {
        proposal()
          .given(objected)
          .when(withdrawProposal('superseded', at('2022-11-10'), ['csc']))
          .thenRefused('not-a-proposer');
        proposal()
          .given(objected)
          .when(withdrawProposal('superseded', at('2022-11-10'), ['nobody']))
          .thenRefused('not-a-proposer');
      });
    });

    describe('when withdrawnBy names no one', () => {
      it('is refused with not-a-proposer: null, not an empty list, says who withdrew it is not recorded', () => {
        proposal()
          .given(objected)
          .when(withdrawProposal('superseded', at('2022-11-10'), []))
          .thenRefused('not-a-proposer', { proposedBy: ['ua', 'eu'] });
      });
    });

    describe('when the proposal has not been tabled', () => {
      it('is refused with proposal-not-found', () => {
        proposal().given([]).when(withdrawProposal()).thenRefused('proposal-not-found');
      });
    });

    describe('when occurredAt lies in the ledger’s future', () => {
      it('is refused with occurred-in-future', () => {
        proposal(kpFacts(), { now: at('2022-11-09') })
          .given(objected)
          .when(withdrawProposal())
          .thenRefused('occurred-in-future');
      });
    });
  });
});
