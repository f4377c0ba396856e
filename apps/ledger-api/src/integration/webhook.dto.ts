import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Omittable, Printable } from '../http/field-rules';
import { EVENT_TYPES, SLUG_PATTERN } from '@concord/governance';
import { MAX_WEBHOOK_URL_LENGTH } from '@concord/integration';

// As the event feed says of its positions.
const AFTER_MESSAGE = 'after must be a global position: an integer from 0';
const FROM_MESSAGE = 'from must be a global position: an integer from 1';

// A webhook answers `types`, `bodyId` and `description` as null when not set, so null may be sent
// back as it was read: these three are nullable, unlike the command fields. Registration and
// change take them by the same rules.

/** Only these event types; `description` says what null (or, at registration, leaving it out) selects. */
function SelectedTypes(description: string, emptyMessage: string, example: readonly string[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description,
      type: [String],
      enum: EVENT_TYPES,
      nullable: true,
      minItems: 1,
      maxItems: EVENT_TYPES.length,
      uniqueItems: true,
      example,
    }),
    IsOptional(),
    IsArray({ message: 'types must be a list of event types, or null for all' }),
    ArrayMinSize(1, { message: emptyMessage }),
    ArrayMaxSize(EVENT_TYPES.length, { message: `types must name at most the ${EVENT_TYPES.length} event types there are` }),
    ArrayUnique({ message: 'types must name each event type once' }),
    IsIn(EVENT_TYPES, { each: true, message: `each of types must be an event type: ${EVENT_TYPES.join(', ')}` }),
  );
}

function SelectedBody(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, type: String, pattern: SLUG_PATTERN.source, nullable: true, example: 'kp' }),
    IsOptional(),
    IsString(),
    Matches(SLUG_PATTERN, { message: 'bodyId must be a lowercase slug' }),
  );
}

function WebhookNote(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, type: String, maxLength: 500, nullable: true, example: 'Decisions for the KP newsletter' }),
    IsOptional(),
    IsString(),
    MaxLength(500),
    Printable('text'),
  );
}

/** Where events are POSTed, as a URL is one line of text: half a character would be stored as another target (U+FFFD, percent-encoded). */
function TargetUrl(): PropertyDecorator {
  return applyDecorators(IsString(), MaxLength(MAX_WEBHOOK_URL_LENGTH), Printable('name'));
}

export class RegisterWebhookDto {
  @ApiProperty({
    description: 'Where events are POSTed: http or https, no credentials; private addresses are refused unless the ledger allows them.',
    example: 'https://registry.example.org/concord-events',
    maxLength: MAX_WEBHOOK_URL_LENGTH,
  })
  @TargetUrl()
  url!: string;

  @SelectedTypes('Only these event types; all types when absent or null.', 'types must name at least one event type; leave it out, or send null, for all', [
    'ObjectionRaised',
    'ConsensusDeclared',
    'NoConsensusRecorded',
  ])
  types?: string[];

  @SelectedBody('Only the events of this body; every body when absent or null.')
  bodyId?: string;

  @ApiPropertyOptional({
    description: 'Deliver the events after this global position; by default the head at registration, so only new events.',
    type: 'integer',
    minimum: 0,
    example: 0,
  })
  @Omittable()
  @IsInt({ message: AFTER_MESSAGE })
  @Min(0, { message: AFTER_MESSAGE })
  @Max(Number.MAX_SAFE_INTEGER, { message: AFTER_MESSAGE })
  after?: number;

  @WebhookNote("A note for the integrator's own use.")
  description?: string;
}

export class ReplayWebhookDto {
  @ApiProperty({ description: 'Deliver again every selected event from this global position on (inclusive).', type: 'integer', minimum: 1, example: 1 })
  @IsInt({ message: FROM_MESSAGE })
  @Min(1, { message: FROM_MESSAGE })
  @Max(Number.MAX_SAFE_INTEGER, { message: FROM_MESSAGE })
  from!: number;
}

/** A registration's fields as a change names them: each may be left out, and `types`, `bodyId` and `description` cleared with `null`. */
export class UpdateWebhookDto {
  @ApiPropertyOptional({
    description: 'A new target, checked as at registration. On an active webhook the failures counted so far are cleared and the next event is tried at once.',
    example: 'https://registry.example.org/concord-events-v2',
    maxLength: MAX_WEBHOOK_URL_LENGTH,
  })
  @Omittable()
  @TargetUrl()
  url?: string;

  @SelectedTypes(
    'Only these event types from the next event not yet acknowledged on; null for all.',
    'types must name at least one event type; send null for all',
    ['ConsensusDeclared', 'NoConsensusRecorded'],
  )
  types?: string[] | null;

  @SelectedBody('Only the events of this body from the next event not yet acknowledged on; null for every body.')
  bodyId?: string | null;

  @WebhookNote("A note for the integrator's own use; null removes it.")
  description?: string | null;
}

/** The longest a replaced secret may go on signing: a week. */
export const MAX_PREVIOUS_VALID_S = 7 * 24 * 60 * 60;
const PREVIOUS_VALID_MESSAGE = `previousValidForSeconds must be a whole number of seconds from 0 to ${MAX_PREVIOUS_VALID_S} (a week)`;

export class RotateWebhookSecretDto {
  @ApiPropertyOptional({
    description:
      'How long the secret replaced goes on signing every delivery beside the new one (a second `v1,` signature), so the receiver can switch without refusing any; 0 stops every earlier secret at once (one that leaked). 86400 (a day) when left out.',
    type: 'integer',
    minimum: 0,
    maximum: MAX_PREVIOUS_VALID_S,
    example: 86400,
  })
  @Omittable()
  @IsInt({ message: PREVIOUS_VALID_MESSAGE })
  @Min(0, { message: PREVIOUS_VALID_MESSAGE })
  @Max(MAX_PREVIOUS_VALID_S, { message: PREVIOUS_VALID_MESSAGE })
  previousValidForSeconds?: number;
}
