import { AggregateTimeline } from './aggregate-timeline';
import { headAt } from './head-timeline';
import { LatestFold } from './latest-fold';
import { day, fold, history, lastPosition, naive, random, Step } from './testing/random-history';

function feed(sink: AggregateTimeline<string[]> | LatestFold<string[]>, steps: readonly Step[]): void {
  for (const step of steps) {
    if (step.kind === 'event') sink.append(step.recorded);
    else sink.correct(step.correction);
  }
}

describe('LatestFold', () => {
  it.each([1, 2, 3, 4, 5, 6])('gives the head a whole timeline gives, its state the plain fold of every record (seed %i)', (seed) => {
    const steps = history(seed, 80, true);
    const gap = random(seed + 200);
    let corrected = 0;
    for (let cut = 1; cut <= steps.length; cut += 1) {
      const known = steps.slice(0, cut);
      const latest = new LatestFold<string[]>('meeting-m', [], fold);
      const whole = new AggregateTimeline<string[]>('meeting-m', [], fold, 4);
      feed(latest, known);
      feed(whole, known);
      const position = lastPosition(known) + Math.floor(gap() * 5);
      const head = latest.headAt(position);
      expect({ cut, head }).toEqual({ cut, head: headAt(whole, position) });
      expect({ cut, state: head?.state }).toEqual({ cut, state: naive(known, { position, effectiveAt: null, moment: day(0) }) });
      expect(latest.size).toBe(cut);
      if (known.at(-1)?.kind === 'correction') corrected += 1;
    }
    expect(corrected).toBeGreaterThan(3);
  });

  it('opens with the first event as corrected, and ignores a correction of an event it does not hold', () => {
    const steps = history(9, 12);
    const first = steps[0];
    if (first?.kind !== 'event') throw new Error('a history opens with an event');
    const envelope = { position: 50, streamRevision: 12, schemaVersion: 1, recordedAt: day(150), actor: { id: 'k1', role: 'secretariat' } };
    const corrections = [
      {
        ...envelope,
        eventId: 'c50',
        occurredAt: day(100),
        correctsEventId: first.recorded.eventId,
        reason: 'typo',
        corrections: { summary: 'first, corrected' },
      },
      {
        ...envelope,
        position: 51,
        streamRevision: 13,
        eventId: 'c51',
        occurredAt: day(100),
        correctsEventId: 'elsewhere',
        reason: 'typo',
        corrections: { summary: 'x' },
      },
    ];
    const all: Step[] = [...steps, ...corrections.map((correction) => ({ kind: 'correction' as const, correction }))];
    const latest = new LatestFold<string[]>('meeting-m', [], fold);
    const whole = new AggregateTimeline<string[]>('meeting-m', [], fold, 4);
    feed(latest, all);
    feed(whole, all);
    const head = latest.headAt(60);
    expect(head).toEqual(headAt(whole, 60));
    expect((head?.opening.event.data as { summary?: string }).summary).toBe('first, corrected');
  });

  it('has no head before its first event', () => {
    expect(new LatestFold<string[]>('meeting-m', [], fold).headAt(10)).toBeUndefined();
  });
});
