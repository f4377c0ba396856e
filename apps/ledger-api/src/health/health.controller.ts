import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@concord/event-store';
import { Public } from '../auth/public.decorator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and the store\'s head position; needs no key' })
  async health(): Promise<{ status: 'ok'; headPosition: number }> {
    return { status: 'ok', headPosition: await this.store.headPosition() };
  }
}
