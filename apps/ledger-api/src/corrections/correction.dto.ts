import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsString, IsUUID, Matches, Min } from 'class-validator';
import { OccurredAtDto } from '../bodies/body.dto';
import { Omittable, Text } from '../http/field-rules';

/** How a history names a record: `body-kp`, `meeting-is-2022`, `proposal-def-2022`. */
const RECORD_STREAM = /^(body|meeting|proposal)-[a-z0-9][a-z0-9-]{0,63}$/;

/** The record corrected is named by its eventId, or by its stream and revision as a history shows them. */
export class RecordCorrectionDto extends OccurredAtDto {
  @ApiPropertyOptional({
    description: 'The eventId of the record being corrected; or give correctsStream and correctsRevision.',
    format: 'uuid',
    example: '0190c5e0-7a1b-7c3d-9e4f-5a6b7c8d9e0f',
  })
  @Omittable()
  @IsUUID()
  correctsEventId?: string;

  @ApiPropertyOptional({
    description: 'The stream of the record being corrected, as a history shows it (with correctsRevision, instead of correctsEventId).',
    example: 'body-kimberley-process',
    pattern: RECORD_STREAM.source,
  })
  @Omittable()
  @IsString()
  @Matches(RECORD_STREAM, { message: '$property must be a record stream: body-, meeting- or proposal- followed by its id' })
  correctsStream?: string;

  @ApiPropertyOptional({ description: "The record's revision in that stream (its streamRevision, from 0).", type: 'integer', minimum: 0, example: 3 })
  @Omittable()
  @IsInt()
  @Min(0)
  correctsRevision?: number;

  @Text('reason', 'Why the record is corrected.', 'The minutes record American spelling; it was keyed as British.') reason!: string;
  @ApiProperty({
    description:
      'The corrected field values, e.g. {"grounds": "..."}; descriptive fields of each event type, and who holds an office and on what basis (see the CorrectionRecorded schema).',
    type: 'object',
    additionalProperties: true,
    example: { grounds: 'Corrected wording of the objection' },
  })
  @IsObject()
  corrections!: Record<string, unknown>;
}
