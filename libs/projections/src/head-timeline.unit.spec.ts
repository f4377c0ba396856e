import { AggregateTimeline } from './aggregate-timeline';
import { headAt, HeadTimeline } from './head-timeline';
import { day, fold, history, lastPosition, naive, random, Step } from './testing/random-history';

const byPosition = (position: number) => ({ position, effectiveAt: null, moment: day(0) });

/** The revision of the stream's last record at or before `position`: what an answer there was folded from. */
function revisionAt(steps: readonly Step[], position: number): number | undefined {
  const counted = steps.filter((step) => (step.kind === 'event' ? step.recorded.position : step.correction.position) <= position);
  if (!counted.some((step) => step.kind === 'event')) return undefined;
  return Math.max(...counted.map((step) => (step.kind === 'event' ? step.recorded.streamRevision : step.correction.streamRevision)));
}

function feed(sink: AggregateTimeline<string[]> | HeadTimeline<string[]>, steps: readonly Step[]): void {
  for (const step of steps) {
    if (step.kind === 'event') sink.append(step.recorded);
    else sink.correct(step.correction);
  }
}

describe('HeadTimeline', () => {
  it.each([1, 2, 3, 4, 5, 6])(
    'answers as a full fold would wherever it answers, and it answers before the first record and from the last on (seed %i)',
    (seed) => {
      const steps = history(seed, 60, true);
      const gap = random(seed + 100);
      let answered = 0;
      /** Every position up to `upTo` where the head answers, against the steps it stands for. */
      const check = (head: HeadTimeline<string[]>, known: readonly Step[], upTo: number, cut: number): void => {
        for (let position = 0; position <= upTo; position += 1) {
          const point = byPosition(position);
          if (!head.answers(point)) continue;
          answered += 1;
          expect({ cut, position, state: head.at(point)?.state }).toEqual({ cut, position, state: naive(known, point) });
          expect({ cut, position, revision: head.at(point)?.streamRevision }).toEqual({ cut, position, revision: revisionAt(known, position) });
        }
      };
      for (let cut = 1; cut <= steps.length; cut += 1) {
        const known = steps.slice(0, cut);
        const whole = new AggregateTimeline<string[]>('meeting-m', [], fold, 4);
        feed(whole, known);
        // Taken where a view stands: at or some way after the stream's last record so far.
        const viewPosition = lastPosition(known) + Math.floor(gap() * 5);
        const stored = headAt(whole, viewPosition);
        if (!stored) throw new Error('a stream with records has a head');
        const head = new HeadTimeline<string[]>('meeting-m', stored, fold);
        const first = steps[0]?.kind === 'event' ? steps[0].recorded.position : 0;
        for (const position of [0, first - 1, lastPosition(known), viewPosition])
          expect({ cut, position, answers: head.answers(byPosition(position)) }).toEqual({ cut, position, answers: true });
        check(head, known, viewPosition, cut);
        // Then it follows the log: a correction of a record before the head makes it stale.
        feed(head, steps.slice(cut));
        check(head, steps, lastPosition(steps) + 2, cut);
      }
      expect(answered).toBeGreaterThan(3 * steps.length);
    },
  );

  it('does not answer world time, nor a position within the stream before its last record', () => {
    const steps = history(7, 30, true);
    const whole = new AggregateTimeline<string[]>('meeting-m', [], fold, 4);
    feed(whole, steps);
    const last = lastPosition(steps);
    const stored = headAt(whole, last + 10);
    if (!stored) throw new Error('a stream with records has a head');
    const head = new HeadTimeline<string[]>('meeting-m', stored, fold);
    expect(head.answers(byPosition(last - 1))).toBe(false);
    expect(head.answers({ position: last + 10, effectiveAt: day(400), moment: day(400) })).toBe(false);
    expect(head.answers(byPosition(last))).toBe(true);
  });
});
