import { FieldError, InvalidQueryError } from '@concord/ledger';
import { EventSelection, readSelection } from '@concord/integration';
import { boundedInteger as bounded } from '../http/bounded-integer';

export const FEED_PARAMETERS = ['after', 'afterEventId', 'limit', 'types', 'bodyId'] as const;
export const STREAM_PARAMETERS = ['after', 'lastEventId', 'types', 'bodyId'] as const;
export const DEFAULT_FEED_LIMIT = 100;
export const MAX_FEED_LIMIT = 1000;

export interface FeedRequest {
  readonly after: number;
  /** The id of the event at `after`, as the reader read it there: checked before the page is read. */
  readonly afterEventId?: string;
  readonly limit: number;
  readonly selection: EventSelection;
}

/** An event id as the ledger writes one: a UUID in lower case. */
const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `after` and `limit` of a feed page, and the selection. Where an SSE client says it stopped wins
 * over `after`: the `Last-Event-ID` header (`lastEventIdHeader`), else the `lastEventId` query
 * parameter, which `EventSource` polyfills in browsers send (the browser's own `EventSource` cannot
 * send the authorisation header). An empty one is none: some clients send one on their first
 * connection. A malformed value is refused all the same, whichever wins, as any parameter that
 * breaks its rule is.
 */
export function feedRequest(parameters: Readonly<Record<string, string>>, lastEventIdHeader?: string): FeedRequest {
  const errors: FieldError[] = [];
  const asked = parameters['after'] === undefined ? 0 : position('after', parameters['after'], errors);
  const queried = resumeAt('lastEventId', parameters['lastEventId'], errors);
  // HTTP trims a header's surrounding white space; a query parameter is taken as it is written.
  const after = resumeAt('Last-Event-ID', lastEventIdHeader?.trim(), errors) ?? queried ?? asked;
  const limit = parameters['limit'] === undefined ? DEFAULT_FEED_LIMIT : bounded('limit', parameters['limit'], 1, MAX_FEED_LIMIT, errors);
  const { selection, problems } = readSelection(parameters['types'], parameters['bodyId']);
  errors.push(...problems);
  const afterEventId = eventIdAt(after, parameters['afterEventId'], errors);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  return { after, afterEventId, limit, selection };
}

function eventIdAt(after: number, value: string | undefined, errors: FieldError[]): string | undefined {
  if (value === undefined) return undefined;
  if (!EVENT_ID.test(value))
    errors.push({ field: 'afterEventId', messages: ["afterEventId must be an event id: a UUID in lower case, as a page's `nextEventId` gives it"] });
  else if (after === 0)
    errors.push({
      field: 'afterEventId',
      messages: ['afterEventId names the event at `after`, and there is none at position 0: leave it out, or give the `after` it was read at'],
    });
  return value;
}

function resumeAt(field: string, value: string | undefined, errors: FieldError[]): number | undefined {
  return value === undefined || value === '' ? undefined : position(field, value, errors);
}

function position(field: string, value: string, errors: FieldError[]): number {
  // The bound is said: a whole number past it is no position, though it is an integer from 0.
  return bounded(field, value, 0, Number.MAX_SAFE_INTEGER, errors, `a global position: an integer from 0 to ${Number.MAX_SAFE_INTEGER}`);
}
