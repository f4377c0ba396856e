import { MeetingAnswer, MeetingStatementsAnswer } from '../openapi/answers';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { RecordCommunique } from '@concord/governance';
import { CommandMetadata, LedgerQueries, MeetingCommandsHandler } from '@concord/ledger';
import { OccurredAtDto } from '../bodies/body.dto';
import { ApiProblem } from '../http/api-problem';
import { Command } from '../http/command-metadata.decorator';
import { commandResponse, CommandResponse, worldTime } from '../http/command-response';
import { absence, found, resourceAt } from '../http/found';
import { ApiListPage, DEFAULT_LIST_PAGE, LIST_PARAMETERS, listRequest, nextListCursor } from '../http/list-page';
import { firstPageMoment, pinnedPoint } from '../http/page-cursor';
import { ApiSearch, searchOf } from '../http/search-query';
import { ApiTimePoint, queryParameters, QueryString, timePointOf } from '../http/time-point.query';
import { SlugPipe } from '../http/slug.pipe';
import { RecordCommuniqueDto, RecordStatementDto } from './meeting.dto';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('v1/meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingCommandsHandler,
    private readonly queries: LedgerQueries,
  ) {}

  @Post(':meetingId/statements')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a statement by a participant or observer (StatementRecorded)' })
  async statement(
    @Param('meetingId', SlugPipe) meetingId: string,
    @Body() dto: RecordStatementDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const data = { speakerId: dto.speakerId, proposalId: dto.proposalId ?? null, summary: dto.summary, occurredAt: worldTime(dto.occurredAt) };
    return commandResponse(reply, await this.meetings.handle(meetingId, { type: 'RecordStatement', data }, meta));
  }

  @Post(':meetingId/communique')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record whether a communiqué was adopted (CommuniqueAdopted / CommuniqueNotAdopted)' })
  async communique(
    @Param('meetingId', SlugPipe) meetingId: string,
    @Body() dto: RecordCommuniqueDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return commandResponse(reply, await this.meetings.handle(meetingId, communiqueCommand(dto), meta));
  }

  @Post(':meetingId/closure')
  @HttpCode(201)
  @ApiOperation({ summary: 'Close the meeting (MeetingClosed)' })
  async close(
    @Param('meetingId', SlugPipe) meetingId: string,
    @Body() dto: OccurredAtDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return commandResponse(reply, await this.meetings.handle(meetingId, { type: 'CloseMeeting', data: { occurredAt: worldTime(dto.occurredAt) } }, meta));
  }

  @Get(':meetingId')
  @ApiTimePoint()
  @ApiOperation({
    summary: `The meeting: kind, dates, communiqué, whether it is closed, the proposals tabled, deferred to or decided at it, and its first ${DEFAULT_LIST_PAGE} statements with how many there are (nextStatementsCursor reads on)`,
  })
  async meeting(
    @Param('meetingId', SlugPipe) meetingId: string,
    @Query() query: QueryString,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeetingAnswer> {
    const parameters = queryParameters(query);
    const asked = timePointOf(this.queries, parameters);
    const { models, point } = await this.queries.at(asked);
    const meeting = resourceAt(
      await models.meeting(meetingId, DEFAULT_LIST_PAGE),
      { asked, point },
      reply,
      'meeting-not-found',
      absence(asked, `meeting ${meetingId}`, 'convened'),
    );
    const shown = meeting.statements.length;
    return {
      ...meeting,
      nextStatementsCursor: nextListCursor(statementList(meetingId, undefined), firstPageMoment(parameters))(
        shown < meeting.statementCount ? shown : null,
        point,
      ),
    };
  }

  @Get(':meetingId/statements')
  @ApiTimePoint()
  @ApiListPage()
  @ApiSearch('summary')
  @ApiOperation({
    summary:
      'The statements made at the meeting, in the order recorded (in world time, in the order they occurred), optionally those a search finds, a page at a time',
  })
  async statements(@Param('meetingId', SlugPipe) meetingId: string, @Query() query: QueryString): Promise<MeetingStatementsAnswer> {
    const parameters = queryParameters(query, [...LIST_PARAMETERS, 'q']);
    const search = searchOf(parameters);
    const list = statementList(meetingId, parameters['q']);
    const { page, pinned, nextCursor } = listRequest(parameters, list);
    const asked = pinned === null ? timePointOf(this.queries, parameters) : pinnedPoint(pinned);
    const { models, point } = await this.queries.at(asked);
    const listed = found(await models.statementsOfMeeting(meetingId, page, search), 'meeting-not-found', absence(asked, `meeting ${meetingId}`, 'convened'));
    const at = pinned ?? point;
    return { meetingId, ...at, statements: listed.items, nextCursor: nextCursor(listed.next, at) };
  }
}

/** The list a cursor of a meeting's statements belongs to: one search's cursor does not read on another's. */
function statementList(meetingId: string, q: string | undefined): string {
  return `statements of meeting ${meetingId}${q === undefined ? '' : ` matching ${q}`}`;
}

function communiqueCommand(dto: RecordCommuniqueDto): RecordCommunique {
  const occurredAt = worldTime(dto.occurredAt);
  if (dto.adopted) {
    if (dto.reason !== undefined) throw fieldProblem('reason', 'is only given when the communiqué was not adopted');
    if (dto.text === undefined) throw fieldProblem('text', 'is required when the communiqué was adopted');
    return { type: 'RecordCommunique', data: { adopted: true, text: dto.text, occurredAt } };
  }
  if (dto.text !== undefined) throw fieldProblem('text', 'is only given when the communiqué was adopted');
  if (dto.reason === undefined) throw fieldProblem('reason', 'is required when no communiqué was adopted');
  return { type: 'RecordCommunique', data: { adopted: false, reason: dto.reason, occurredAt } };
}

function fieldProblem(field: string, message: string): ApiProblem {
  return new ApiProblem('validation-failed', `${field} ${message}`, { errors: [{ field, messages: [`${field} ${message}`] }] });
}
