import { describeChanges } from './history-command';

type Entry = Parameters<typeof describeChanges>[0];

const decision = (type: string, data: Record<string, unknown>, correctedData: Record<string, unknown> | null = null): Entry =>
  ({
    type,
    data,
    correctedData,
    changes: { status: { from: 'open', to: 'decided' } },
    consensus: { status: 'decided', revision: 1, consensusPossible: false },
  }) as unknown as Entry;

const name = (id: string): string => ({ ru: 'Russian Federation', by: 'Belarus' })[id] ?? id;

describe("concord history's line for a decision", () => {
  it('names who blocked a decision of no consensus, and says when nobody did', () => {
    expect(describeChanges(decision('NoConsensusRecorded', { blockingParticipants: ['by', 'ru'] }), name)).toBe(
      'no consensus: blocked by Belarus, Russian Federation',
    );
    expect(describeChanges(decision('NoConsensusRecorded', { blockingParticipants: [] }), name)).toBe('no consensus recorded');
    expect(describeChanges(decision('ConsensusDeclared', { declaredBy: 'bw' }), name)).toBe('consensus declared');
  });

  it('reads a decision as its correction makes it read', () => {
    const corrected = decision('ConsensusDeclared', { declaredBy: 'bw' }, { declaredBy: 'bw', blockingParticipants: ['ru'] });
    expect(describeChanges(corrected, name)).toBe('no consensus: blocked by Russian Federation');
    const back = decision('NoConsensusRecorded', { declaredBy: 'bw', blockingParticipants: ['ru'] }, { declaredBy: 'bw' });
    expect(describeChanges(back, name)).toBe('consensus declared');
  });
});
