import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { CHAIR_BASES, ChairBasis, PARTICIPANT_KINDS, ParticipantKind } from '@concord/governance';
import { OccurredAt, Slug, Text } from '../http/field-rules';

export class OccurredAtDto {
  @OccurredAt() occurredAt!: string;
}

export class EstablishBodyDto extends OccurredAtDto {
  @Slug('The body\'s id, chosen once and never reused.') bodyId!: string;
  @Text('The body\'s name.', 200) name!: string;
  @Text('The definition in force when the body is established (e.g. of conflict diamonds).', 20000) definition!: string;
}

export class AdmitParticipantDto extends OccurredAtDto {
  @Slug('The participant\'s id (e.g. ru, eu).') participantId!: string;
  @Text('The participant\'s name.', 200) name!: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS })
  @IsIn(PARTICIPANT_KINDS)
  kind!: ParticipantKind;
}

export class AdmitObserverDto extends OccurredAtDto {
  @Slug('The observer\'s id (e.g. csc, wdc).') observerId!: string;
  @Text('The observer\'s name.', 200) name!: string;
}

export class SuspendParticipantDto extends OccurredAtDto {
  @Text('Why the participant is suspended (or suspends itself).', 2000) reason!: string;
}

const MIN_TERM = 1900;
const MAX_TERM = 2200;

export class SelectViceChairDto extends OccurredAtDto {
  @Slug('The participant selected as Vice-Chair.') participantId!: string;
  @ApiProperty({ description: 'The calendar year of the Vice-Chair\'s term.', example: 2021, minimum: MIN_TERM, maximum: MAX_TERM })
  @IsInt()
  @Min(MIN_TERM)
  @Max(MAX_TERM)
  term!: number;
}

export class AssignChairDto extends SelectViceChairDto {
  @ApiProperty({ enum: CHAIR_BASES, description: 'Why this participant chairs: succession only for the previous term\'s Vice-Chair.' })
  @IsIn(CHAIR_BASES)
  basis!: ChairBasis;
}
