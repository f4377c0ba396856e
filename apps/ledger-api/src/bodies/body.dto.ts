import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { CHAIR_BASES, ChairBasis, PARTICIPANT_KINDS, ParticipantKind } from '@concord/governance';
import { OccurredAt, Slug, Text } from '../http/field-rules';

export class OccurredAtDto {
  @OccurredAt() occurredAt!: string;
}

export class EstablishBodyDto extends OccurredAtDto {
  @Slug("The body's id, chosen once and never reused.", 'kimberley-process') bodyId!: string;
  @Text('name', "The body's name.", 'Kimberley Process') name!: string;
  @Text(
    'definition',
    'The definition in force when the body is established (e.g. of conflict diamonds).',
    'Rough diamonds used by rebel movements or their allies to finance conflict aimed at undermining legitimate governments',
  )
  definition!: string;
}

export class AdmitParticipantDto extends OccurredAtDto {
  @Slug("The participant's id (e.g. ru, eu).", 'ru') participantId!: string;
  @Text('name', "The participant's name.", 'Russian Federation') name!: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS })
  @IsIn(PARTICIPANT_KINDS)
  kind!: ParticipantKind;
}

export class AdmitObserverDto extends OccurredAtDto {
  @Slug("The observer's id (e.g. csc, wdc).", 'csc') observerId!: string;
  @Text('name', "The observer's name.", 'KP Civil Society Coalition') name!: string;
}

export class SuspendParticipantDto extends OccurredAtDto {
  @Text('reason', 'Why the participant is suspended (or suspends itself).', 'Suspended itself pending review of its exports.') reason!: string;
}

const MIN_TERM = 1900;
const MAX_TERM = 2200;

/** A term: the calendar year an office is held for. */
function Term(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, type: 'integer', example: 2021, minimum: MIN_TERM, maximum: MAX_TERM }),
    IsInt(),
    Min(MIN_TERM),
    Max(MAX_TERM),
  );
}

export class SelectViceChairDto extends OccurredAtDto {
  @Slug('The participant selected as Vice-Chair.', 'zw') participantId!: string;
  @Term("The calendar year of the Vice-Chair's term: the year of occurredAt or one of the two after it.") term!: number;
}

export class AssignChairDto extends OccurredAtDto {
  @Slug('The participant assigned as Chair.', 'bw') participantId!: string;
  @Term("The calendar year of the Chair's term: the year of occurredAt or one of the two after it.") term!: number;
  @ApiProperty({ enum: CHAIR_BASES, description: "Why this participant chairs: succession only for the previous term's Vice-Chair." })
  @IsIn(CHAIR_BASES)
  basis!: ChairBasis;
}
