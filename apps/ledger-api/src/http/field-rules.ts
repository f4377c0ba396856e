import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Min, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';
import { characterCount, isIsoDate, isIsoDateOrDateTime, SLUG_PATTERN, TEXT_LIMITS, TextField, unprintableProblem } from '@concord/governance';

/** Field rules shared by every command body, each with its OpenAPI description. */

/**
 * A field that may be left out. Unlike `IsOptional`, which also lets `null` through unchecked,
 * a field given as `null` is checked like any other value and refused by its type.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** An id; `example` is one this very field would hold in the Kimberley Process story. */
export function Slug(description: string, example: string, options: { optional?: boolean } = {}): PropertyDecorator {
  const doc = { description, pattern: SLUG_PATTERN.source, example };
  return applyDecorators(
    ...(options.optional ? [Omittable(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
    IsString(),
    Matches(SLUG_PATTERN, { message: '$property must be a lowercase slug matching ^[a-z0-9][a-z0-9-]{0,63}$' }),
  );
}

/** A proposal's text revision a record says it is on: when given and no longer current, refused as `stale-revision`. */
export function NamedRevision(description: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ description, type: 'integer', minimum: 1, example: 2 }), Omittable(), IsInt(), Min(1));
}

/** Refuses what `unprintableProblem` refuses: the same rule a correction of the field meets. */
export function Printable(kind: TextField): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPrintable',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || unprintableProblem(kind, value) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} ${unprintableProblem(kind, String(args?.value ?? '')) ?? 'must be printable text'}`,
      },
    });
  };
}

const VISIBLE = /[^\s\p{Cf}]/u;

/**
 * At most `max` characters as `TEXT_LIMITS` counts them (code points: `characterCount`), as a
 * correction of the field and OpenAPI's `maxLength` count them. class-validator's `MaxLength`
 * leaves variation selectors (U+FE0F) uncounted, so the two disagreed on the same text.
 */
function MaxCharacters(max: number): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'maxCharacters',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || characterCount(value) <= max,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} must be at most ${max} characters`,
      },
    });
  };
}

/** Free text of a kind listed in `TEXT_LIMITS`: something other than white space, within its limit, printable. */
export function Text(kind: TextField, description: string, example: string, options: { optional?: boolean } = {}): PropertyDecorator {
  const maxLength = TEXT_LIMITS[kind];
  const doc = { description, maxLength, minLength: 1, example };
  return applyDecorators(
    ...(options.optional ? [Omittable(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
    IsString(),
    // Zero-width and other format characters (U+200B, U+2060, …) are no more visible than white space.
    Matches(VISIBLE, { message: '$property must contain something other than white space' }),
    MaxCharacters(maxLength),
    Printable(kind),
  );
}

function isoRule(name: string, check: (value: string) => boolean, message: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && check(value),
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} ${message}`,
      },
    });
  };
}

export function OccurredAt(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      description: 'When it happened in the world (ISO 8601 date or date-time); never in the future.',
      example: '2022-06-21T10:30:00Z',
    }),
    isoRule(
      'isIsoDateOrDateTime',
      isIsoDateOrDateTime,
      'must be an ISO 8601 date (YYYY-MM-DD) or date-time with a zone (2022-06-21T10:30:00Z), in the years 0000 to 9999 in UTC',
    ),
  );
}

export function CalendarDate(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, example: '2022-06-20' }),
    isoRule('isIsoDate', isIsoDate, 'must be an ISO 8601 calendar date (YYYY-MM-DD)'),
  );
}
