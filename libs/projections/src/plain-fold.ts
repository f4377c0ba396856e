import { withCorrection } from '@concord/governance';
import { AppliedCorrection, RecordedEvent } from './aggregate-timeline';
import { ResolvedPoint } from './time-point';

/**
 * What a point-in-time answer about one aggregate MEANS, stated with no snapshot, epoch or cache:
 * - at a position (`asOf`, `atPosition`, latest): the aggregate's records stored up to that
 *   position, each read with the corrections stored up to it, folded in stream order;
 * - at a world time (`effectiveAt`): every record stored, with every correction stored, that
 *   occurred at or before that time (as corrected), folded in `occurredAt` order, ties in the order
 *   they were stored — so a late entry counts from the day it happened.
 * Undefined when no record counts (the aggregate did not exist at that point).
 *
 * `AggregateTimeline` answers the same questions from snapshots so that a read costs the same
 * however long the history; its tests check it against this over seeded random histories. This
 * costs a full pass over the history per question: it is the definition, not the way to answer.
 */
export function plainFoldAt<S>(
  records: readonly RecordedEvent[],
  corrections: readonly AppliedCorrection[],
  point: ResolvedPoint,
  initial: S,
  fold: (state: S, recorded: RecordedEvent) => S,
): S | undefined {
  const known = (position: number): boolean => point.effectiveAt !== null || position <= point.position;
  const counted = corrections.filter((correction) => known(correction.position));
  const corrected = records
    .filter((recorded) => known(recorded.position))
    .map((recorded) =>
      counted
        .filter((correction) => correction.correctsEventId === recorded.eventId)
        .sort((a, b) => a.position - b.position)
        .reduce((current, correction) => ({ ...current, event: withCorrection(current.event, correction.corrections) }), recorded),
    );
  const inOrder =
    point.effectiveAt === null
      ? corrected.sort((a, b) => a.position - b.position)
      : corrected
          .filter((recorded) => recorded.event.data.occurredAt <= (point.effectiveAt as string))
          .sort((a, b) => compareInstants(a.event.data.occurredAt, b.event.data.occurredAt) || a.position - b.position);
  return inOrder.length === 0 ? undefined : inOrder.reduce(fold, initial);
}

/** Instants are normalised ISO strings of one width, so their code-point order is time order. */
function compareInstants(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
