import { ConsensusPolicy } from '@concord/governance';
import { HistoryReadings } from './history-readings';
import { LedgerView } from './ledger-view';
import { ReadModels } from './read-models';
import { resolvePoint } from './resolve-point';
import { pointFields, PointFields, TimePoint } from './time-point';

/** Every reading of the ledger at one point, and the fields that say which point that is. */
export interface PointInTime {
  readonly models: ReadModels;
  readonly history: HistoryReadings;
  readonly point: PointFields;
  /** The moment the answer speaks of: an `asOf` or `effectiveAt`, the recorded time of an `atPosition`, or now. */
  readonly moment: string;
}

/**
 * The readings of a folded view at the point asked for, as the API and the CLI both give them;
 * `undefined` for a position the ledger has not reached. `now` is the caller's clock.
 */
export function readingsAt(view: LedgerView, policy: ConsensusPolicy, asked: TimePoint, now: Date): PointInTime | undefined {
  const resolved = resolvePoint(view, asked, now.toISOString());
  if (!resolved) return undefined;
  return {
    models: new ReadModels(view, policy, resolved),
    history: new HistoryReadings(view, policy, resolved),
    point: pointFields(asked, resolved),
    moment: resolved.moment,
  };
}
