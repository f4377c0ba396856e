import { ConsensusPolicy } from '@concord/governance';
import { HistoryReadings, LedgerView, pointFields, PointFields, ReadModels, resolvePoint, TimePoint } from '@concord/projections';
import { Finding } from '../finding';

export interface ViewAtPoint {
  readonly models: ReadModels;
  readonly history: HistoryReadings;
  readonly point: PointFields;
}

/** The readings of a folded view at the point asked for, as the API would give them. */
export function viewAtPoint(view: LedgerView, policy: ConsensusPolicy, asked: TimePoint, now: Date): ViewAtPoint {
  const resolved = resolvePoint(view, asked, now.toISOString());
  if (!resolved) throw new Finding(`position ${asked.kind === 'at-position' ? asked.position : '?'} has not been reached; the ledger's head is at ${view.position}`);
  return { models: new ReadModels(view, policy, resolved), history: new HistoryReadings(view, policy, resolved), point: pointFields(asked, resolved) };
}

export function describePoint(point: PointFields): string {
  if (point.asOf !== undefined) return `as recorded by ${point.asOf} (position ${point.position})`;
  if (point.effectiveAt !== undefined) return `in effect at ${point.effectiveAt} (everything recorded up to position ${point.position})`;
  return `at position ${point.position}`;
}
