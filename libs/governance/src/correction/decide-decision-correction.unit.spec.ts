import { GovernanceEvent } from '../events';
import { evolveProposal } from '../proposal/evolve-proposal';
import { ProposalEvent, ProposalTabled } from '../proposal/proposal-events';
import { initialProposalState } from '../proposal/proposal-state';
import { outcomeOf } from '../testing/given-when-then';
import {
  at,
  chairAssigned,
  CONTEXT,
  definitionAmendmentProposed,
  DEFINITION_PROPOSAL,
  kpBody,
  kpFacts,
  objectionRaised,
  objectionWithdrawn,
  PLENARY_2022,
} from '../testing/kimberley-process';
import { applyCorrections, IdentifiedEvent } from './apply-corrections';
import { CorrectionRecorded } from './correction-events';
import { CorrectionTarget, decideCorrection, RecordCorrection } from './decide-correction';

const agendaItem: ProposalTabled = { type: 'ProposalTabled', data: { ...definitionAmendmentProposed.data, kind: 'agenda-item' } };
const decided = { proposalId: DEFINITION_PROPOSAL, revision: 1, meetingId: PLENARY_2022, occurredAt: at('2022-11-10') };
const noConsensusByTheChair: ProposalEvent = {
  type: 'NoConsensusRecorded',
  data: { ...decided, declaredBy: 'bw', declaredAs: 'chair', blockingParticipants: ['ru'] },
};
const consensusByTheChair: ProposalEvent = { type: 'ConsensusDeclared', data: { ...decided, declaredBy: 'bw', declaredAs: 'chair' } };

/** A proposal's stream with its decision last, as the correction handler reads it. */
function streamEndingIn(...events: ProposalEvent[]): { target: CorrectionTarget; stream: IdentifiedEvent[] } {
  const stream = events.map((event, index) => ({ eventId: `proposal-event-${index}`, event }));
  const last = stream.at(-1) as IdentifiedEvent;
  return { target: { eventId: last.eventId, type: last.event.type, data: { ...last.event.data } }, stream };
}

const correct = ({ target, stream }: ReturnType<typeof streamEndingIn>, corrections: Record<string, unknown>, occurredAt = at('2022-12-01')) => {
  const command: RecordCorrection = {
    type: 'RecordCorrection',
    data: { correctsEventId: target.eventId, reason: 'the minutes say otherwise', corrections, occurredAt },
  };
  return outcomeOf<CorrectionRecorded>(() => decideCorrection(command, target, CONTEXT, stream, kpFacts()));
};

const recorded = (target: CorrectionTarget, corrections: CorrectionRecorded['data']['corrections']): CorrectionRecorded => ({
  type: 'CorrectionRecorded',
  data: { correctsEventId: target.eventId, correctedType: target.type, reason: 'the minutes say otherwise', corrections, occurredAt: at('2022-12-01') },
});

describe("decideCorrection of a decision: its outcome and declarant, decided again by the decision's rules", () => {
  it('refuses to correct no consensus into consensus while an objection stood, with the code the declaration would get', () => {
    correct(streamEndingIn(agendaItem, objectionRaised('ru'), noConsensusByTheChair), { outcome: 'consensus' }).thenRefused('objections-standing', {
      blockingParticipants: ['ru'],
    });
  });

  it('corrects no consensus into consensus once the objection had been withdrawn', () => {
    const keyed = streamEndingIn(agendaItem, objectionRaised('ru'), objectionWithdrawn('ru'), {
      ...noConsensusByTheChair,
      data: { ...noConsensusByTheChair.data, blockingParticipants: [] },
    });
    correct(keyed, { outcome: 'consensus' }).thenEvents([recorded(keyed.target, { outcome: 'consensus' })]);
  });

  it('corrects consensus into no consensus, carrying the objections that stood', () => {
    const keyed = streamEndingIn(agendaItem, objectionRaised('ru'), consensusByTheChair);
    correct(keyed, { outcome: 'no-consensus' }).thenEvents([recorded(keyed.target, { outcome: 'no-consensus', blockingParticipants: ['ru'] })]);
  });

  it("corrects the declarant to the term's Vice-Chair, who acted for the Chair", () => {
    const keyed = streamEndingIn(agendaItem, objectionRaised('ru'), noConsensusByTheChair);
    correct(keyed, { declaredBy: 'zw' }).thenEvents([recorded(keyed.target, { declaredBy: 'zw', declaredAs: 'acting-chair' })]);
  });

  it('refuses a declarant who neither chaired that term nor acted for its Chair', () => {
    correct(streamEndingIn(agendaItem, objectionRaised('ru'), noConsensusByTheChair), { declaredBy: 'ru' }).thenRefused('not-the-chair');
  });

  it('refuses an outcome that is already recorded, and a value that is no outcome', () => {
    const keyed = streamEndingIn(agendaItem, objectionRaised('ru'), noConsensusByTheChair);
    correct(keyed, { outcome: 'no-consensus' }).thenRefused('correction-not-applicable');
    correct(keyed, { outcome: 'adopted' }).thenRefused('correction-not-applicable', { field: 'outcome' });
  });

  it('refuses to change the outcome on a definition amendment, which changed the definition in force, but corrects its declarant', () => {
    const amendment = streamEndingIn(definitionAmendmentProposed, consensusByTheChair);
    correct(amendment, { outcome: 'no-consensus' }).thenRefused('correction-not-applicable', { field: 'outcome' });
    correct(amendment, { declaredBy: 'zw' }).thenEvents([recorded(amendment.target, { declaredBy: 'zw', declaredAs: 'acting-chair' })]);
  });

  it('reads a decision whose outcome was corrected as the other type, and the proposal with the other status', () => {
    const { stream, target } = streamEndingIn(agendaItem, objectionRaised('ru'), consensusByTheChair);
    const correction: GovernanceEvent = recorded(target, { outcome: 'no-consensus', blockingParticipants: ['ru'] });
    const read = applyCorrections([...stream, { eventId: 'correction-1', event: correction }]);
    expect(read.at(-1)?.event).toEqual({ type: 'NoConsensusRecorded', data: { ...consensusByTheChair.data, blockingParticipants: ['ru'] } });
    const back = applyCorrections([
      ...read,
      { eventId: 'correction-2', event: recorded({ ...target, type: 'NoConsensusRecorded' }, { outcome: 'consensus' }) },
    ]);
    expect(back.at(-1)?.event).toEqual(consensusByTheChair);
    const proposal = read.map(({ event }) => event as ProposalEvent).reduce(evolveProposal, initialProposalState);
    expect(proposal.status).toBe('not-adopted');
  });

  it('is a defect, not a refusal, to re-decide a decision without its facts', () => {
    const { target, stream } = streamEndingIn(agendaItem, objectionRaised('ru'), noConsensusByTheChair);
    const command: RecordCorrection = {
      type: 'RecordCorrection',
      data: { correctsEventId: target.eventId, reason: 'r', corrections: { declaredBy: 'zw' }, occurredAt: at('2022-12-01') },
    };
    expect(() => decideCorrection(command, target, CONTEXT, stream)).toThrow('its facts are needed');
  });
});

describe('decideCorrection of a decision: its world time, decided again on the corrected day', () => {
  it('decides the decision again on its corrected day, with the facts of that day', () => {
    const keyed = streamEndingIn(agendaItem, objectionRaised('ru'), consensusByTheChair);
    // The facts say Russia's objection stood on the corrected day (they are the body as the handler reads it on that day).
    correct(keyed, { occurredAt: '2022-11-09' }).thenRefused('objections-standing', { blockingParticipants: ['ru'] });
  });

  it('moves the decision to another day of its term when the decision holds there', () => {
    const keyed = streamEndingIn(agendaItem, objectionRaised('ru'), noConsensusByTheChair);
    correct(keyed, { occurredAt: '2022-11-09' }).thenEvents([recorded(keyed.target, { occurredAt: at('2022-11-09') })]);
    // Into another term, decided again there: Botswana chaired 2022, not 2023.
    correct(keyed, { occurredAt: '2023-01-10' }, at('2023-02-01')).thenRefused('not-the-chair');
  });

  it('moves the decision into another term its declarant also chaired (a year keyed wrongly)', () => {
    const { target, stream } = streamEndingIn(agendaItem, objectionRaised('ru'), noConsensusByTheChair);
    const command: RecordCorrection = {
      type: 'RecordCorrection',
      data: { correctsEventId: target.eventId, reason: 'the minutes say otherwise', corrections: { occurredAt: '2023-01-10' }, occurredAt: at('2023-02-01') },
    };
    const chairedBoth = kpFacts({ body: kpBody(chairAssigned('bw', 2023, 'custodial', null, at('2022-11-12'))) });
    outcomeOf<CorrectionRecorded>(() => decideCorrection(command, target, CONTEXT, stream, chairedBoth)).thenEvents([
      {
        ...recorded(target, { occurredAt: at('2023-01-10') }),
        data: { ...recorded(target, { occurredAt: at('2023-01-10') }).data, occurredAt: at('2023-02-01') },
      },
    ]);
  });

  it('refuses to move a decision before a record it decided on', () => {
    const keyed = streamEndingIn(agendaItem, objectionRaised('ru'), objectionWithdrawn('ru', at('2022-11-08')), consensusByTheChair);
    correct(keyed, { occurredAt: '2022-11-07' }).thenRefused('occurred-out-of-order', { dependentType: 'ConsensusDeclared', earliest: at('2022-11-08') });
    correct(keyed, { occurredAt: '2022-11-08T12:00:00Z' }).thenEvents([recorded(keyed.target, { occurredAt: at('2022-11-08T12:00:00Z') })]);
  });
});
