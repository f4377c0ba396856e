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

const refusedWith = (eventId: string, occurredAt: string): DomainError | undefined => {
  try {
    assertCorrectedOrder(stream, eventId, { occurredAt: on(occurredAt) });
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
};
const refusal = (eventId: string, occurredAt: string): string | undefined => refusedWith(eventId, occurredAt)?.message;

describe('a corrected date', () => {
  it('is accepted when the stream keeps its order', () => {
    expect(refusal('objection', '2022-06-21')).toBeUndefined();
    expect(refusal('decided', '2022-11-10')).toBeUndefined();
  });

  it('is refused when it puts a record before the event that opened its stream', () => {
    expect(refusal('objection', '2022-01-01')).toMatch(/, before the ProposalTabled that opened its stream/);
    expect(refusal('tabled', '2022-06-30')).toMatch(
      /^after this correction the ObjectionRaised record would be dated 2022-06-22T00:00:00.000Z, before the ProposalTabled/,
    );
    // As the same record entered so by a command would be: the code, and what it may not precede.
    expect(refusedWith('objection', '2022-01-01')).toMatchObject({
      code: 'occurred-out-of-order',
      details: { dependentType: 'ObjectionRaised', dependentOccurredAt: on('2022-01-01'), earliest: on('2022-06-21') },
    });
  });

  it('is refused when it puts a record after the event that closed its stream', () => {
    expect(refusal('objection', '2022-12-01')).toMatch(
      /the NoConsensusRecorded that closed its stream would be dated 2022-11-11T00:00:00.000Z, before the ObjectionRaised/,
    );
    expect(refusedWith('decided', '2022-06-21')).toMatchObject({
      code: 'occurred-out-of-order',
      details: { dependentType: 'NoConsensusRecorded', dependentOccurredAt: on('2022-06-21'), earliest: on('2022-06-22') },
    });
  });

  it('leaves a decision moved into another term to be decided again there (its declarant is judged by that term)', () => {
    expect(refusal('decided', '2023-01-05')).toBeUndefined();
  });
});
