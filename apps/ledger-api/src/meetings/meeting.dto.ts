import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { MEETING_KINDS, MeetingKind } from '@concord/governance';
import { OccurredAtDto } from '../bodies/body.dto';
import { CalendarDate, Slug, Text } from '../http/field-rules';

export class ConveneMeetingDto extends OccurredAtDto {
  @Slug("The meeting's id.", 'kasane-2022') meetingId!: string;
  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS)
  kind!: MeetingKind;
  @Text('location', 'Where the meeting takes place (or "written procedure").', 'Kasane, Botswana') location!: string;
  @CalendarDate('The first day of the meeting.') opensOn!: string;
  @CalendarDate('The last day of the meeting (for a written procedure: the deadline).') closesOn!: string;
}

export class RecordStatementDto extends OccurredAtDto {
  @Slug('The participant or observer who spoke.', 'ua') speakerId!: string;
  @Slug('The proposal the statement is about, if any.', 'ukraine-war-2022', { optional: true }) proposalId?: string;
  @Text('summary', 'What was said, as the secretariat records it.', 'Ukraine asks the KP to discuss how rough diamonds finance the war.') summary!: string;
}

/** Which of `text` and `reason` must be present depends on `adopted`; the controller checks it. */
export class RecordCommuniqueDto extends OccurredAtDto {
  @ApiProperty({ description: 'Whether the meeting adopted a communiqué.', example: false })
  @IsBoolean()
  adopted!: boolean;

  @Text('text', "The communiqué's text; required when adopted, refused otherwise.", 'The plenary welcomed the admission of …', { optional: true })
  text?: string;
  @Text('reason', 'Why no communiqué was adopted; required when not adopted, refused otherwise.', 'No consensus on the war in Ukraine.', { optional: true })
  reason?: string;
}
