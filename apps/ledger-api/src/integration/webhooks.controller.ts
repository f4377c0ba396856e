import { RegisteredWebhookAnswer, WebhookAnswer, WebhookAttemptAnswer, WebhookAttemptListAnswer, WebhookListAnswer } from '../openapi/answers';
import { ArgumentMetadata, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ATTEMPTS_KEPT_PER_WEBHOOK, WebhookService } from '@concord/integration';
import { Caller } from '../auth/api-keys';
import { CallerKey } from '../auth/caller.decorator';
import { OnlyRoles } from '../auth/roles.decorator';
import { ApiProblem } from '../http/api-problem';
import { queryParameters, QueryString } from '../http/time-point.query';
import { ATTEMPT_PARAMETERS, attemptsRequest, DEFAULT_ATTEMPTS_LIMIT } from './webhook-attempts.parameters';
import { RegisterWebhookDto, ReplayWebhookDto, RotateWebhookSecretDto, UpdateWebhookDto } from './webhook.dto';

/** A webhook id as UUIDs are compared, whatever the case it is written in: the ledger stores them in lowercase. */
class WebhookIdPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    return (await super.transform(value, metadata)).toLowerCase();
  }
}

export const webhookId = (): ParseUUIDPipe =>
  new WebhookIdPipe({
    exceptionFactory: () => new ApiProblem('validation-failed', 'webhookId must be a UUID', { errors: [{ field: 'webhookId', messages: ['must be a UUID'] }] }),
  });

/** A day: long enough for a receiver's deployment to take the new secret. */
const DEFAULT_PREVIOUS_VALID_S = 24 * 60 * 60;

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

  @Patch(':webhookId')
  @ApiOperation({ summary: 'Change its target, selection or note; where its delivery stands is kept' })
  update(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string, @Body() body: UpdateWebhookDto): Promise<WebhookAnswer> {
    const named = Object.entries(body).filter(([, value]) => value !== undefined);
    if (named.length === 0)
      throw new ApiProblem('validation-failed', 'name at least one of url, types, bodyId, description to change', {
        errors: [{ field: 'body', messages: ['must name at least one of url, types, bodyId, description'] }],
      });
    return this.webhooks.update(caller.keyId, id, {
      ...(body.url === undefined ? {} : { url: body.url }),
      ...(body.types === undefined ? {} : { types: body.types === null ? null : new Set(body.types) }),
      ...(body.bodyId === undefined ? {} : { bodyId: body.bodyId }),
      ...(body.description === undefined ? {} : { description: body.description }),
    });
  }

  @Post(':webhookId/rotate-secret')
  @HttpCode(200)
  // Every field has a default: a rotation may be asked for without a body.
  @ApiBody({ type: RotateWebhookSecretDto, required: false })
  @ApiOperation({ summary: 'A new signing secret, shown this once; the one it replaces signs beside it for previousValidForSeconds' })
  rotateSecret(
    @CallerKey() caller: Caller,
    @Param('webhookId', webhookId()) id: string,
    @Body() body: RotateWebhookSecretDto,
  ): Promise<RegisteredWebhookAnswer> {
    return this.webhooks.rotateSecret(caller.keyId, id, (body.previousValidForSeconds ?? DEFAULT_PREVIOUS_VALID_S) * 1000);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop and forget a webhook' })
  async delete(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string): Promise<void> {
    await this.webhooks.delete(caller.keyId, id);
  }

  @Get(':webhookId/attempts')
  @ApiOperation({
    summary: "The webhook's latest delivery attempts and pings, newest first",
    description: `Each POST the ledger made to the webhook's target: what it sent, when, how long the receiver took, its status and the error. The latest ${ATTEMPTS_KEPT_PER_WEBHOOK} are kept. Pass \`next\` as \`before\` for older ones.`,
  })
  @ApiQuery({
    name: 'before',
    required: false,
    schema: { type: 'integer', minimum: 1 },
    description: 'Attempts numbered below this: the `next` of the page before',
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: ATTEMPTS_KEPT_PER_WEBHOOK, default: DEFAULT_ATTEMPTS_LIMIT } })
  attempts(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string, @Query() query: QueryString): Promise<WebhookAttemptListAnswer> {
    const { before, limit } = attemptsRequest(queryParameters(query, ATTEMPT_PARAMETERS, { timePoint: false }));
    return this.webhooks.attempts(caller.keyId, id, before, limit);
  }

  @Post(':webhookId/ping')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send the webhook a signed test message now and answer how the receiver took it',
    description:
      "Whatever the webhook's status; its delivery state is untouched. The answer is the attempt, kept among the others: a receiver that refuses it still answers 200 here, with `delivered: false`, its `status` and `error`.",
  })
  ping(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string): Promise<WebhookAttemptAnswer> {
    return this.webhooks.ping(caller.keyId, id);
  }

  @Post(':webhookId/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver again from a position; the webhook becomes active' })
  replay(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string, @Body() body: ReplayWebhookDto): Promise<WebhookAnswer> {
    return this.webhooks.replay(caller.keyId, id, body.from);
  }

  @Post(':webhookId/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop deliveries until resumed (the receiver is down for maintenance); where delivery stands is kept' })
  pause(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string): Promise<WebhookAnswer> {
    return this.webhooks.pause(caller.keyId, id);
  }

  @Post(':webhookId/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused or disabled webhook from where it stopped' })
  resume(@CallerKey() caller: Caller, @Param('webhookId', webhookId()) id: string): Promise<WebhookAnswer> {
    return this.webhooks.resume(caller.keyId, id);
  }
}
