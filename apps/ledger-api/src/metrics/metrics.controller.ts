import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { LedgerMetrics } from './ledger-metrics';

/** Open like `/health`, for a scraper inside the network: it names counts and positions, no content. */
@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: LedgerMetrics) {}

  @Get()
  @ApiProduces('text/plain')
  @ApiOperation({
    summary:
      'Prometheus metrics: requests by route and status, durations, events appended, head and read-side positions, SSE subscribers, webhooks and their backlog; needs no key',
  })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('Content-Type', this.metrics.contentType);
    return this.metrics.render();
  }
}
