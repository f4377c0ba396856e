import { EVENT_TYPES, SLUG_PATTERN } from '@concord/governance';
import { JSON_SCHEMA_DIALECT } from '@concord/governance/schemas';
import { EVENT_ID_PATTERN, SSE_ID_FORMS, SSE_RESUME_ID_PATTERN } from '../sse/sse-messages';
import { AsyncApiChannel, AsyncApiMessage, AsyncApiOperation, DRAFT_07_SCHEMA_FORMAT, MultiFormatSchema, ref, Reference } from './asyncapi-types';

export const EVENT_STREAM_CHANNEL = 'eventStream';
export const EVENT_STREAM_ADDRESS = '/v1/events/stream';
export const OVERFLOW_MESSAGE_KEY = 'overflow';
export const OVERFLOW_SCHEMA_KEY = 'Overflow';

/** What `sseOverflowMessage` writes before it closes a connection that fell too far behind. */
export const OVERFLOW_PAYLOAD: MultiFormatSchema = {
  schemaFormat: DRAFT_07_SCHEMA_FORMAT,
  schema: {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'Overflow',
    type: 'object',
    properties: {
      lastDeliveredPosition: {
        type: 'integer',
        minimum: 0,
        description: 'Every event up to this position was delivered.',
      },
      lastDeliveredId: {
        type: 'string',
        pattern: SSE_RESUME_ID_PATTERN,
        description:
          'Where to resume, as the connection writes ids: reconnect with `Last-Event-ID` set to it. The position alone, or with `ids=position-and-event` the position and the id of the event there, which the reconnect has checked.',
      },
      bufferedEvents: { type: 'integer', minimum: 1, description: 'How many events the ledger holds for one connection before it gives up on it.' },
      detail: { type: 'string', description: 'The same, in words.' },
    },
    required: ['lastDeliveredPosition', 'lastDeliveredId', 'bufferedEvents', 'detail'],
    additionalProperties: false,
  },
};

export const PROGRESS_MESSAGE_KEY = 'progress';
export const PROGRESS_SCHEMA_KEY = 'Progress';

/** What `sseProgressMessage` writes at a heartbeat to a connection whose selection passed over events. */
export const PROGRESS_PAYLOAD: MultiFormatSchema = {
  schemaFormat: DRAFT_07_SCHEMA_FORMAT,
  schema: {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'Progress',
    type: 'object',
    properties: {
      scannedThrough: {
        type: 'integer',
        minimum: 1,
        description: 'Every event up to this position was sent or left out by the selection; the message carries it as its `id` too.',
      },
    },
    required: ['scannedThrough'],
    additionalProperties: false,
  },
};

export const PROGRESS_MESSAGE: AsyncApiMessage = {
  name: PROGRESS_MESSAGE_KEY,
  title: 'Progress',
  summary: 'How far a filtered stream has read past its last event.',
  description:
    "Sent as `event: progress`, with `id: <scannedThrough>` (with `ids=position-and-event`, `<scannedThrough>:<the id of the event there>`), in place of a heartbeat comment when the connection's types or body left out events since the last id it was sent. An `EventSource` keeps the id as its last event id without a listener for `progress`; a client reading the stream itself keeps it as it keeps an event's. Reconnecting with it then skips the stretch of the log already read.",
  contentType: 'application/json',
  payload: ref('components', 'schemas', PROGRESS_SCHEMA_KEY),
};

export const UNREADABLE_MESSAGE_KEY = 'unreadable';
export const UNREADABLE_SCHEMA_KEY = 'Unreadable';

/** What `sseUnreadableMessage` writes before it ends a stream that reached an event the ledger will not serve. */
export const UNREADABLE_PAYLOAD: MultiFormatSchema = {
  schemaFormat: DRAFT_07_SCHEMA_FORMAT,
  schema: {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'Unreadable',
    type: 'object',
    properties: {
      position: { type: 'integer', minimum: 1, description: 'The event the ledger will not serve; every selected event before it was sent.' },
      detail: { type: 'string', description: 'Why, as `500 log-unreadable` says it.' },
    },
    required: ['position', 'detail'],
    additionalProperties: false,
  },
};

export const UNREADABLE_MESSAGE: AsyncApiMessage = {
  name: UNREADABLE_MESSAGE_KEY,
  title: 'Unreadable',
  summary: 'The stream reached an event the ledger will not serve, and ends.',
  description:
    "Sent as `event: unreadable` when the stream's selection reaches an event the ledger did not write or cannot read (a row written into the store by hand): the events before it were sent, nothing after it is, and the ledger ends the connection. Reconnecting ends the same way until an operator deals with the event (`concord verify` names it).",
  contentType: 'application/json',
  payload: ref('components', 'schemas', UNREADABLE_SCHEMA_KEY),
};

export const OVERFLOW_MESSAGE: AsyncApiMessage = {
  name: OVERFLOW_MESSAGE_KEY,
  title: 'Overflow',
  summary: 'The connection fell too far behind and is closed.',
  description:
    'Sent as `event: overflow` (every message but this one, `progress` and `unreadable` is an unnamed SSE event) when more live events wait for the connection than the ledger buffers for it; the ledger then closes the connection. Nothing was lost: reconnect with `Last-Event-ID: <lastDeliveredId>` (the position alone, or with `ids=position-and-event` the position and the id of its event).',
  contentType: 'application/json',
  payload: ref('components', 'schemas', OVERFLOW_SCHEMA_KEY),
};

export function eventStreamChannel(messages: Readonly<Record<string, Reference>>): AsyncApiChannel {
  return {
    address: EVENT_STREAM_ADDRESS,
    title: "The ledger's events, live (Server-Sent Events)",
    description: [
      'A `GET` answered `text/event-stream`: first every selected event after the requested position, read from the log, then each new one as it is recorded, in position order, none missed or repeated.',
      'Each event is one SSE message: `id: <position>` (with `ids=position-and-event`, `id: <position>:<event id>`) and `data: <the CloudEvent, as JSON>`. Comment lines come at least every heartbeat interval, or, on a filtered stream that read past events it left out, a `progress` message; `retry:` says how long to wait before reconnecting.',
      'Needs `Authorization: Bearer <key>` (any role).',
    ].join('\n\n'),
    servers: [ref('servers', 'ledger')],
    messages,
  };
}

export const EVENT_STREAM_OPERATION: AsyncApiOperation = {
  action: 'send',
  channel: ref('channels', EVENT_STREAM_CHANNEL),
  title: 'Stream events',
  summary: 'The ledger sends each selected event, from a position on, to a connected client.',
  description:
    "Resume after a dropped connection with `Last-Event-ID` (the `id` of the last message received), or the `lastEventId` query parameter where the header cannot be sent, either of which wins over `after`. A position beyond the ledger's head is refused before the stream opens (404 `position-not-found`, problem+json), as is an unknown event type (400 `validation-failed`), and an id naming an event that is no longer at its position (409 `feed-position-rewritten`: the log was rolled back to an older copy and written on since).",
  bindings: {
    http: {
      method: 'GET',
      query: {
        type: 'object',
        properties: {
          after: { type: 'integer', minimum: 0, description: 'Send the events strictly after this global position; 0 (the default) is the start of the log.' },
          afterEventId: {
            type: 'string',
            pattern: EVENT_ID_PATTERN,
            description:
              'The id of the event at `after`, checked before the stream opens; not where `Last-Event-ID` or `lastEventId` says where to resume instead.',
          },
          ids: {
            type: 'string',
            enum: [...SSE_ID_FORMS],
            description:
              '`position-and-event`: each `id` is `<position>:<event id>`, which a reconnect sends back and the ledger checks. `position` (the default): the position alone.',
          },
          types: { type: 'string', description: `Only these event types, comma-separated: ${EVENT_TYPES.join(', ')}.` },
          bodyId: {
            type: 'string',
            pattern: SLUG_PATTERN.source,
            description: "Only the events of this body: its own stream, its meetings' and its proposals'.",
          },
          lastEventId: {
            type: 'string',
            pattern: SSE_RESUME_ID_PATTERN,
            description:
              'The `id` of the last event received, for clients that cannot send the `Last-Event-ID` header (`EventSource` polyfills): wins over `after`, and the header wins over it. Empty: none received.',
          },
        },
        additionalProperties: false,
      },
      bindingVersion: '0.3.0',
    },
  },
  'x-request-headers': {
    type: 'object',
    properties: {
      'Last-Event-ID': {
        type: 'string',
        pattern: SSE_RESUME_ID_PATTERN,
        description:
          'The `id` of the last event received (its global position, or the position and the event id, which is checked): the stream resumes right after it. Empty: none received.',
      },
    },
  },
};
