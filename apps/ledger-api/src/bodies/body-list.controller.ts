import { BodyListAnswer } from '../openapi/answers';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerQueries } from '@concord/ledger';
import { ApiListPage, LIST_PARAMETERS, listRequest } from '../http/list-page';
import { pinnedPoint } from '../http/page-cursor';
import { ApiTimePoint, queryParameters, QueryString, timePointOf } from '../http/time-point.query';

const BODIES_LIST = 'bodies';

/** Every body the ledger knows, so that a desk can start without knowing an id. */
@ApiTags('bodies')
@ApiBearerAuth()
@Controller('v1/bodies')
export class BodyListController {
  constructor(private readonly queries: LedgerQueries) {}

  @Get()
  @ApiTimePoint()
  @ApiListPage()
  @ApiOperation({ summary: 'The bodies established by the point, in the order they were recorded, a page at a time' })
  async bodies(@Query() query: QueryString): Promise<BodyListAnswer> {
    const parameters = queryParameters(query, LIST_PARAMETERS);
    const { page, pinned, nextCursor } = listRequest(parameters, BODIES_LIST);
    const { models, point } = await this.queries.at(pinned === null ? timePointOf(this.queries, parameters) : pinnedPoint(pinned));
    const listed = await models.bodyList(page);
    return { ...(pinned ?? point), bodies: listed.items, nextCursor: nextCursor(listed.next, pinned ?? point) };
  }
}
