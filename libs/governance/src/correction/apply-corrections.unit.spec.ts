import { GovernanceEvent } from '../events';
import { applyCorrections } from './apply-corrections';

const objection: GovernanceEvent = {
  type: 'ObjectionRaised',
  data: { proposalId: 'p', participantId: 'ru', grounds: 'first wording', revision: 1, occurredAt: '2022-06-21T00:00:00.000Z' },
};
const correction = (corrections: Record<string, string>): GovernanceEvent => ({
  type: 'CorrectionRecorded',
  data: { correctsEventId: 'e1', correctedType: 'ObjectionRaised', reason: 'misquoted', corrections, occurredAt: '2022-06-25T00:00:00.000Z' },
});

describe('applyCorrections', () => {
  it('merges corrections into the event they name, later ones winning, and drops the corrections', () => {
    const events = applyCorrections([
      { eventId: 'e1', event: objection },
      { eventId: 'c1', event: correction({ grounds: 'second wording', occurredAt: '2022-06-20T00:00:00.000Z' }) },
      { eventId: 'c2', event: correction({ grounds: 'third wording' }) },
    ]);
    expect(events).toEqual([
      { eventId: 'e1', event: { type: 'ObjectionRaised', data: { ...objection.data, grounds: 'third wording', occurredAt: '2022-06-20T00:00:00.000Z' } } },
    ]);
  });

  it('leaves a stream without corrections as it is', () => {
    expect(applyCorrections([{ eventId: 'e1', event: objection }])).toEqual([{ eventId: 'e1', event: objection }]);
  });
});
