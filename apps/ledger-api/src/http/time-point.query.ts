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
export function queryParameters(query: QueryString, own: readonly string[] = []): Record<string, string> {
  const known = [...TIME_POINT_PARAMETERS, ...own];
  const errors = Object.entries(query).flatMap(([name, value]) => {
    if (!known.includes(name)) return [{ field: name, messages: [`is not a parameter of this query; known: ${known.join(', ')}`] }];
    if (typeof value !== 'string') return [{ field: name, messages: ['must be given once'] }];
    return [];
  });
  if (errors.length > 0) throw new ApiProblem('validation-failed', errors.map((e) => `${e.field} ${e.messages.join('; ')}`).join('; '), { errors });
  return query as Record<string, string>;
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
      description: 'Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day.',
    }),
    ApiQuery({
      name: 'effectiveAt',
      required: false,
      description: 'World time: the state of affairs then, from every record stored so far that occurred by then, late entries included.',
    }),
    ApiQuery({ name: 'atPosition', required: false, description: 'The ledger exactly as it was right after the event at this global position.' }),
  );
}
