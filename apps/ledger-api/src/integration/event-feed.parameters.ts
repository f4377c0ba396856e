import { FieldError, InvalidQueryError } from '@concord/ledger';
import { EVENT_ID_PATTERN, EventSelection, readSelection, SSE_ID_FORMS, SseIdForm } from '@concord/integration';
import { boundedInteger as bounded } from '../http/bounded-integer';

export const FEED_PARAMETERS = ['after', 'afterEventId', 'limit', 'types', 'bodyId'] as const;
export const STREAM_PARAMETERS = ['after', 'afterEventId', 'lastEventId', 'ids', 'types', 'bodyId'] as const;
export const DEFAULT_FEED_LIMIT = 100;
export const MAX_FEED_LIMIT = 1000;

export interface FeedRequest {
  readonly after: number;
  /** The id of the event at `after`, as the reader read it there: checked before anything is read. */
  readonly afterEventId?: string;
  readonly limit: number;
  readonly selection: EventSelection;
  /** How a stream writes its messages' ids. */
  readonly idForm: SseIdForm;
}

const EVENT_ID = new RegExp(EVENT_ID_PATTERN);

interface ResumePoint {
  readonly position: number;
  readonly eventId?: string;
}

/**
 * `after` and `limit` of a feed page, and the selection. Where an SSE client says it stopped wins
 * over `after`: the `Last-Event-ID` header (`lastEventIdHeader`), else the `lastEventId` query
 * parameter, which `EventSource` polyfills in browsers send (the browser's own `EventSource` cannot
 * send the authorisation header). An empty one is none: some clients send one on their first
 * connection. A malformed value is refused all the same, whichever wins, as any parameter that
 * breaks its rule is. `afterEventId` names the event at `after`, and is checked only where `after`
 * is where the stream resumes: a reconnecting `EventSource` sends its URL as first written, beside
 * a later `Last-Event-ID`, which carries its own event id where the stream writes them.
 */
export function feedRequest(parameters: Readonly<Record<string, string>>, lastEventIdHeader?: string): FeedRequest {
  const errors: FieldError[] = [];
  const asked = parameters['after'] === undefined ? 0 : position('after', parameters['after'], errors);
  const askedEventId = eventIdAt(asked, parameters['afterEventId'], errors);
  const queried = resumeAt('lastEventId', parameters['lastEventId'], errors);
  // HTTP trims a header's surrounding white space; a query parameter is taken as it is written.
  const resumed = resumeAt('Last-Event-ID', lastEventIdHeader?.trim(), errors) ?? queried;
  const limit = parameters['limit'] === undefined ? DEFAULT_FEED_LIMIT : bounded('limit', parameters['limit'], 1, MAX_FEED_LIMIT, errors);
  const idForm = idFormOf(parameters['ids'], errors);
  const { selection, problems } = readSelection(parameters['types'], parameters['bodyId']);
  errors.push(...problems);
  if (errors.length > 0) throw new InvalidQueryError(errors);
  const after = resumed?.position ?? asked;
  const afterEventId = resumed === undefined ? askedEventId : resumed.eventId;
  return { after, ...(afterEventId === undefined ? {} : { afterEventId }), limit, selection, idForm };
}

function resumeAt(field: string, value: string | undefined, errors: FieldError[]): ResumePoint | undefined {
  if (value === undefined || value === '') return undefined;
  const separator = value.indexOf(':');
  if (separator === -1) return { position: position(field, value, errors) };
  const at = position(field, value.slice(0, separator), errors);
  const eventId = eventIdAt(at, value.slice(separator + 1), errors, field);
  return { position: at, ...(eventId === undefined ? {} : { eventId }) };
}

function position(field: string, value: string, errors: FieldError[]): number {
  // The bound is said: a whole number past it is no position, though it is an integer from 0.
  return bounded(field, value, 0, Number.MAX_SAFE_INTEGER, errors, `a global position: an integer from 0 to ${Number.MAX_SAFE_INTEGER}`);
}

function eventIdAt(after: number, value: string | undefined, errors: FieldError[], field = 'afterEventId'): string | undefined {
  if (value === undefined) return undefined;
  if (!EVENT_ID.test(value)) {
    errors.push({ field, messages: ['must name an event by its id: a UUID in lower case, as the ledger gives it'] });
    return undefined;
  }
  if (after === 0) {
    errors.push({ field, messages: ['names the event at a position, and there is none at position 0: give the position it was read at'] });
    return undefined;
  }
  return value;
}

function idFormOf(value: string | undefined, errors: FieldError[]): SseIdForm {
  if (value === undefined) return 'position';
  const form = SSE_ID_FORMS.find((known) => known === value);
  if (form === undefined) errors.push({ field: 'ids', messages: [`must be one of ${SSE_ID_FORMS.join(', ')}`] });
  return form ?? 'position';
}
