import { PointFields } from '@concord/projections';

/** "as recorded by T (position N)": the point an answer describes, for people reading it. */
export function describePoint(point: PointFields): string {
  if (point.asOf !== undefined) return `as recorded by ${point.asOf} (position ${point.position})`;
  if (point.effectiveAt !== undefined) return `in effect at ${point.effectiveAt} (everything recorded up to position ${point.position})`;
  return `at position ${point.position}`;
}
