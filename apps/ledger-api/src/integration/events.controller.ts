import { EventPageAnswer } from '../openapi/answers';
import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedRequest } from '../auth/api-key.guard';
import { ApiProblem } from '../http/api-problem';
import { EVENT_TYPES } from '@concord/governance';
import { EVENT_ID_PATTERN, EventFeed, LiveEventHub, SSE_ID_FORMS, SSE_RESUME_ID_PATTERN } from '@concord/integration';
import { queryParameters, QueryString } from '../http/time-point.query';
import { DEFAULT_FEED_LIMIT, FEED_PARAMETERS, feedRequest, MAX_FEED_LIMIT, STREAM_PARAMETERS } from './event-feed.parameters';

const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

/**
 * A point to resume after, as a stream's reconnect sends it: a position, or with `ids=position-and-event`
 * the position and the id of the event there; a browser sends an empty id before it has received one.
 */
const RESUME_POINT = { type: 'string', pattern: SSE_RESUME_ID_PATTERN, example: '1200' } as const;
const EVENT_ID = { type: 'string', format: 'uuid', pattern: EVENT_ID_PATTERN } as const;
const TYPES_DESCRIPTION = `Only these event types, comma-separated: ${EVENT_TYPES.join(', ')}`;

/** The global log for integrators, as CloudEvents: a page at a time, or followed live over SSE. */
@ApiTags('events')
@ApiBearerAuth()
@Controller('v1/events')
export class EventsController {
  constructor(
    private readonly feed: EventFeed,
    private readonly hub: LiveEventHub,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The global log as CloudEvents, in position order',
    description:
      'Pass `next` as `after` to read the following page, and `nextEventId` as `afterEventId` to have the ledger check that the event there is still the one you read (`409 feed-position-rewritten` after its log was rolled back to an older copy and written on: events you processed after that point are not in it, and those recorded since lie at positions you passed). `next` moves past the events the filters leave out, so they are never read again. A page scans at most 10,000 events, so a sparse filter may answer fewer than `limit` with `next` below `headPosition`: keep reading while `next < headPosition`.',
  })
  @ApiQuery({ name: 'after', required: false, schema: { type: 'integer', minimum: 0, default: 0 }, description: 'Events strictly after this global position' })
  @ApiQuery({
    name: 'afterEventId',
    required: false,
    schema: EVENT_ID,
    description:
      'The id of the event at `after`, as a page gave it (`nextEventId`): the page is refused (`409 feed-position-rewritten`) if another event is there now',
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_FEED_LIMIT, default: DEFAULT_FEED_LIMIT } })
  @ApiQuery({ name: 'types', required: false, schema: { type: 'string' }, description: TYPES_DESCRIPTION })
  @ApiQuery({
    name: 'bodyId',
    required: false,
    schema: { type: 'string' },
    description: 'Only the events of this body (its own stream, its meetings and proposals)',
  })
  async page(@Query() query: QueryString): Promise<EventPageAnswer> {
    const { after, afterEventId, limit, selection } = feedRequest(queryParameters(query, FEED_PARAMETERS, { timePoint: false }));
    return this.feed.page(after, limit, selection, afterEventId);
  }

  @Get('stream')
  @ApiOperation({
    summary: 'Server-Sent Events: catch up from a position, then follow live',
    description:
      'Each message: `id: <position>` (with `ids=position-and-event`, `id: <position>:<event id>`), `data: <CloudEvent>`. Reconnect with `Last-Event-ID` to resume exactly after the last event received; an id that names its event is checked first (`409 feed-position-rewritten` where the log was rolled back to an older copy and written on since). A comment heartbeat comes at least every 15 s; on a filtered stream that read past events it left out, an `event: progress` message with `id: <position>` instead, to resume after. A client that falls more than the buffer behind receives `event: overflow` naming its last delivered position and is disconnected.',
  })
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'after', required: false, schema: { type: 'integer', minimum: 0, default: 0 } })
  @ApiQuery({
    name: 'afterEventId',
    required: false,
    schema: EVENT_ID,
    description:
      'The id of the event at `after`, checked before the stream opens (`409 feed-position-rewritten` if another is there now); not where `Last-Event-ID` or `lastEventId` is sent, which says where to resume instead',
  })
  @ApiQuery({
    name: 'ids',
    required: false,
    schema: { type: 'string', enum: [...SSE_ID_FORMS], default: 'position' },
    description:
      '`position-and-event`: each `id` is `<position>:<event id>`, which a reconnect sends back and the ledger checks, so a log restored from an older copy is not followed as if it were the one read',
  })
  @ApiQuery({ name: 'types', required: false, schema: { type: 'string' }, description: TYPES_DESCRIPTION })
  @ApiQuery({ name: 'bodyId', required: false, schema: { type: 'string' } })
  @ApiQuery({
    name: 'lastEventId',
    required: false,
    schema: RESUME_POINT,
    description:
      'The id of the last event received, for clients that cannot send the `Last-Event-ID` header (`EventSource` polyfills); wins over `after`, and the header wins over it. Empty: none received',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    schema: RESUME_POINT,
    description: 'The id of the last event received; wins over `lastEventId` and `after`. Empty: none received',
  })
  async stream(
    @Query() query: QueryString,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { after, afterEventId, selection, idForm } = feedRequest(queryParameters(query, STREAM_PARAMETERS, { timePoint: false }), lastEventId);
    // Refused before the stream opens, so the client gets a problem+json and not an empty stream.
    await this.feed.assertReached(after, afterEventId);
    const startEventId = idForm === 'position' ? null : (afterEventId ?? (await this.feed.eventIdAt(after)));
    const owner = (request as AuthenticatedRequest).caller?.keyId;
    // Checked after the last wait and before the stream opens, so two requests of one key cannot both pass on the same count.
    if (!this.hub.hasRoomFor(owner)) {
      throw new ApiProblem(
        'rate-limited',
        `this key holds ${this.hub.streamsPerOwner} event streams open on this instance, the most one key may (CONCORD_SSE_STREAMS_PER_KEY): end one, or resume on it, before opening another`,
        { limit: 'streams', most: this.hub.streamsPerOwner },
      );
    }
    reply.hijack();
    // The headers set so far (security, CORS, request id) go out too: a hijacked reply sends only what is written here.
    const set = Object.entries(reply.getHeaders()).filter((header): header is [string, string | number | string[]] => header[1] !== undefined);
    reply.raw.writeHead(200, { ...Object.fromEntries(set), ...STREAM_HEADERS });
    if (request.method === 'HEAD') {
      reply.raw.end();
      return;
    }
    request.raw.socket.setNoDelay(true);
    this.hub.open(reply.raw, after, selection, owner, { form: idForm, afterEventId: startEventId });
  }
}
