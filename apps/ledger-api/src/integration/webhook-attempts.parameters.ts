import { FieldError, InvalidQueryError } from '@concord/ledger';
import { ATTEMPTS_KEPT_PER_WEBHOOK } from '@concord/integration';
import { boundedInteger } from '../http/bounded-integer';

export const ATTEMPT_PARAMETERS = ['before', 'limit'] as const;
export const DEFAULT_ATTEMPTS_LIMIT = 20;

/** `before` (the `next` of the page before) and `limit` of a page of a webhook's attempts. */
export function attemptsRequest(parameters: Readonly<Record<string, string>>): { before: number | null; limit: number } {
  const errors: FieldError[] = [];
  const before = parameters['before'] === undefined ? null : boundedInteger('before', parameters['before'], 1, Number.MAX_SAFE_INTEGER, errors);
  const limit = parameters['limit'] === undefined ? DEFAULT_ATTEMPTS_LIMIT : boundedInteger('limit', parameters['limit'], 1, ATTEMPTS_KEPT_PER_WEBHOOK, errors);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  return { before, limit };
}
