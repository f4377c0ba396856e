import { describeChanges, historyRows } from './history-command';

type Entry = Parameters<typeof describeChanges>[0];

const decision = (
  type: string,
  data: Record<string, unknown>,
  correctedData: Record<string, unknown> | null = null,
  correctedType: string | null = null,
): Entry =>
  ({
    type,
    data,
    correctedData,
    correctedType,
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

  it('reads a decision as it was recorded, as its changes do, when a correction changed its outcome since', () => {
    const corrected = decision('ConsensusDeclared', { declaredBy: 'bw' }, { declaredBy: 'bw', blockingParticipants: ['ru'] }, 'NoConsensusRecorded');
    expect(describeChanges(corrected, name)).toBe('consensus declared');
    const back = decision('NoConsensusRecorded', { declaredBy: 'bw', blockingParticipants: ['ru'] }, { declaredBy: 'bw' }, 'ConsensusDeclared');
    expect(describeChanges(back, name)).toBe('no consensus: blocked by Russian Federation');
  });
});

describe("concord history's line for a change of standing objections", () => {
  const entry = (from: unknown, to: unknown): Entry =>
    ({
      type: 'CorrectionRecorded',
      data: {},
      changes: { standingObjections: { from, to } },
      consensus: { status: 'open', revision: 1, consensusPossible: false },
    }) as unknown as Entry;

  it('says a record changed nothing where it did (a deferral, a correction of a title), not the status it left', () => {
    expect(describeChanges({ ...entry([], []), changes: {} } as Entry, name)).toBe('no change in consensus status');
    const tabled = { ...entry([], []), changes: { status: { from: null, to: 'open' } } } as Entry;
    expect(describeChanges(tabled, name)).toBe('open, revision 1, consensus blocked');
    const noneBlocking = { ...entry([], []), changes: { blockingParticipants: { from: undefined, to: [] } } } as unknown as Entry;
    expect(describeChanges(noneBlocking, name)).toBe('no change in consensus status');
  });

  it('names the objectors, and their grounds where only grounds changed', () => {
    const before = [{ participantId: 'ru', grounds: 'politicisation' }];
    expect(describeChanges(entry([], before), name)).toBe('standingObjections: [] -> [ru]');
    expect(describeChanges(entry(before, [{ participantId: 'ru', grounds: 'outside the mandate' }]), name)).toBe(
      'standingObjections: [ru ("politicisation")] -> [ru ("outside the mandate")]',
    );
  });
});

describe('concord history beside a corrected record', () => {
  const actor = { id: 'secretariat', role: 'secretariat' };
  const note = (position: number, corrections: Record<string, unknown>, reason: string) => ({
    eventId: `correction-${position}`,
    position,
    occurredAt: '2021-07-01T09:00:00.000Z',
    recordedAt: '2021-07-01T09:05:00.000Z',
    actor,
    reason,
    corrections,
  });
  const support = (corrections: ReturnType<typeof note>[]): Entry =>
    ({
      position: 7,
      type: 'SupportRecorded',
      // What the API serves: the data as recorded, the top-level time as the corrections leave it.
      occurredAt: '2021-06-04T12:00:00.000Z',
      recordedAt: '2021-06-02T12:01:00.000Z',
      actor,
      data: { participantId: 'bw', occurredAt: '2021-06-02T12:00:00.000Z' },
      correctedData: { participantId: 'bw', occurredAt: '2021-06-04T12:00:00.000Z' },
      corrections,
      changes: { supporters: { from: [], to: ['bw'] } },
      consensus: { status: 'open', revision: 1, consensusPossible: true },
    }) as unknown as Entry;

  it('shows the time as recorded on the row, and each correction as the change it made', () => {
    const rows = historyRows([support([note(9, { occurredAt: '2021-06-03T12:00:00.000Z' }, 'minutes say the 3rd')])], name);
    expect(rows[0]?.[1]).toBe('2021-06-02T12:00:00.000Z');
    expect(rows[1]?.[5]).toBe('occurredAt: 2021-06-02T12:00:00.000Z -> 2021-06-03T12:00:00.000Z (minutes say the 3rd)');
  });

  it('reads a second correction of a field from the first one, not from the record', () => {
    const rows = historyRows(
      [support([note(9, { occurredAt: '2021-06-03T12:00:00.000Z' }, 'the 3rd'), note(11, { occurredAt: '2021-06-04T12:00:00.000Z' }, 'no, the 4th')])],
      name,
    );
    expect(rows.map((row) => row[5])).toEqual([
      'supporters: [] -> [bw]',
      'occurredAt: 2021-06-02T12:00:00.000Z -> 2021-06-03T12:00:00.000Z (the 3rd)',
      'occurredAt: 2021-06-03T12:00:00.000Z -> 2021-06-04T12:00:00.000Z (no, the 4th)',
    ]);
  });

  it('names the clerk who recorded a record or its correction with a named key, beside the key id', () => {
    const named = { id: 'key-0815317317fa', role: 'secretariat', name: 'Ama Mensah' };
    const rows = historyRows(
      [{ ...support([{ ...note(9, { occurredAt: '2021-06-03T12:00:00.000Z' }, 'the 3rd'), actor: named }]), actor: named } as Entry],
      name,
    );
    expect(rows.map((row) => row[3])).toEqual(['Ama Mensah (key-0815317317fa)', 'Ama Mensah (key-0815317317fa)']);
    expect(historyRows([support([])], name)[0]?.[3]).toBe('secretariat');
  });

  it("reads a decision's corrected outcome from the record's type", () => {
    const declared = { ...decision('ConsensusDeclared', { declaredBy: 'bw', occurredAt: '2021-06-02T12:00:00.000Z' }), occurredAt: '2021-06-02T12:00:00.000Z' };
    const corrected = {
      ...declared,
      actor,
      recordedAt: '2021-06-02T12:01:00.000Z',
      corrections: [note(9, { outcome: 'no-consensus' }, 'ru blocked')],
    } as Entry;
    expect(historyRows([corrected], name)[1]?.[5]).toBe('outcome: consensus -> no-consensus (ru blocked)');
  });
});
