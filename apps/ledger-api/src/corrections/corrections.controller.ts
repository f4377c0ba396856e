import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandMetadata, CorrectedRecord, CorrectionCommandsHandler } from '@concord/ledger';
import { ApiProblem } from '../http/api-problem';
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
  @ApiOperation({ summary: 'Correct a recorded event, named by eventId or by stream and revision (CorrectionRecorded); the original stays in the log' })
  async correct(@Body() dto: RecordCorrectionDto, @Command() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const { reason, corrections } = dto;
    const data = { reason, corrections, occurredAt: worldTime(dto.occurredAt) };
    return commandResponse(reply, await this.corrections.handleNamed(correctedRecord(dto), data, meta));
  }
}

/** The record named: by eventId, or by stream and revision, never both and never half of the second. */
function correctedRecord(dto: RecordCorrectionDto): CorrectedRecord {
  const { correctsEventId, correctsStream, correctsRevision } = dto;
  const byPlace = correctsStream !== undefined || correctsRevision !== undefined;
  if (correctsEventId !== undefined && byPlace) {
    throw invalid(['correctsEventId', 'is given with correctsStream/correctsRevision; name the record one way']);
  }
  // UUIDs compare without case; the ledger writes its event ids in lowercase.
  if (correctsEventId !== undefined) return { eventId: correctsEventId.toLowerCase() };
  if (correctsStream !== undefined && correctsRevision !== undefined) return { stream: correctsStream, streamRevision: correctsRevision };
  if (correctsStream !== undefined) throw invalid(['correctsRevision', 'is required with correctsStream']);
  if (correctsRevision !== undefined) throw invalid(['correctsStream', 'is required with correctsRevision']);
  throw invalid(['correctsEventId', 'is required, or correctsStream and correctsRevision']);
}

function invalid([field, message]: [string, string]): ApiProblem {
  return new ApiProblem('validation-failed', `${field}: ${message}`, { errors: [{ field, messages: [message] }] });
}
