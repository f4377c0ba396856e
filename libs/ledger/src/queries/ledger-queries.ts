import { ConsensusPolicy } from '@concord/governance';
import { LedgerView, namedPosition, PointInTime, ProjectionRunner, readingsAt, TimePoint } from '@concord/projections';
import { PositionNotReachedError } from '../errors/application-errors';
import { Clock } from '../support/clock';
import { PendingStamps } from '../support/pending-stamps';
import { parseTimePoint, TimePointParameters } from './time-point-parameters';

export const LATEST: TimePoint = { kind: 'latest' };

/** The read side: every answer comes from projections caught up to the store's head first. */
export class LedgerQueries {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly policy: ConsensusPolicy,
    private readonly clock: Clock,
    /** The commands this process has stamped and not yet stored: an answer as of a moment waits for those stamped by then. */
    private readonly stamps?: PendingStamps,
  ) {}

  /** Reads `asOf` / `effectiveAt` / `atPosition` against this ledger's clock. */
  timePoint(parameters: TimePointParameters): TimePoint {
    return parseTimePoint(parameters, this.clock.now());
  }

  async at(asked: TimePoint = LATEST): Promise<PointInTime> {
    // What the ledger held as of a moment is final only once every command stamped by then is stored or
    // refused, and once the moment is past: a command stamped later in its very millisecond would count.
    if (asked.kind === 'as-of' && this.stamps !== undefined) {
      const moment = Date.parse(asked.at);
      for (let waits = 0; waits < 3 && this.clock.now().getTime() <= moment; waits += 1) await new Promise((resolve) => setTimeout(resolve, 1));
      await this.stamps.settled(moment);
    }
    return readingsOrNotReached(await this.runner.catchUp(), this.policy, asked, this.clock.now());
  }
}

/** The readings at a point, or `PositionNotReachedError` for a position beyond the view's head. */
export function readingsOrNotReached(view: LedgerView, policy: ConsensusPolicy, asked: TimePoint, now: Date): PointInTime {
  const readings = readingsAt(view, policy, asked, now);
  if (!readings) throw new PositionNotReachedError(namedPosition(asked) ?? view.position, view.position);
  return readings;
}
