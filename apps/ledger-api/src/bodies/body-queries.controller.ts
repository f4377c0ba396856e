import {
  BodyAnswer,
  BodyChairsAnswer,
  BodyDefinitionAnswer,
  BodyHistoryAnswer,
  BodyMeetingsAnswer,
  BodyProposalsAnswer,
  BodyStatementsAnswer,
} from '../openapi/answers';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { PROPOSAL_STATUSES, ProposalStatus } from '@concord/governance';
import { CLOCK, Clock, InvalidQueryError, LedgerQueries } from '@concord/ledger';
import { DefinitionVersionView } from '@concord/projections';
import { ApiSearch, searchOf } from '../http/search-query';
import { Inject } from '@nestjs/common';
import { absence, found, resourceAt } from '../http/found';
import { SlugPipe } from '../http/slug.pipe';
import { ApiTimePoint, queryParameters, QueryString, timePointOf } from '../http/time-point.query';
import { ApiListPage, LIST_PARAMETERS, listRequest } from '../http/list-page';
import { pinnedPoint } from '../http/page-cursor';
import { BODY_HISTORY_PARAMETERS, bodyHistoryRequest, MAX_HISTORY_PAGE, readsUntil } from './body-history.parameters';

/** What the body's queries answer, now or at any point in its history. */
@ApiTags('bodies')
@ApiBearerAuth()
@Controller('v1/bodies/:bodyId')
export class BodyQueriesController {
  constructor(
    private readonly queries: LedgerQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiTimePoint()
  @ApiOperation({ summary: "The body: participants and observers with their status, the current term's offices, the definition in force" })
  async body(@Param('bodyId', SlugPipe) bodyId: string, @Query() query: QueryString, @Res({ passthrough: true }) reply: FastifyReply): Promise<BodyAnswer> {
    const asked = timePointOf(this.queries, queryParameters(query));
    const { models, point } = await this.queries.at(asked);
    return resourceAt(await models.body(bodyId), { asked, point }, reply, 'body-not-found', absence(asked, `body ${bodyId}`, 'established'));
  }

  @Get('chairs')
  @ApiTimePoint()
  @ApiOperation({ summary: "Every term with its Chair, Vice-Chair and the Chair's basis" })
  async chairs(@Param('bodyId', SlugPipe) bodyId: string, @Query() query: QueryString): Promise<BodyChairsAnswer> {
    const asked = timePointOf(this.queries, queryParameters(query));
    const { models, point } = await this.queries.at(asked);
    const chairs = found(await models.chairs(bodyId), 'body-not-found', absence(asked, `body ${bodyId}`, 'established'));
    return { bodyId, ...point, chairs };
  }

  @Get('proposals')
  @ApiTimePoint()
  @ApiListPage()
  @ApiOperation({
    summary: "The body's proposals with their consensus status, in the order tabled, optionally filtered by status or searched, a page at a time",
  })
  @ApiQuery({ name: 'status', required: false, enum: PROPOSAL_STATUSES })
  @ApiSearch('title and text')
  async proposals(@Param('bodyId', SlugPipe) bodyId: string, @Query() query: QueryString): Promise<BodyProposalsAnswer> {
    const parameters = queryParameters(query, [...LIST_PARAMETERS, 'status', 'q']);
    const status = parameters['status'];
    if (status !== undefined && !(PROPOSAL_STATUSES as readonly string[]).includes(status)) {
      throw new InvalidQueryError([{ field: 'status', messages: [`must be one of ${PROPOSAL_STATUSES.join(', ')}`] }]);
    }
    // The cursor belongs to its filter: a page read on with another would skip or repeat proposals.
    // "in the order tabled": a cursor names a place in the body's list of proposals (before 2026-12-03,
    // an index among those the filter passed over).
    const list = `proposals of ${bodyId} in the order tabled${status === undefined ? '' : ` ${status}`}${parameters['q'] === undefined ? '' : ` matching ${parameters['q']}`}`;
    const { page, pinned, nextCursor } = listRequest(parameters, list);
    const asked = pinned === null ? timePointOf(this.queries, parameters) : pinnedPoint(pinned);
    const { models, point } = await this.queries.at(asked);
    const filter = { status: status as ProposalStatus | undefined, search: searchOf(parameters) };
    const listed = found(await models.proposalsOfBody(bodyId, page, filter), 'body-not-found', absence(asked, `body ${bodyId}`, 'established'));
    const at = pinned ?? point;
    return { bodyId, ...at, proposals: listed.items, nextCursor: nextCursor(listed.next, at) };
  }

  @Get('meetings')
  @ApiTimePoint()
  @ApiListPage()
  @ApiOperation({ summary: "The body's meetings convened by the point, in the order they were recorded, a page at a time" })
  async meetings(@Param('bodyId', SlugPipe) bodyId: string, @Query() query: QueryString): Promise<BodyMeetingsAnswer> {
    const parameters = queryParameters(query, LIST_PARAMETERS);
    const list = `meetings of ${bodyId}`;
    const { page, pinned, nextCursor } = listRequest(parameters, list);
    const asked = pinned === null ? timePointOf(this.queries, parameters) : pinnedPoint(pinned);
    const { models, point } = await this.queries.at(asked);
    const listed = found(await models.meetingsOfBody(bodyId, page), 'body-not-found', absence(asked, `body ${bodyId}`, 'established'));
    const at = pinned ?? point;
    return { bodyId, ...at, meetings: listed.items, nextCursor: nextCursor(listed.next, at) };
  }

  @Get('statements')
  @ApiTimePoint()
  @ApiListPage()
  @ApiSearch('summary')
  @ApiOperation({ summary: "Statements made at the body's meetings, optionally those a search finds, a page at a time" })
  async statements(@Param('bodyId', SlugPipe) bodyId: string, @Query() query: QueryString): Promise<BodyStatementsAnswer> {
    const parameters = queryParameters(query, [...LIST_PARAMETERS, 'q']);
    const search = searchOf(parameters);
    // "meeting by meeting": cursors say which meeting and statement to go on from (before 2026-12-03, an index among all of them).
    const list = `statements of ${bodyId} meeting by meeting${parameters['q'] === undefined ? '' : ` matching ${parameters['q']}`}`;
    const { page, pinned, nextCursor } = listRequest(parameters, list);
    const asked = pinned === null ? timePointOf(this.queries, parameters) : pinnedPoint(pinned);
    const { models, point } = await this.queries.at(asked);
    const listed = found(await models.statementsOfBody(bodyId, page, search), 'body-not-found', absence(asked, `body ${bodyId}`, 'established'));
    const at = pinned ?? point;
    return { bodyId, ...at, statements: listed.items, nextCursor: nextCursor(listed.next, at) };
  }

  @Get('definition')
  @ApiTimePoint()
  @ApiOperation({ summary: 'The definition in force and every earlier version, with the amendment that changed it and the dates it was in force' })
  async definition(@Param('bodyId', SlugPipe) bodyId: string, @Query() query: QueryString): Promise<BodyDefinitionAnswer> {
    const asked = timePointOf(this.queries, queryParameters(query));
    const { models, history, point } = await this.queries.at(asked);
    const versions = found(await history.definitionVersions(bodyId), 'body-not-found', absence(asked, `body ${bodyId}`, 'established'));
    return { bodyId, ...point, inForce: (await models.definitionHistory(bodyId)).at(-1) as DefinitionVersionView, versions };
  }

  @Get('history')
  @ApiTimePoint()
  @ApiOperation({ summary: 'Membership changes, offices and decisions over a period of world time, oldest first, a page at a time' })
  @ApiQuery({ name: 'from', required: false, description: 'Start of the period (a date starts at 00:00 UTC)' })
  @ApiQuery({
    name: 'to',
    required: false,
    description:
      'End of the period (a date ends at 23:59:59.999 UTC); default the moment of effectiveAt, else the latest moment a record held at the point may be dated: 14 hours after asOf, the recorded time of atPosition, or now (a day begun at UTC+14)',
  })
  @ApiQuery({ name: 'limit', required: false, description: `Entries per page, 1 to ${MAX_HISTORY_PAGE} (default 100)` })
  @ApiQuery({
    name: 'cursor',
    required: false,
    description: 'nextCursor of the previous page; the page is read at the same point as the first, whatever was recorded since',
  })
  async history(@Param('bodyId', SlugPipe) bodyId: string, @Query() query: QueryString): Promise<BodyHistoryAnswer> {
    const parameters = queryParameters(query, BODY_HISTORY_PARAMETERS);
    const now = this.clock.now();
    // The parameters are checked before the ledger is read (a bad `limit` is a 400 whatever the point).
    // A first page is then read at its point, and its period without `to` ends where that point reads
    // to; a later page is read at the point its cursor carries.
    const checked = bodyHistoryRequest(parameters, bodyId, now);
    const asked = checked.pinned === null ? timePointOf(this.queries, parameters) : pinnedPoint(checked.pinned);
    const at = await this.queries.at(asked);
    const {
      query: period,
      pinned,
      nextCursor: nextCursorAt,
    } = checked.pinned === null ? bodyHistoryRequest(parameters, bodyId, now, readsUntil(asked, at.moment)) : checked;
    const point = pinned ?? at.point;
    const page = found(await at.history.bodyHistory(bodyId, period), 'body-not-found', absence(asked, `body ${bodyId}`, 'established'));
    const nextCursor = nextCursorAt(page.next, point);
    return { bodyId, ...point, from: period.from === '' ? null : period.from, to: period.to, entries: page.entries, nextCursor };
  }
}
