import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WebhookService } from '@concord/integration';
import { OnlyRoles } from '../auth/roles.decorator';
import { WebhookListAnswer } from '../openapi/answers';
import { webhookId } from './webhooks.controller';

/**
 * Every integrator's webhooks, for the admin: a webhook is its key's alone, so one whose key is no
 * longer accepted (an environment key replaced, rather than revoked through the API, which removes
 * its webhooks) would otherwise stay paused, its backlog growing, with no one to remove it.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@OnlyRoles('admin')
@Controller('v1/admin/webhooks')
export class AdminWebhooksController {
  constructor(private readonly webhooks: WebhookService) {}

  @Get()
  @ApiOperation({ summary: 'Every webhook, whatever key registered it (ownerKeyId), and where its delivery stands' })
  async list(): Promise<WebhookListAnswer> {
    return { webhooks: await this.webhooks.listEvery() };
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook, whatever key registered it: nothing more is delivered to it' })
  async remove(@Param('webhookId', webhookId()) id: string): Promise<void> {
    await this.webhooks.deleteAny(id);
  }
}
