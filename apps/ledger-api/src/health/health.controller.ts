import { HealthAnswer, LivenessAnswer, ReadinessAnswer } from '../openapi/answers';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@concord/event-store';
import { ProjectionRunner } from '@concord/projections';
import { Public } from '../auth/public.decorator';
import { ApiProblem } from '../http/api-problem';
import { Readiness } from './readiness';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly readiness: Readiness,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The store answers, with its head position; needs no key (503 store-unavailable when it does not)' })
  async health(): Promise<HealthAnswer> {
    return { status: 'ok', headPosition: await this.store.headPosition() };
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers requests; asks nothing of the store' })
  live(): LivenessAnswer {
    return { status: 'live' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: the store answers and the read models have caught up with it; 503 not-ready while shutting down, 503 store-unavailable when the store does not answer',
  })
  async ready(): Promise<ReadinessAnswer> {
    if (this.readiness.shuttingDown) throw new ApiProblem('not-ready', 'the ledger is shutting down');
    const view = await this.runner.catchUp();
    return { status: 'ready', headPosition: await this.store.headPosition(), readPosition: view.position };
  }
}
