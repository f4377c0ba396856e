import { at, definitionAmendmentProposed, objectionRaised, objectionWithdrawn, proposalRevised, supportExpressed } from '../testing/kimberley-process';
import { defer, expressSupport, proposal, proposalDeferred, raiseObjection, revise, withdrawObjection, withdrawProposal } from '../testing/proposal-scenario';

/*
 * Rule 8: a record entered late must not break the records dated after it. Within a proposal's own
 * stream every record is on a revision of its text and a proposal closes once: a withdrawal of an
 * objection comes after the objection, support and objections after the revision they are on, and a
 * new revision or the proposal's withdrawal after every record on the text they replace or close.
 */
describe('decideProposal: records in world-time order within the proposal', () => {
  const tabled = definitionAmendmentProposed; // 21 June 2022

  it("refuses an objection's withdrawal dated before the objection, with occurred-out-of-order", () => {
    proposal()
      .given([tabled, objectionRaised('ru', 'no', 1, at('2022-06-25'))])
      .when(withdrawObjection('ru', at('2022-06-24')))
      .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-24'), earliest: at('2022-06-25') });
    proposal()
      .given([tabled, objectionRaised('ru', 'no', 1, at('2022-06-25'))])
      .when(withdrawObjection('ru', at('2022-06-25')))
      .thenEvents([{ type: 'ObjectionWithdrawn', data: { proposalId: tabled.data.proposalId, participantId: 'ru', occurredAt: at('2022-06-25') } }]);
  });

  it('refuses the withdrawal of the proposal dated before a record already on it', () => {
    proposal()
      .given([tabled, supportExpressed('ua', 1, at('2022-06-25'))])
      .when(withdrawProposal('withdrawn', at('2022-06-23')))
      .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-23'), earliest: at('2022-06-25') });
  });

  it('refuses a revision dated before a record on the text it replaces', () => {
    proposal()
      .given([tabled, supportExpressed('ua', 1, at('2022-06-24'))])
      .when(revise('A new text', at('2022-06-22')))
      .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-22'), earliest: at('2022-06-24') });
  });

  it('refuses support or an objection dated before the revision it is on', () => {
    const revised = [tabled, proposalRevised(2, 'A new text', at('2022-06-25'))];
    proposal()
      .given(revised)
      .when(expressSupport('ua', at('2022-06-24')))
      .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-24'), earliest: at('2022-06-25') });
    proposal()
      .given(revised)
      .when(raiseObjection('ru', 'no', at('2022-06-24')))
      .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-24'), earliest: at('2022-06-25') });
    proposal()
      .given(revised)
      .when(expressSupport('ua', at('2022-06-25')))
      .thenEvents([{ type: 'SupportExpressed', data: { proposalId: tabled.data.proposalId, participantId: 'ua', revision: 2, occurredAt: at('2022-06-25') } }]);
  });

  describe("a participant's own support, objection and withdrawal of it, in the order they happened", () => {
    const raisedThenWithdrawn = [tabled, objectionRaised('ru', 'no', 1, at('2022-06-23')), objectionWithdrawn('ru', at('2022-06-26'))];

    it('refuses support dated before the withdrawal of its objection: on that date the objection stood', () => {
      proposal()
        .given(raisedThenWithdrawn)
        .when(expressSupport('ru', at('2022-06-24')))
        .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-24'), earliest: at('2022-06-26') });
      // Dated before the objection too: the objection would have ended it, yet it would stand now.
      proposal()
        .given(raisedThenWithdrawn)
        .when(expressSupport('ru', at('2022-06-22')))
        .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-22'), earliest: at('2022-06-26') });
      proposal()
        .given(raisedThenWithdrawn)
        .when(expressSupport('ru', at('2022-06-26')))
        .thenEvents([
          { type: 'SupportExpressed', data: { proposalId: tabled.data.proposalId, participantId: 'ru', revision: 1, occurredAt: at('2022-06-26') } },
        ]);
    });

    it('names the record the refused one would precede', () => {
      const refusal = proposal()
        .given(raisedThenWithdrawn)
        .when(expressSupport('ru', at('2022-06-24')))
        .thenRefused('occurred-out-of-order');
      expect(refusal.message).toMatch(/before ru's withdrawal of its objection on proposal/);
    });

    it('refuses an objection dated before the support it ends, or before the withdrawal of an earlier one', () => {
      proposal()
        .given([tabled, supportExpressed('ru', 1, at('2022-06-25'))])
        .when(raiseObjection('ru', 'no', at('2022-06-24')))
        .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-24'), earliest: at('2022-06-25') });
      proposal()
        .given(raisedThenWithdrawn)
        .when(raiseObjection('ru', 'again', at('2022-06-25')))
        .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-25'), earliest: at('2022-06-26') });
      proposal()
        .given([tabled, supportExpressed('ru', 1, at('2022-06-25'))])
        .when(raiseObjection('ru', 'no', at('2022-06-25')))
        .thenEvents([
          {
            type: 'ObjectionRaised',
            data: { proposalId: tabled.data.proposalId, participantId: 'ru', grounds: 'no', revision: 1, occurredAt: at('2022-06-25') },
          },
        ]);
    });

    it("holds a participant to its own records only, not to another's", () => {
      proposal()
        .given(raisedThenWithdrawn)
        .when(expressSupport('ua', at('2022-06-22')))
        .thenEvents([
          { type: 'SupportExpressed', data: { proposalId: tabled.data.proposalId, participantId: 'ua', revision: 1, occurredAt: at('2022-06-22') } },
        ]);
    });

    it("refuses a withdrawal of an objection dated before the participant's own later support, in a stream recorded under earlier rules", () => {
      // Earlier rules took Russia's support dated after its objection while the objection stood.
      proposal()
        .given([tabled, objectionRaised('ru', 'no', 1, at('2022-06-23')), supportExpressed('ru', 1, at('2022-06-25'))])
        .when(withdrawObjection('ru', at('2022-06-24')))
        .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-24'), earliest: at('2022-06-25') });
    });

    it('keeps the latest date when a stream recorded under earlier rules holds them out of order', () => {
      proposal()
        .given([
          tabled,
          objectionRaised('ru', 'no', 1, at('2022-06-25')),
          objectionWithdrawn('ru', at('2022-06-27')),
          supportExpressed('ru', 1, at('2022-06-24')),
        ])
        .when(raiseObjection('ru', 'no', at('2022-06-26')))
        .thenRefused('occurred-out-of-order', { earliest: at('2022-06-27') });
    });
  });

  it('refuses a deferral dated before the deferral already recorded: the latest by date is where the proposal stands deferred to', () => {
    const deferred = [tabled, proposalDeferred(null, at('2022-06-24'))];
    proposal()
      .given(deferred)
      .when(defer(null, at('2022-06-23')))
      .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-23'), earliest: at('2022-06-24') });
    proposal()
      .given(deferred)
      .when(defer(null, at('2022-06-24')))
      .thenEvents([{ type: 'ProposalDeferred', data: { proposalId: tabled.data.proposalId, toMeetingId: null, occurredAt: at('2022-06-24') } }]);
    // A stream recorded before deferrals were held to their order: the later date stands.
    proposal()
      .given([tabled, proposalDeferred(null, at('2022-06-26')), proposalDeferred(null, at('2022-06-24'))])
      .when(defer(null, at('2022-06-25')))
      .thenRefused('occurred-out-of-order', { earliest: at('2022-06-26') });
  });

  it('takes a late entry that breaks no record dated after it', () => {
    // Support dated before an objection already recorded: each is on revision 1, neither depends on the other.
    proposal()
      .given([tabled, objectionRaised('ru', 'no', 1, at('2022-06-25'))])
      .when(expressSupport('ua', at('2022-06-22')))
      .thenEvents([{ type: 'SupportExpressed', data: { proposalId: tabled.data.proposalId, participantId: 'ua', revision: 1, occurredAt: at('2022-06-22') } }]);
  });
});
