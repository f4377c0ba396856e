import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, Matches, Min } from 'class-validator';
import { PROPOSAL_KINDS, ProposalKind, SLUG_PATTERN } from '@concord/governance';
import { OccurredAtDto } from '../bodies/body.dto';
import { Slug, Text, Omittable } from '../http/field-rules';

export class TableProposalDto extends OccurredAtDto {
  @Slug("The proposal's id.") proposalId!: string;
  @ApiProperty({ enum: PROPOSAL_KINDS, description: '`definition-amendment` records DefinitionAmendmentProposed; the others ProposalTabled.' })
  @IsIn(PROPOSAL_KINDS)
  kind!: ProposalKind;
  @Text('title', 'A short title.') title!: string;
  @Text('text', 'The text proposed; for a definition amendment, the whole definition as it would read.') text!: string;
  @ApiProperty({ description: 'The participants tabling it.', type: [String], example: ['ua', 'eu'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(SLUG_PATTERN, { each: true, message: 'each of proposedBy must be a participant id (a lowercase slug)' })
  proposedBy!: string[];
  @Slug('The meeting at which it was tabled, if any.', { optional: true }) meetingId?: string;
}

export class ReviseProposalDto extends OccurredAtDto {
  @Text('text', 'The revised text, in full.') text!: string;
}

export class ExpressSupportDto extends OccurredAtDto {
  @Slug('The participant expressing support.') participantId!: string;
}

export class RaiseObjectionDto extends OccurredAtDto {
  @Slug('The participant raising the objection; only a participant can block consensus.') participantId!: string;
  @Text('grounds', 'The grounds of the objection.') grounds!: string;
}

export class DeclareOutcomeDto extends OccurredAtDto {
  @ApiProperty({ enum: ['consensus', 'no-consensus'] })
  @IsIn(['consensus', 'no-consensus'])
  outcome!: 'consensus' | 'no-consensus';
  @Slug('The Chair (or the Vice-Chair acting for it) of the term the decision falls in.') declaredBy!: string;
  @Slug('The meeting (or written procedure) at which the outcome was declared.') meetingId!: string;
  @ApiPropertyOptional({ description: 'The revision decided on; refused as stale-revision when no longer current.', minimum: 1 })
  @Omittable()
  @IsInt()
  @Min(1)
  revision?: number;
}

export class DeferProposalDto extends OccurredAtDto {
  @Slug('The meeting the proposal is deferred to, if known.', { optional: true }) toMeetingId?: string;
}

export class WithdrawProposalDto extends OccurredAtDto {
  @Text('reason', 'Why the proposal is withdrawn.') reason!: string;
  @ApiPropertyOptional({
    description:
      "The proposers who withdraw it, each one of the proposal's `proposedBy` (else 422 not-a-proposer). Leave it out when who withdrew it is not recorded: the event then says `withdrawnBy: null`.",
    type: [String],
    minItems: 1,
    maxItems: 50,
    uniqueItems: true,
    example: ['ua'],
  })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(SLUG_PATTERN, { each: true, message: 'each of withdrawnBy must be a participant id (a lowercase slug)' })
  withdrawnBy?: string[];
}
