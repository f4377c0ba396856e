import { fold } from '../testing/given-when-then';
import {
  at,
  DEFINITION_PROPOSAL,
  definitionAmendmentProposed,
  INTERSESSIONAL_2022,
  KP,
  objectionRaised,
  objectionWithdrawn,
  proposalOf,
  proposalRevised,
  supportExpressed,
  WIDENED_DEFINITION,
} from '../testing/kimberley-process';
import { consensusDeclared, noConsensusRecorded, proposalDeferred, proposalWithdrawn } from '../testing/proposal-scenario';
import { evolveProposal } from './evolve-proposal';
import { ProposalEvent } from './proposal-events';
import { currentSupporters, initialProposalState } from './proposal-state';

describe('evolveProposal', () => {
  it('is unknown before the proposal is tabled, and ignores other events', () => {
    expect(fold(evolveProposal, initialProposalState, [])).toEqual({ status: 'unknown' });
    expect(fold(evolveProposal, initialProposalState, [supportExpressed('ua'), objectionRaised('ru')])).toEqual({ status: 'unknown' });
  });

  it('is open at revision 1 after DefinitionAmendmentProposed, with kind definition-amendment', () => {
    expect(proposalOf(definitionAmendmentProposed)).toEqual({
      status: 'open',
      proposalId: DEFINITION_PROPOSAL,
      bodyId: KP,
      kind: 'definition-amendment',
      title: 'Widen the definition of conflict diamonds',
      text: WIDENED_DEFINITION,
      proposedBy: ['ua', 'eu'],
      meetingId: INTERSESSIONAL_2022,
      tabledAt: at('2022-06-21'),
      latestOccurredAt: at('2022-06-21'),
      revision: 1,
      revisedAt: at('2022-06-21'),
      supporters: new Map(),
      objections: new Map(),
      latestOwnRecords: new Map(),
      deferredTo: null,
      deferredAt: null,
    });
  });

  it('takes the kind from ProposalTabled', () => {
    const tabled: ProposalEvent = { type: 'ProposalTabled', data: { ...definitionAmendmentProposed.data, kind: 'agenda-item' } };
    expect(proposalOf(tabled)).toMatchObject({ status: 'open', kind: 'agenda-item', revision: 1 });
  });

  it('takes the revision number and text from ProposalRevised', () => {
    expect(proposalOf(definitionAmendmentProposed, proposalRevised(2, 'second'), proposalRevised(3, 'third'))).toMatchObject({ revision: 3, text: 'third' });
  });

  describe('support', () => {
    it('remembers the revision each participant supported', () => {
      const state = proposalOf(definitionAmendmentProposed, supportExpressed('ua'), proposalRevised(2, 'second'), supportExpressed('eu', 2));
      expect(state.supporters).toEqual(
        new Map([
          ['ua', 1],
          ['eu', 2],
        ]),
      );
    });

    it('counts only supporters of the current revision: a revision resets support', () => {
      const state = proposalOf(
        definitionAmendmentProposed,
        supportExpressed('ua'),
        supportExpressed('eu'),
        proposalRevised(2, 'second'),
        supportExpressed('eu', 2),
      );
      expect(currentSupporters(state)).toEqual(['eu']);
    });

    it('drops a supporter that objects', () => {
      const state = proposalOf(definitionAmendmentProposed, supportExpressed('zw'), objectionRaised('zw'));
      expect(state.supporters.has('zw')).toBe(false);
      expect(currentSupporters(state)).toEqual([]);
    });
  });

  describe('objections', () => {
    it('records a standing objection with its grounds, since and revision', () => {
      const state = proposalOf(definitionAmendmentProposed, objectionRaised('ru', 'politicisation', 1, at('2022-06-21T10:00Z')));
      expect(state.objections.get('ru')).toEqual({ participantId: 'ru', grounds: 'politicisation', since: at('2022-06-21T10:00Z'), revision: 1 });
    });

    it('keeps objections across revisions', () => {
      const state = proposalOf(definitionAmendmentProposed, objectionRaised('ru'), proposalRevised(2, 'second'));
      expect([...state.objections.keys()]).toEqual(['ru']);
    });

    it('removes an objection when it is withdrawn, leaving the others', () => {
      const state = proposalOf(definitionAmendmentProposed, objectionRaised('ru'), objectionRaised('by'), objectionWithdrawn('ru'));
      expect([...state.objections.keys()]).toEqual(['by']);
    });
  });

  describe('decisions', () => {
    it('is adopted after ConsensusDeclared, remembering the decision', () => {
      expect(proposalOf(definitionAmendmentProposed, consensusDeclared())).toMatchObject({
        status: 'adopted',
        decision: { declaredBy: 'bw', declaredAs: 'chair', meetingId: 'plenary-2022', revision: 1, occurredAt: at('2022-11-11') },
      });
    });

    it('is not-adopted after NoConsensusRecorded, keeping the objections that stood', () => {
      const state = proposalOf(definitionAmendmentProposed, objectionRaised('ru'), objectionRaised('by'), noConsensusRecorded(['by', 'ru']));
      expect(state).toMatchObject({ status: 'not-adopted', decision: { declaredBy: 'bw', revision: 1 } });
      expect([...state.objections.keys()].sort()).toEqual(['by', 'ru']);
    });

    it('stays open after ProposalDeferred, remembering the meeting it was deferred to', () => {
      expect(proposalOf(definitionAmendmentProposed, proposalDeferred('plenary-2022'))).toMatchObject({ status: 'open', deferredTo: 'plenary-2022' });
      expect(proposalOf(definitionAmendmentProposed, proposalDeferred('plenary-2022'), proposalDeferred(null))).toMatchObject({ deferredTo: null });
    });

    it('is withdrawn after ProposalWithdrawn, at the world time of the withdrawal, with its reason and who withdrew it', () => {
      expect(proposalOf(definitionAmendmentProposed, proposalWithdrawn())).toMatchObject({
        status: 'withdrawn',
        withdrawal: { reason: 'withdrawn by its sponsors', withdrawnBy: null, occurredAt: at('2022-11-10') },
      });
      expect(proposalOf(definitionAmendmentProposed, proposalWithdrawn('no prospect of consensus', at('2022-11-10'), ['eu', 'ua']))).toMatchObject({
        status: 'withdrawn',
        withdrawal: { reason: 'no prospect of consensus', withdrawnBy: ['eu', 'ua'], occurredAt: at('2022-11-10') },
      });
    });
  });

  it('does not mutate the previous state', () => {
    const before = proposalOf(definitionAmendmentProposed, supportExpressed('ua'));
    evolveProposal(before, objectionRaised('ua'));
    expect(before.supporters.get('ua')).toBe(1);
    expect(before.objections.size).toBe(0);
  });
});
