import { FieldError, InvalidQueryError } from '@concord/ledger';
import { EventSelection, readSelection } from '@concord/integration';
import { boundedInteger as bounded } from '../http/bounded-integer';

export const FEED_PARAMETERS = ['after', 'limit', 'types', 'bodyId'] as const;
export const STREAM_PARAMETERS = ['after', 'types', 'bodyId'] as const;
export const DEFAULT_FEED_LIMIT = 100;
export const MAX_FEED_LIMIT = 1000;

export interface FeedRequest {
  readonly after: number;
  readonly limit: number;
  readonly selection: EventSelection;
}

/**
 * `after` and `limit` of a feed page, and the selection. `lastEventId` (the SSE reconnection
 * header) wins over `after`: it is where the client really stopped. A malformed `after` is refused
 * all the same, as any parameter that breaks its rule is.
 */
export function feedRequest(parameters: Readonly<Record<string, string>>, lastEventId?: string): FeedRequest {
  const errors: FieldError[] = [];
  const asked = parameters['after'] === undefined ? 0 : position('after', parameters['after'], errors);
  const after = lastEventId !== undefined ? position('Last-Event-ID', lastEventId, errors) : asked;
  const limit = parameters['limit'] === undefined ? DEFAULT_FEED_LIMIT : bounded('limit', parameters['limit'], 1, MAX_FEED_LIMIT, errors);
  const { selection, problems } = readSelection(parameters['types'], parameters['bodyId']);
  errors.push(...problems);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  return { after, limit, selection };
}

function position(field: string, value: string, errors: FieldError[]): number {
  return bounded(field, value, 0, Number.MAX_SAFE_INTEGER, errors, 'a global position: an integer from 0');
}
