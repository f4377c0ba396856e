import { AppendOnlyList, GovernanceEvent } from '@concord/governance';
import { AppliedCorrection, RecordedEvent } from '../aggregate-timeline';
import { FoldInput } from '../latest-fold';
import { plainFoldAt } from '../plain-fold';
import { ResolvedPoint } from '../time-point';

/** A tiny deterministic generator, so a failure names the seed that reproduces it. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

export const actor = { id: 'k1', role: 'secretariat' };
export const day = (n: number): string => new Date(Date.UTC(2022, 0, 1 + n)).toISOString();

export type Step = { kind: 'event'; recorded: RecordedEvent } | { kind: 'correction'; correction: AppliedCorrection };

/**
 * A stream of statements, some entered late (dated before earlier ones), some corrected later.
 * With `interleaved`, other streams' records lie between this one's (its positions skip some), and
 * it starts after position 1.
 */
export function history(seed: number, length: number, interleaved = false): Step[] {
  const next = random(seed);
  const steps: Step[] = [];
  const ids: string[] = [];
  let position = 0;
  for (let step = 1; step <= length; step += 1) {
    position += interleaved ? 1 + Math.floor(next() * 4) : 1;
    const revision = steps.length;
    if (ids.length > 2 && next() < 0.15) {
      const target = ids[Math.floor(next() * ids.length)] as string;
      const corrections: Record<string, string> = next() < 0.5 ? { summary: `corrected at ${position}` } : { occurredAt: day(Math.floor(next() * 60)) };
      steps.push({
        kind: 'correction',
        correction: {
          eventId: `c${position}`,
          position,
          streamRevision: revision,
          schemaVersion: 1,
          recordedAt: day(100 + position),
          actor,
          occurredAt: day(100),
          correctsEventId: target,
          reason: 'typo',
          corrections,
        },
      });
      continue;
    }
    const late = next() < 0.2;
    const occurredAt = day(late ? Math.floor(next() * position) : position);
    const event = { type: 'StatementRecorded', data: { summary: `s${position}`, occurredAt } } as unknown as GovernanceEvent;
    ids.push(`e${position}`);
    steps.push({
      kind: 'event',
      recorded: { eventId: `e${position}`, position, streamRevision: revision, schemaVersion: 1, recordedAt: day(100 + position), actor, event },
    });
  }
  return steps;
}

const lineOf = (recorded: FoldInput): string =>
  `${recorded.eventId}:${String((recorded.event.data as { summary?: string }).summary)}@${recorded.event.data.occurredAt}`;

/** A fold that keeps every statement as it read, in the order folded. */
export const fold = (state: string[], recorded: FoldInput): string[] => [...state, lineOf(recorded)];

/** The same fold into a list shared between versions, as a meeting's statements are kept. */
export const listFold = (state: AppendOnlyList<string>, recorded: FoldInput): AppendOnlyList<string> => state.append(lineOf(recorded));

/** The answer as `plainFoldAt` defines it, from the same steps. */
export function naive(
  steps: readonly Step[],
  point: ResolvedPoint,
  folding: (state: string[], recorded: RecordedEvent) => string[] = fold,
): string[] | undefined {
  const records = steps.flatMap((step) => (step.kind === 'event' ? [step.recorded] : []));
  const corrections = steps.flatMap((step) => (step.kind === 'correction' ? [step.correction] : []));
  return plainFoldAt(records, corrections, point, [] as string[], folding);
}

/** The steps' last position: where a view that followed them stands, at least. */
export function lastPosition(steps: readonly Step[]): number {
  const last = steps.at(-1);
  return last === undefined ? 0 : last.kind === 'event' ? last.recorded.position : last.correction.position;
}
