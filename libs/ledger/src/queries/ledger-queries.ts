import { ConsensusPolicy } from '@concord/governance';
import {
  HistoryReadings,
  pointFields,
  PointFields,
  ProjectionRunner,
  ReadModels,
  resolvePoint,
  TimePoint,
} from '@concord/projections';
import { EventLocator } from '../commands/correction-commands.handler';
import { PositionNotReachedError } from '../errors/application-errors';
import { Clock } from '../support/clock';
import { parseTimePoint, TimePointParameters } from './time-point-parameters';

/** Every reading of the ledger at one point, and the fields that say which point that is. */
export interface PointInTime {
  readonly models: ReadModels;
  readonly history: HistoryReadings;
  readonly point: PointFields;
}

export const LATEST: TimePoint = { kind: 'latest' };

/** The read side: every answer comes from projections caught up to the store's head first. */
export class LedgerQueries implements EventLocator {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly policy: ConsensusPolicy,
    private readonly clock: Clock,
  ) {}

  /** Reads `asOf` / `effectiveAt` / `atPosition` against this ledger's clock. */
  timePoint(parameters: TimePointParameters): TimePoint {
    return parseTimePoint(parameters, this.clock.now());
  }

  async at(asked: TimePoint = LATEST): Promise<PointInTime> {
    const view = await this.runner.catchUp();
    const resolved = resolvePoint(view, asked, this.clock.now().toISOString());
    if (!resolved) throw new PositionNotReachedError(asked.kind === 'at-position' ? asked.position : view.position, view.position);
    return {
      models: new ReadModels(view, this.policy, resolved),
      history: new HistoryReadings(view, this.policy, resolved),
      point: pointFields(asked, resolved),
    };
  }

  async streamOf(eventId: string): Promise<string | undefined> {
    return (await this.runner.catchUp()).eventIndex.get(eventId)?.stream;
  }
}
