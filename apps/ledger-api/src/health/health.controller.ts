import { HealthAnswer, LivenessAnswer, ReadinessAnswer } from '../openapi/answers';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@concord/event-store';
import { ProjectionRunner } from '@concord/projections';
import { Public } from '../auth/public.decorator';
import { ApiProblem } from '../http/api-problem';
import { Readiness } from './readiness';
import { STORE_FAILURE_NOT_READY_MS, STORE_FAILURE_SHOWN_MS, StoreFailures } from './store-failures';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly readiness: Readiness,
    private readonly storeFailures: StoreFailures,
  ) {}

  @Get()
  @ApiOperation({
    summary: `The store answers, with its head position; needs no key (503 store-unavailable when it does not, or failed a request within the last ${STORE_FAILURE_SHOWN_MS / 1000} s)`,
  })
  async health(): Promise<HealthAnswer> {
    const headPosition = await this.store.headPosition();
    this.assertNoStoreFailureWithin(STORE_FAILURE_SHOWN_MS);
    return { status: 'ok', headPosition };
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers requests; asks nothing of the store' })
  live(): LivenessAnswer {
    return { status: 'live' };
  }

  @Get('ready')
  @ApiOperation({
    summary: `Readiness: the store answers and the read models have caught up with it; 503 not-ready while shutting down, 503 store-unavailable when the store does not answer or failed a request within the last ${STORE_FAILURE_NOT_READY_MS / 1000} s`,
  })
  async ready(): Promise<ReadinessAnswer> {
    if (this.readiness.shuttingDown) throw new ApiProblem('not-ready', 'the ledger is shutting down');
    const headPosition = await this.store.headPosition();
    const view = await this.runner.catchUp();
    this.assertNoStoreFailureWithin(STORE_FAILURE_NOT_READY_MS);
    // A catch-up ends where the store stops giving events: short of the head it read, the store failed to give the rest.
    if (view.position < headPosition)
      throw new ApiProblem(
        'not-ready',
        `the read models reached position ${view.position}, short of the log's head ${headPosition}: the store did not give the events between`,
      );
    return { status: 'ready', headPosition: Math.max(headPosition, view.position), readPosition: view.position };
  }

  private assertNoStoreFailureWithin(withinMs: number): void {
    const secondsAgo = this.storeFailures.secondsSinceFailureWithin(withinMs);
    if (secondsAgo !== undefined)
      throw new ApiProblem(
        'store-unavailable',
        `the store failed a request ${secondsAgo} s ago (the operator's log says why); it answers the health check, not every request`,
      );
  }
}
