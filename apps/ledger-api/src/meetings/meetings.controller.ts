import { MeetingAnswer } from '../openapi/answers';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { RecordCommunique } from '@concord/governance';
import { CommandMetadata, LedgerQueries, MeetingCommandsHandler } from '@concord/ledger';
import { OccurredAtDto } from '../bodies/body.dto';
import { ApiProblem } from '../http/api-problem';
import { Command } from '../http/command-metadata.decorator';
import { commandResponse, CommandResponse, worldTime } from '../http/command-response';
import { absence, resourceAt } from '../http/found';
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
  @ApiOperation({ summary: 'The meeting: kind, dates, statements, communiqué and whether it is closed' })
  async meeting(
    @Param('meetingId', SlugPipe) meetingId: string,
    @Query() query: QueryString,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeetingAnswer> {
    const asked = timePointOf(this.queries, queryParameters(query));
    const { models, point } = await this.queries.at(asked);
    return resourceAt(await models.meeting(meetingId), { asked, point }, reply, 'meeting-not-found', absence(asked, `meeting ${meetingId}`, 'convened'));
  }
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
