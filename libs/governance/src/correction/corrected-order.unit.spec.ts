import { GovernanceEvent } from '../events';
import { DomainError } from '../shared/domain-error';
import { IdentifiedEvent } from './apply-corrections';
import { assertCorrectedOrder } from './corrected-order';

const on = (date: string): string => `${date}T00:00:00.000Z`;
const stream: IdentifiedEvent[] = [
  {
    eventId: 'tabled',
    event: {
      type: 'ProposalTabled',
      data: { proposalId: 'p', bodyId: 'kp', kind: 'other', title: 't', text: 'x', proposedBy: ['ua'], meetingId: null, occurredAt: on('2022-06-21') },
    },
  },
  {
    eventId: 'objection',
    event: { type: 'ObjectionRaised', data: { proposalId: 'p', participantId: 'ru', grounds: 'g', revision: 1, occurredAt: on('2022-06-22') } },
  },
  {
    eventId: 'decided',
    event: {
      type: 'NoConsensusRecorded',
      data: { proposalId: 'p', revision: 1, declaredBy: 'bw', declaredAs: 'chair', meetingId: 'm', blockingParticipants: ['ru'], occurredAt: on('2022-11-11') },
    },
  },
] satisfies { eventId: string; event: GovernanceEvent }[];

const refusal = (eventId: string, occurredAt: string): string | undefined => {
  try {
    assertCorrectedOrder(stream, eventId, { occurredAt: on(occurredAt) });
    return undefined;
  } catch (error) {
    return (error as DomainError).message;
  }
};

describe('a corrected date', () => {
  it('is accepted when the stream keeps its order', () => {
    expect(refusal('objection', '2022-06-21')).toBeUndefined();
    expect(refusal('decided', '2022-11-10')).toBeUndefined();
  });

  it('is refused when it puts a record before the event that opened its stream', () => {
    expect(refusal('objection', '2022-01-01')).toMatch(/dated before the ProposalTabled/);
    expect(refusal('tabled', '2022-06-30')).toMatch(/^after this correction the ObjectionRaised record would be dated before the ProposalTabled/);
  });

  it('is refused when it puts a record after the event that closed its stream', () => {
    expect(refusal('objection', '2022-12-01')).toMatch(/dated after the NoConsensusRecorded/);
  });

  it('moves a decision within its term only', () => {
    expect(refusal('decided', '2023-01-05')).toMatch(/within its term \(2022\)/);
  });
});
