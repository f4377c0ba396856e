import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { PROPOSAL_STATUSES, ProposalStatus } from '@concord/governance';
import { BodyCommandsHandler, CommandMetadata, LedgerQueries, MeetingCommandsHandler, ProposalCommandsHandler } from '@concord/ledger';
import { BodyView, ChairTermView, ProposalView } from '@concord/projections';
import { ApiProblem } from '../http/api-problem';
import { Command } from '../http/command-metadata.decorator';
import { commandResponse, CommandResponse, worldTime } from '../http/command-response';
import { found, foundWithRevision } from '../http/found';
import { SlugPipe } from '../http/slug.pipe';
import { ConveneMeetingDto } from '../meetings/meeting.dto';
import { TableProposalDto } from '../proposals/proposal.dto';
import {
  AdmitObserverDto,
  AdmitParticipantDto,
  AssignChairDto,
  EstablishBodyDto,
  OccurredAtDto,
  SelectViceChairDto,
  SuspendParticipantDto,
} from './body.dto';

@ApiTags('bodies')
@ApiBearerAuth()
@Controller('v1/bodies')
export class BodiesController {
  constructor(
    private readonly bodies: BodyCommandsHandler,
    private readonly meetings: MeetingCommandsHandler,
    private readonly proposals: ProposalCommandsHandler,
    private readonly queries: LedgerQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Establish a body with the definition in force (BodyEstablished)' })
  async establish(@Body() dto: EstablishBodyDto, @Command() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const { bodyId, name, definition } = dto;
    const result = await this.bodies.handle(bodyId, { type: 'EstablishBody', data: { bodyId, name, definition, occurredAt: worldTime(dto.occurredAt) } }, meta);
    return commandResponse(reply, result);
  }

  @Post(':bodyId/participants')
  @HttpCode(201)
  @ApiOperation({ summary: 'Admit a participant (ParticipantAdmitted)' })
  async admitParticipant(
    @Param('bodyId', SlugPipe) bodyId: string,
    @Body() dto: AdmitParticipantDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { participantId, name, kind } = dto;
    const command = { type: 'AdmitParticipant', data: { participantId, name, kind, occurredAt: worldTime(dto.occurredAt) } } as const;
    return commandResponse(reply, await this.bodies.handle(bodyId, command, meta));
  }

  @Post(':bodyId/observers')
  @HttpCode(201)
  @ApiOperation({ summary: 'Admit an observer (ObserverAdmitted)' })
  async admitObserver(
    @Param('bodyId', SlugPipe) bodyId: string,
    @Body() dto: AdmitObserverDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'AdmitObserver', data: { observerId: dto.observerId, name: dto.name, occurredAt: worldTime(dto.occurredAt) } } as const;
    return commandResponse(reply, await this.bodies.handle(bodyId, command, meta));
  }

  @Post(':bodyId/participants/:participantId/suspension')
  @HttpCode(201)
  @ApiOperation({ summary: 'Suspend a participant (ParticipantSuspended)' })
  async suspend(
    @Param('bodyId', SlugPipe) bodyId: string,
    @Param('participantId', SlugPipe) participantId: string,
    @Body() dto: SuspendParticipantDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'SuspendParticipant', data: { participantId, reason: dto.reason, occurredAt: worldTime(dto.occurredAt) } } as const;
    return commandResponse(reply, await this.bodies.handle(bodyId, command, meta));
  }

  @Post(':bodyId/participants/:participantId/reinstatement')
  @HttpCode(201)
  @ApiOperation({ summary: 'Reinstate a suspended participant (ParticipantReinstated)' })
  async reinstate(
    @Param('bodyId', SlugPipe) bodyId: string,
    @Param('participantId', SlugPipe) participantId: string,
    @Body() dto: OccurredAtDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'ReinstateParticipant', data: { participantId, occurredAt: worldTime(dto.occurredAt) } } as const;
    return commandResponse(reply, await this.bodies.handle(bodyId, command, meta));
  }

  @Post(':bodyId/members/:memberId/withdrawal')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record that a participant or observer withdrew (MemberWithdrew)' })
  async withdraw(
    @Param('bodyId', SlugPipe) bodyId: string,
    @Param('memberId', SlugPipe) memberId: string,
    @Body() dto: OccurredAtDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'WithdrawMember', data: { memberId, occurredAt: worldTime(dto.occurredAt) } } as const;
    return commandResponse(reply, await this.bodies.handle(bodyId, command, meta));
  }

  @Post(':bodyId/vice-chair')
  @HttpCode(201)
  @ApiOperation({ summary: 'Select the Vice-Chair of a term (ViceChairSelected)' })
  async selectViceChair(
    @Param('bodyId', SlugPipe) bodyId: string,
    @Body() dto: SelectViceChairDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'SelectViceChair', data: { participantId: dto.participantId, term: dto.term, occurredAt: worldTime(dto.occurredAt) } } as const;
    return commandResponse(reply, await this.bodies.handle(bodyId, command, meta));
  }

  @Post(':bodyId/chair')
  @HttpCode(201)
  @ApiOperation({ summary: 'Assign the Chair of a term, with its basis (ChairAssigned)' })
  async assignChair(
    @Param('bodyId', SlugPipe) bodyId: string,
    @Body() dto: AssignChairDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { participantId, term, basis } = dto;
    const command = { type: 'AssignChair', data: { participantId, term, basis, occurredAt: worldTime(dto.occurredAt) } } as const;
    return commandResponse(reply, await this.bodies.handle(bodyId, command, meta));
  }

  @Post(':bodyId/meetings')
  @HttpCode(201)
  @ApiOperation({ summary: 'Convene a meeting of the body (MeetingConvened)' })
  async convene(
    @Param('bodyId', SlugPipe) bodyId: string,
    @Body() dto: ConveneMeetingDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { meetingId, kind, location, opensOn, closesOn } = dto;
    if (closesOn < opensOn) {
      const message = 'closesOn must not be before opensOn';
      throw new ApiProblem('validation-failed', message, { errors: [{ field: 'closesOn', messages: [message] }] });
    }
    const command = { type: 'ConveneMeeting', data: { meetingId, kind, location, opensOn, closesOn, occurredAt: worldTime(dto.occurredAt) } } as const;
    return commandResponse(reply, await this.meetings.convene(bodyId, command, meta));
  }

  @Post(':bodyId/proposals')
  @HttpCode(201)
  @ApiOperation({ summary: 'Table a proposal (DefinitionAmendmentProposed or ProposalTabled)' })
  async table(
    @Param('bodyId', SlugPipe) bodyId: string,
    @Body() dto: TableProposalDto,
    @Command() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { proposalId, kind, title, text, proposedBy } = dto;
    const data = { proposalId, kind, title, text, proposedBy, meetingId: dto.meetingId ?? null, occurredAt: worldTime(dto.occurredAt) };
    return commandResponse(reply, await this.proposals.table(bodyId, { type: 'TableProposal', data }, meta));
  }

  @Get(':bodyId')
  @ApiOperation({ summary: 'The body: participants and observers with their status, the current term\'s offices, the definition in force' })
  async body(@Param('bodyId', SlugPipe) bodyId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<BodyView> {
    return foundWithRevision(await this.queries.body(bodyId), reply, 'body-not-found', `body ${bodyId} has not been established`);
  }

  @Get(':bodyId/chairs')
  @ApiOperation({ summary: 'Every term with its Chair, Vice-Chair and the Chair\'s basis' })
  async chairs(@Param('bodyId', SlugPipe) bodyId: string): Promise<ChairTermView[]> {
    return found(await this.queries.chairs(bodyId), 'body-not-found', `body ${bodyId} has not been established`);
  }

  @Get(':bodyId/proposals')
  @ApiOperation({ summary: 'The body\'s proposals with their consensus status, optionally filtered by status' })
  @ApiQuery({ name: 'status', required: false, enum: PROPOSAL_STATUSES })
  async proposalsOfBody(@Param('bodyId', SlugPipe) bodyId: string, @Query('status') status?: string): Promise<ProposalView[]> {
    if (status !== undefined && !(PROPOSAL_STATUSES as readonly string[]).includes(status)) {
      const message = `must be one of ${PROPOSAL_STATUSES.join(', ')}`;
      throw new ApiProblem('validation-failed', `status ${message}`, { errors: [{ field: 'status', messages: [message] }] });
    }
    const proposals = await this.queries.proposals(bodyId, status as ProposalStatus | undefined);
    return found(proposals, 'body-not-found', `body ${bodyId} has not been established`);
  }
}
