import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches } from 'class-validator';
import { PROPOSAL_KINDS, ProposalKind, SLUG_PATTERN } from '@concord/governance';
import { OccurredAtDto } from '../bodies/body.dto';
import { NamedRevision, Omittable, Slug, Text } from '../http/field-rules';

/** The most participants a proposal names as its proposers; those who withdraw it are some of them, so as many at most. */
const MAX_PROPOSERS = 100;

export class TableProposalDto extends OccurredAtDto {
  @Slug("The proposal's id.", 'ukraine-war-2022') proposalId!: string;
  @ApiProperty({ enum: PROPOSAL_KINDS, description: '`definition-amendment` records DefinitionAmendmentProposed; the others ProposalTabled.' })
  @IsIn(PROPOSAL_KINDS)
  kind!: ProposalKind;
  @Text('title', 'A short title.', 'Discuss the war in Ukraine') title!: string;
  @Text(
    'text',
    'The text proposed; for a definition amendment, the whole definition as it would read.',
    'The KP discusses how rough diamonds finance the war in Ukraine.',
  )
  text!: string;
  @ApiProperty({ description: 'The participants tabling it.', type: [String], example: ['ua', 'eu'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'proposedBy must name at least one participant' })
  @ArrayMaxSize(MAX_PROPOSERS)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(SLUG_PATTERN, { each: true, message: 'each of proposedBy must be a participant id (a lowercase slug)' })
  proposedBy!: string[];
  @Slug('The meeting at which it was tabled, if any.', 'kasane-2022', { optional: true }) meetingId?: string;
}

export class ReviseProposalDto extends OccurredAtDto {
  @Text('text', 'The revised text, in full.', 'The KP discusses how rough diamonds finance the war in Ukraine and its neighbours.') text!: string;
}

export class ExpressSupportDto extends OccurredAtDto {
  @Slug('The participant expressing support.', 'eu') participantId!: string;
  @NamedRevision('The revision the participant supports, as the clerk read it; refused as stale-revision when the text has been revised since.')
  revision?: number;
}

export class RaiseObjectionDto extends OccurredAtDto {
  @Slug('The participant raising the objection; only a participant can block consensus.', 'ru') participantId!: string;
  @Text('grounds', 'The grounds of the objection.', 'an attempt to politicize the KP') grounds!: string;
  @NamedRevision('The revision objected to, as the clerk read it; refused as stale-revision when the text has been revised since.')
  revision?: number;
}

export class DeclareOutcomeDto extends OccurredAtDto {
  @ApiProperty({ enum: ['consensus', 'no-consensus'] })
  @IsIn(['consensus', 'no-consensus'])
  outcome!: 'consensus' | 'no-consensus';
  @Slug('The Chair (or the Vice-Chair acting for it) of the term the decision falls in.', 'bw') declaredBy!: string;
  @Slug('The meeting (or written procedure) at which the outcome was declared.', 'gaborone-2022') meetingId!: string;
  @NamedRevision('The revision decided on; refused as stale-revision when no longer current.')
  revision?: number;
}

export class DeferProposalDto extends OccurredAtDto {
  @Slug('The meeting the proposal is deferred to, if known.', 'gaborone-2022', { optional: true }) toMeetingId?: string;
}

export class WithdrawProposalDto extends OccurredAtDto {
  @Text('reason', 'Why the proposal is withdrawn.', 'Superseded by the plenary agenda.') reason!: string;
  @ApiPropertyOptional({
    description:
      "The proposers who withdraw it, each one of the proposal's `proposedBy` (else 422 not-a-proposer). Leave it out when who withdrew it is not recorded: the event then says `withdrawnBy: null`.",
    type: [String],
    minItems: 1,
    maxItems: MAX_PROPOSERS,
    uniqueItems: true,
    example: ['ua'],
  })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1, { message: 'withdrawnBy must name at least one proposer, or be left out' })
  @ArrayMaxSize(MAX_PROPOSERS)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(SLUG_PATTERN, { each: true, message: 'each of withdrawnBy must be a participant id (a lowercase slug)' })
  withdrawnBy?: string[];
}
