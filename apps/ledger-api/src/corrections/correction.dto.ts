import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsUUID } from 'class-validator';
import { OccurredAtDto } from '../bodies/body.dto';
import { Text } from '../http/field-rules';

export class RecordCorrectionDto extends OccurredAtDto {
  @ApiProperty({ description: 'The eventId of the record being corrected.', format: 'uuid' })
  @IsUUID()
  correctsEventId!: string;
  @Text('reason', 'Why the record is corrected.') reason!: string;
  @ApiProperty({
    description: 'The corrected field values, e.g. {"grounds": "..."}; only descriptive fields of each event type are correctable.',
    type: 'object',
    additionalProperties: true,
    example: { grounds: 'Corrected wording of the objection' },
  })
  @IsObject()
  corrections!: Record<string, unknown>;
}
