import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandMetadata, CorrectionCommandsHandler } from '@concord/ledger';
import { Command } from '../http/command-metadata.decorator';
import { commandResponse, CommandResponse, worldTime } from '../http/command-response';
import { RecordCorrectionDto } from './correction.dto';

@ApiTags('corrections')
@ApiBearerAuth()
@Controller('v1/corrections')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionCommandsHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Correct a recorded event (CorrectionRecorded); the original stays in the log' })
  async correct(@Body() dto: RecordCorrectionDto, @Command() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const { correctsEventId, reason, corrections } = dto;
    const command = { type: 'RecordCorrection', data: { correctsEventId, reason, corrections, occurredAt: worldTime(dto.occurredAt) } } as const;
    return commandResponse(reply, await this.corrections.handle(command, meta));
  }
}
