import { AppendOnlyList, GovernanceEvent } from '@concord/governance';
import { AggregateTimeline, AppliedCorrection, RecordedEvent, SNAPSHOT_INTERVAL } from './aggregate-timeline';
import { ResolvedPoint } from './time-point';
import { actor, day, fold, history, listFold, naive, Step } from './testing/random-history';

describe('AggregateTimeline', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('answers every position and every world time as a full fold would (seed %i)', (seed) => {
    const steps = history(seed, 120);
    const timeline = new AggregateTimeline<string[]>('meeting-m', [], fold, 4);
    const check = (): void => {
      const head = steps.length;
      for (let position = 0; position <= head; position += 1) {
        const point = { position, effectiveAt: null, moment: day(0) };
        expect({ position, state: timeline.at(point)?.state }).toEqual({ position, state: naive(steps, point) });
      }
      for (let n = -1; n <= head + 1; n += 3) {
        const point = { position: head, effectiveAt: day(n), moment: day(n) };
        expect({ effectiveAt: n, state: timeline.at(point)?.state }).toEqual({ effectiveAt: n, state: naive(steps, point) });
      }
    };
    steps.forEach((step, index) => {
      if (step.kind === 'event') timeline.append(step.recorded);
      else timeline.correct(step.correction);
      // World-time snapshots are built lazily by reads, so reading midway must not spoil later answers.
      if (index % 10 === 0) {
        const partial = steps.slice(0, index + 1);
        for (const n of [5, 30, index]) {
          const point = { position: index + 1, effectiveAt: day(n), moment: day(n) };
          expect(timeline.at(point)?.state).toEqual(naive(partial, point));
        }
      }
    });
    check();
  });

  it.each([1, 2, 3, 4])('answers the same with a list that versions share, whose later appends and forks go on from snapshots (seed %i)', (seed) => {
    const steps = history(seed, 120);
    const timeline = new AggregateTimeline<AppendOnlyList<string>>('meeting-m', AppendOnlyList.empty(), listFold, 4);
    const stateAt = (point: ResolvedPoint): string[] | undefined => timeline.at(point)?.state.toArray();
    steps.forEach((step, index) => {
      if (step.kind === 'event') timeline.append(step.recorded);
      else timeline.correct(step.correction);
      const partial = steps.slice(0, index + 1);
      for (const position of [index + 1, Math.floor(index / 2), Math.max(0, index - 5)]) {
        const point = { position, effectiveAt: null, moment: day(0) };
        expect({ index, position, state: stateAt(point) }).toEqual({ index, position, state: naive(partial, point) });
      }
      for (const n of [5, 30, index]) {
        const point = { position: index + 1, effectiveAt: day(n), moment: day(n) };
        expect({ index, effectiveAt: n, state: stateAt(point) }).toEqual({ index, effectiveAt: n, state: naive(partial, point) });
      }
    });
  });

  it("says nothing existed before the stream's first event", () => {
    const timeline = new AggregateTimeline<string[]>('meeting-m', [], fold, 4);
    const [first] = history(1, 1);
    if (first?.kind !== 'event') throw new Error('the first step is an event');
    timeline.append({ ...first.recorded, position: 7 });
    expect(timeline.at({ position: 6, effectiveAt: null, moment: day(0) })).toBeUndefined();
    expect(timeline.at({ position: 7, effectiveAt: null, moment: day(0) })?.streamRevision).toBe(0);
  });
});

describe('AggregateTimeline, the cost of a read at a point', () => {
  /** A fold that keeps each statement's speaker but not its summary, counting its own calls. */
  function countingTimeline(): { timeline: AggregateTimeline<string[]>; calls: () => number } {
    let calls = 0;
    const timeline = new AggregateTimeline<string[]>('meeting-m', [], (state, recorded) => {
      calls += 1;
      return [...state.slice(-3), `${recorded.eventId}@${recorded.event.data.occurredAt}`];
    });
    return { timeline, calls: () => calls };
  }
  const statement = (position: number, occurredAt = day(position)): RecordedEvent => ({
    eventId: `e${position}`,
    position,
    streamRevision: position - 1,
    schemaVersion: 1,
    recordedAt: day(position),
    actor,
    event: { type: 'StatementRecorded', data: { summary: 's', occurredAt } } as unknown as GovernanceEvent,
  });
  const correction = (position: number, target: number, corrections: Record<string, string>): AppliedCorrection => ({
    eventId: `c${position}`,
    position,
    streamRevision: position - 1,
    schemaVersion: 1,
    recordedAt: day(position),
    actor,
    occurredAt: day(position),
    correctsEventId: `e${target}`,
    reason: 'typo',
    corrections,
  });

  it('folds at most one snapshot interval per read, however many corrections of what the state does not keep', () => {
    const { timeline, calls } = countingTimeline();
    for (let position = 1; position <= 5000; position += 1) timeline.append(statement(position));
    for (let position = 5001; position <= 5300; position += 1) timeline.correct(correction(position, 1 + (position % 50), { summary: `fixed ${position}` }));
    const before = calls();
    for (let position = 5001; position <= 5300; position += 1) timeline.at({ position, effectiveAt: null, moment: day(0) });
    for (let position = 100; position <= 5000; position += 100) timeline.at({ position, effectiveAt: null, moment: day(0) });
    expect((calls() - before) / 350).toBeLessThanOrEqual(SNAPSHOT_INTERVAL);
  });

  it('keeps only a few past correction epochs grown, and stays right when it folds one again', () => {
    const { timeline } = countingTimeline();
    const steps: Step[] = [];
    for (let position = 1; position <= 2000; position += 1) steps.push({ kind: 'event', recorded: statement(position) });
    for (let position = 2001; position <= 2040; position += 1)
      steps.push({ kind: 'correction', correction: correction(position, 1 + ((position * 7) % 300), { occurredAt: day(position % 30) }) });
    for (const step of steps) {
      if (step.kind === 'event') timeline.append(step.recorded);
      else timeline.correct(step.correction);
    }
    const lastFour = (state: string[], recorded: RecordedEvent): string[] => [...state.slice(-3), `${recorded.eventId}@${recorded.event.data.occurredAt}`];
    const expected = (position: number): string[] | undefined => naive(steps, { position, effectiveAt: null, moment: day(0) }, lastFour);
    for (let round = 0; round < 2; round += 1) {
      for (let position = 2001; position <= 2040; position += 1) {
        expect({ position, state: timeline.at({ position, effectiveAt: null, moment: day(0) })?.state }).toEqual({ position, state: expected(position) });
      }
    }
  });
});
