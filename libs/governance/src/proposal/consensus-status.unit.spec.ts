import { DEFAULT_CONSENSUS_POLICY } from '../shared/command-context';
import {
  at,
  definitionAmendmentProposed,
  kpBody,
  memberWithdrew,
  objectionRaised,
  objectionWithdrawn,
  participantAdmitted,
  participantSuspended,
  proposalOf,
  proposalRevised,
  supportExpressed,
} from '../testing/kimberley-process';
import { consensusDeclared, noConsensusRecorded, proposalDeferred, proposalWithdrawn } from '../testing/proposal-scenario';
import { blockingObjections, consensusStatus } from './consensus-status';

const BLOCKING_POLICY = { suspendedObjectionsBlock: true };
const russiaObjects = objectionRaised('ru', 'an attempt to politicise the Kimberley Process', 1, at('2022-06-21T10:00Z'));
const belarusObjects = objectionRaised('by', 'outside the mandate', 1, at('2022-06-22T09:00Z'));

describe('consensusStatus', () => {
  describe('for an open proposal nobody objects to', () => {
    it('reports consensus possible, with its supporters in order', () => {
      const proposal = proposalOf(definitionAmendmentProposed, supportExpressed('ua'), supportExpressed('eu'), supportExpressed('bw'));
      expect(consensusStatus(proposal, kpBody(), DEFAULT_CONSENSUS_POLICY)).toEqual({
        status: 'open',
        revision: 1,
        supporters: ['bw', 'eu', 'ua'],
        standingObjections: [],
        blockingParticipants: [],
        consensusPossible: true,
      });
    });
  });

  describe('after a revision', () => {
    it('reports the new revision and only the supporters of that revision', () => {
      const proposal = proposalOf(
        definitionAmendmentProposed,
        supportExpressed('ua'),
        supportExpressed('eu'),
        proposalRevised(2, 'second'),
        supportExpressed('eu', 2),
      );
      expect(consensusStatus(proposal, kpBody(), DEFAULT_CONSENSUS_POLICY)).toMatchObject({ revision: 2, supporters: ['eu'] });
    });
  });

  describe('for an open proposal with standing objections (June 2022: Russia and Belarus)', () => {
    const proposal = proposalOf(definitionAmendmentProposed, supportExpressed('ua'), russiaObjects, belarusObjects);

    it('reports who blocks it and that consensus is not possible', () => {
      expect(consensusStatus(proposal, kpBody(), DEFAULT_CONSENSUS_POLICY)).toEqual({
        status: 'open',
        revision: 1,
        supporters: ['ua'],
        standingObjections: [
          { participantId: 'by', grounds: 'outside the mandate', since: at('2022-06-22T09:00Z') },
          { participantId: 'ru', grounds: 'an attempt to politicise the Kimberley Process', since: at('2022-06-21T10:00Z') },
        ],
        blockingParticipants: ['by', 'ru'],
        consensusPossible: false,
      });
    });

    it('still reports them after a revision, since objections stand across revisions', () => {
      const revised = proposalOf(definitionAmendmentProposed, russiaObjects, proposalRevised(2, 'second'));
      expect(consensusStatus(revised, kpBody(), DEFAULT_CONSENSUS_POLICY)).toMatchObject({
        revision: 2,
        blockingParticipants: ['ru'],
        consensusPossible: false,
      });
    });

    it('reports consensus possible again once the objections are withdrawn', () => {
      const withdrawn = proposalOf(definitionAmendmentProposed, russiaObjects, belarusObjects, objectionWithdrawn('ru'), objectionWithdrawn('by'));
      expect(consensusStatus(withdrawn, kpBody(), DEFAULT_CONSENSUS_POLICY)).toMatchObject({
        standingObjections: [],
        blockingParticipants: [],
        consensusPossible: true,
      });
    });
  });

  describe('when an objector is suspended', () => {
    const proposal = proposalOf(definitionAmendmentProposed, russiaObjects);
    const body = kpBody(participantSuspended('ru'));

    it('lists the objection as standing but not blocking under the default policy', () => {
      expect(consensusStatus(proposal, body, DEFAULT_CONSENSUS_POLICY)).toMatchObject({
        standingObjections: [{ participantId: 'ru' }],
        blockingParticipants: [],
        consensusPossible: true,
      });
    });

    it('counts the objection as blocking when the policy says suspended objections block', () => {
      expect(consensusStatus(proposal, body, BLOCKING_POLICY)).toMatchObject({ blockingParticipants: ['ru'], consensusPossible: false });
    });
  });

  describe('when an objector has withdrawn from the body', () => {
    it('does not count the objection as blocking, whatever the policy', () => {
      const proposal = proposalOf(definitionAmendmentProposed, belarusObjects);
      const body = kpBody(memberWithdrew('by'));
      expect(consensusStatus(proposal, body, DEFAULT_CONSENSUS_POLICY)).toMatchObject({ blockingParticipants: [], consensusPossible: true });
      expect(consensusStatus(proposal, body, BLOCKING_POLICY)).toMatchObject({ blockingParticipants: [], consensusPossible: true });
    });

    it('counts it again once the member is re-admitted as a participant', () => {
      const proposal = proposalOf(definitionAmendmentProposed, belarusObjects);
      const body = kpBody(memberWithdrew('by'), participantAdmitted('by', at('2023-01-01')));
      expect(consensusStatus(proposal, body, DEFAULT_CONSENSUS_POLICY)).toMatchObject({ blockingParticipants: ['by'] });
    });
  });

  describe('for a deferred proposal', () => {
    it('reports it open, with its blockers', () => {
      const proposal = proposalOf(definitionAmendmentProposed, russiaObjects, proposalDeferred('plenary-2022'));
      expect(consensusStatus(proposal, kpBody(), DEFAULT_CONSENSUS_POLICY)).toMatchObject({
        status: 'open',
        blockingParticipants: ['ru'],
        consensusPossible: false,
      });
    });
  });

  describe('for a closed proposal', () => {
    it('reports an adopted proposal with nobody blocking and consensus no longer possible', () => {
      const proposal = proposalOf(definitionAmendmentProposed, supportExpressed('ua'), consensusDeclared());
      expect(consensusStatus(proposal, kpBody(), DEFAULT_CONSENSUS_POLICY)).toEqual({
        status: 'adopted',
        revision: 1,
        supporters: ['ua'],
        standingObjections: [],
        blockingParticipants: [],
        consensusPossible: false,
      });
    });

    it('reports a not-adopted proposal with the objections that stood, but nobody blocking', () => {
      const proposal = proposalOf(definitionAmendmentProposed, russiaObjects, belarusObjects, noConsensusRecorded(['by', 'ru']));
      expect(consensusStatus(proposal, kpBody(), DEFAULT_CONSENSUS_POLICY)).toMatchObject({
        status: 'not-adopted',
        standingObjections: [{ participantId: 'by' }, { participantId: 'ru' }],
        blockingParticipants: [],
        consensusPossible: false,
      });
    });

    it('reports a withdrawn proposal as withdrawn, with consensus not possible', () => {
      const proposal = proposalOf(definitionAmendmentProposed, proposalWithdrawn());
      expect(consensusStatus(proposal, kpBody(), DEFAULT_CONSENSUS_POLICY)).toMatchObject({
        status: 'withdrawn',
        blockingParticipants: [],
        consensusPossible: false,
      });
    });
  });
});

describe('blockingObjections', () => {
  it('returns the standing objections of active participants, with their revision', () => {
    const proposal = proposalOf(definitionAmendmentProposed, russiaObjects);
    expect(blockingObjections(proposal, kpBody(), DEFAULT_CONSENSUS_POLICY)).toEqual([
      { participantId: 'ru', grounds: 'an attempt to politicise the Kimberley Process', since: at('2022-06-21T10:00Z'), revision: 1 },
    ]);
  });

  it('ignores an objection whose author the body does not know', () => {
    const proposal = proposalOf(definitionAmendmentProposed, objectionRaised('ve'));
    expect(blockingObjections(proposal, kpBody(), BLOCKING_POLICY)).toEqual([]);
  });

  it('ignores an objection whose author is now an observer', () => {
    const proposal = proposalOf(definitionAmendmentProposed, objectionRaised('csc'));
    expect(blockingObjections(proposal, kpBody(), BLOCKING_POLICY)).toEqual([]);
  });
});
