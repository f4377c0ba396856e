import { ProposalAnswer, ProposalHistoryAnswer } from '../openapi/answers';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { ProposalCommand, TableProposal } from '@concord/governance';
import { CommandMetadata, LedgerQueries, ProposalCommandsHandler } from '@concord/ledger';
import { OccurredAtDto } from '../bodies/body.dto';
import { Command } from '../http/command-metadata.decorator';
import { commandResponse, CommandResponse, worldTime } from '../http/command-response';
import { absence, found, resourceAt } from '../http/found';
import { ApiTimePoint, queryParameters, QueryString, timePointOf } from '../http/time-point.query';
import { SlugPipe } from '../http/slug.pipe';
import { DeclareOutcomeDto, DeferProposalDto, ExpressSupportDto, RaiseObjectionDto, ReviseProposalDto, WithdrawProposalDto } from './proposal.dto';

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('v1/proposals/:proposalId')
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalCommandsHandler,
    private readonly queries: LedgerQueries,
  ) {}

  @Post('revisions')
  @HttpCode(201)
  @ApiOperation({ summary: "Revise the proposal's text (ProposalRevised); support given to the old text lapses" })
  revise(
    @Param('proposalId', SlugPipe) id: string,
    @Body() dto: ReviseProposalDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.record(id, { type: 'ReviseProposal', data: { text: dto.text, occurredAt: worldTime(dto.occurredAt) } }, meta, reply);
  }

  @Post('support')
  @HttpCode(201)
  @ApiOperation({ summary: "Record a participant's support for the current revision (SupportExpressed)" })
  support(
    @Param('proposalId', SlugPipe) id: string,
    @Body() dto: ExpressSupportDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const data = { participantId: dto.participantId, revision: dto.revision ?? null, occurredAt: worldTime(dto.occurredAt) };
    return this.record(id, { type: 'ExpressSupport', data }, meta, reply);
  }

  @Post('objections')
  @HttpCode(201)
  @ApiOperation({ summary: "Record a participant's formal objection (ObjectionRaised); observers are refused" })
  object(
    @Param('proposalId', SlugPipe) id: string,
    @Body() dto: RaiseObjectionDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const data = { participantId: dto.participantId, grounds: dto.grounds, revision: dto.revision ?? null, occurredAt: worldTime(dto.occurredAt) };
    return this.record(id, { type: 'RaiseObjection', data }, meta, reply);
  }

  @Post('objections/:participantId/withdrawal')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record that a participant withdrew its standing objection (ObjectionWithdrawn)' })
  withdrawObjection(
    @Param('proposalId', SlugPipe) id: string,
    @Param('participantId', SlugPipe) participantId: string,
    @Body() dto: OccurredAtDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.record(id, { type: 'WithdrawObjection', data: { participantId, occurredAt: worldTime(dto.occurredAt) } }, meta, reply);
  }

  @Post('decision')
  @HttpCode(201)
  @ApiOperation({ summary: "Record the Chair's declaration: consensus (ConsensusDeclared) or none (NoConsensusRecorded)" })
  decide(
    @Param('proposalId', SlugPipe) id: string,
    @Body() dto: DeclareOutcomeDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { outcome, declaredBy, meetingId } = dto;
    const data = { outcome, declaredBy, meetingId, revision: dto.revision ?? null, occurredAt: worldTime(dto.occurredAt) };
    return this.record(id, { type: 'DeclareOutcome', data }, meta, reply);
  }

  @Post('deferral')
  @HttpCode(201)
  @ApiOperation({ summary: 'Defer the proposal, optionally to a named meeting (ProposalDeferred); it stays open' })
  defer(
    @Param('proposalId', SlugPipe) id: string,
    @Body() dto: DeferProposalDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.record(id, { type: 'DeferProposal', data: { toMeetingId: dto.toMeetingId ?? null, occurredAt: worldTime(dto.occurredAt) } }, meta, reply);
  }

  @Post('withdrawal')
  @HttpCode(201)
  @ApiOperation({ summary: 'Withdraw the proposal (ProposalWithdrawn)' })
  withdraw(
    @Param('proposalId', SlugPipe) id: string,
    @Body() dto: WithdrawProposalDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const data = { reason: dto.reason, withdrawnBy: dto.withdrawnBy ?? null, occurredAt: worldTime(dto.occurredAt) };
    return this.record(id, { type: 'WithdrawProposal', data }, meta, reply);
  }

  @Get()
  @ApiTimePoint()
  @ApiOperation({ summary: "The proposal's consensus status: who supports, who objects, who blocks, whether consensus is possible" })
  async proposal(
    @Param('proposalId', SlugPipe) id: string,
    @Query() query: QueryString,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProposalAnswer> {
    const asked = timePointOf(this.queries, queryParameters(query));
    const { models, point } = await this.queries.at(asked);
    return resourceAt(await models.proposal(id), { asked, point }, reply, 'proposal-not-found', absence(asked, `proposal ${id}`, 'tabled'));
  }

  @Get('history')
  @ApiTimePoint()
  @ApiOperation({
    summary: "The proposal's timeline: each record with both times, its actor, what it changed in the consensus status, and its corrections beside it",
  })
  async history(@Param('proposalId', SlugPipe) id: string, @Query() query: QueryString): Promise<ProposalHistoryAnswer> {
    const asked = timePointOf(this.queries, queryParameters(query));
    const { history, point } = await this.queries.at(asked);
    const entries = found(await history.proposalHistory(id), 'proposal-not-found', absence(asked, `proposal ${id}`, 'tabled'));
    return { proposalId: id, ...point, entries };
  }

  private async record(id: string, command: Exclude<ProposalCommand, TableProposal>, meta: CommandMetadata, reply: FastifyReply): Promise<CommandResponse> {
    return commandResponse(reply, await this.proposals.handle(id, command, meta));
  }
}
