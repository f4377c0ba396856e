import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { LATEST, LedgerQueries, TIME_POINT_PARAMETERS, TimePointParameters } from '@concord/ledger';
import { TimePoint } from '@concord/projections';
import { ApiProblem } from './api-problem';

export type QueryString = Readonly<Record<string, unknown>>;

/**
 * A query string's parameters, each given at most once, none unknown: a misspelt `asof` must not
 * quietly answer for the ledger now.
 */
export function queryParameters(
  query: QueryString,
  own: readonly string[] = [],
  options: { timePoint: boolean } = { timePoint: true },
): Record<string, string> {
  const known = [...(options.timePoint ? TIME_POINT_PARAMETERS : []), ...own];
  const errors = Object.entries(query).flatMap(([name, value]) => {
    if (!known.includes(name)) return [{ field: name, messages: [`is not a parameter of this query; known: ${known.join(', ')}`] }];
    if (typeof value !== 'string') return [{ field: name, messages: ['must be given once'] }];
    return [];
  });
  if (errors.length > 0) throw new ApiProblem('validation-failed', errors.map((e) => `${e.field} ${e.messages.join('; ')}`).join('; '), { errors });
  return Object.fromEntries(Object.entries(query as Record<string, string>).map(([name, value]) => [name, withPlusOffset(value)]));
}

/**
 * A `+` left unencoded in a query string arrives as a space; a date-time whose zone offset lost its
 * sign that way is read as the `+hh:mm` it was written with.
 */
function withPlusOffset(value: string): string {
  return value.replace(/^(\d{4}-\d{2}-\d{2}T[\d:.]+) (\d{2}:\d{2})$/, '$1+$2');
}

/** The time point a query string asks for: the ledger now unless `asOf`, `effectiveAt` or `atPosition` says otherwise. */
export function timePointOf(queries: LedgerQueries, parameters: Readonly<Record<string, string>>): TimePoint {
  const given = TIME_POINT_PARAMETERS.some((name) => parameters[name] !== undefined);
  return given ? queries.timePoint(parameters as TimePointParameters) : LATEST;
}

/** Documents the three time-travel parameters on a query endpoint. */
export function ApiTimePoint(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'asOf',
      required: false,
      schema: { type: 'string', example: '2022-06-30T18:00:00Z' },
      description:
        'Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day.',
    }),
    ApiQuery({
      name: 'effectiveAt',
      required: false,
      schema: { type: 'string', example: '2022-06-24' },
      description: 'World time: the state of affairs then, from every record stored so far that occurred by then, late entries included.',
    }),
    ApiQuery({
      name: 'atPosition',
      required: false,
      schema: { type: 'integer', minimum: 0 },
      description: 'The ledger exactly as it was right after the event at this global position.',
    }),
  );
}
