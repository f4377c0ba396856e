import { RegisteredWebhookAnswer, WebhookAnswer, WebhookListAnswer } from '../openapi/answers';
import { ArgumentMetadata, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WebhookService } from '@concord/integration';
import { Caller } from '../auth/api-keys';
import { CallerKey } from '../auth/caller.decorator';
import { OnlyRoles } from '../auth/roles.decorator';
import { ApiProblem } from '../http/api-problem';
import { RegisterWebhookDto, ReplayWebhookDto } from './webhook.dto';

/** A webhook id as UUIDs are compared, whatever the case it is written in: the ledger stores them in lowercase. */
class WebhookIdPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    return (await super.transform(value, metadata)).toLowerCase();
  }
}

const webhookId = (): ParseUUIDPipe =>
  new WebhookIdPipe({
    exceptionFactory: () => new ApiProblem('validation-failed', 'webhookId must be a UUID', { errors: [{ field: 'webhookId', messages: ['must be a UUID'] }] }),
  });

/** An integrator's webhooks: each key sees and manages only its own. */
@ApiTags('webhooks')
@ApiBearerAuth()
@OnlyRoles('integrator')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a webhook; the answer carries its signing secret, shown this once' })
  register(@CallerKey() caller: Caller, @Body() body: RegisterWebhookDto): Promise<RegisteredWebhookAnswer> {
    return this.webhooks.register(caller.keyId, {
      url: body.url,
      // `null` reads as "not given", as a webhook's own answer shows it: every type, every body.
      selection: { types: body.types == null ? null : new Set(body.types), bodyId: body.bodyId ?? null },
      ...(body.after == null ? {} : { after: body.after }),
      ...(body.description == null ? {} : { description: body.description }),
    });
  }

  @Get()
  @ApiOperation({ summary: "This key's webhooks and where each one's delivery stands" })
  async list(@CallerKey() caller: Caller): Promise<WebhookListAnswer> {
    return { webhooks: await this.webhooks.list(caller.keyId) };
  }

  @Get(':webhookId')
  @ApiOperation({ summary: 'One webhook: status, deliveredThrough, lastError, lastAttemptAt, nextAttemptAt' })
  get(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string): Promise<WebhookAnswer> {
    return this.webhooks.get(caller.keyId, id);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop and forget a webhook' })
  async delete(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string): Promise<void> {
    await this.webhooks.delete(caller.keyId, id);
  }

  @Post(':webhookId/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver again from a position; the webhook becomes active' })
  replay(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string, @Body() body: ReplayWebhookDto): Promise<WebhookAnswer> {
    return this.webhooks.replay(caller.keyId, id, body.from);
  }

  @Post(':webhookId/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused or disabled webhook from where it stopped' })
  resume(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string): Promise<WebhookAnswer> {
    return this.webhooks.resume(caller.keyId, id);
  }
}
