import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { BodyCommandsHandler, CommandMetadata, MeetingCommandsHandler, ProposalCommandsHandler } from '@concord/ledger';
import { ApiProblem } from '../http/api-problem';
import { Command } from '../http/command-metadata.decorator';
import { commandResponse, CommandResponse, worldTime } from '../http/command-response';
import { SlugPipe } from '../http/slug.pipe';
import { ConveneMeetingDto } from '../meetings/meeting.dto';
import { TableProposalDto } from '../proposals/proposal.dto';
import { AdmitObserverDto, AdmitParticipantDto, AssignChairDto, EstablishBodyDto, OccurredAtDto, SelectViceChairDto, SuspendParticipantDto } from './body.dto';

@ApiTags('bodies')
@ApiBearerAuth()
@Controller('v1/bodies')
export class BodiesController {
  constructor(
    private readonly bodies: BodyCommandsHandler,
    private readonly meetings: MeetingCommandsHandler,
    private readonly proposals: ProposalCommandsHandler,
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
}
