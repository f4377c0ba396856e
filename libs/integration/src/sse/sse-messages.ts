/** Server-Sent Events framing (WHATWG HTML, "server-sent events"): what goes on the wire. */

/**
 * How a connection writes its messages' ids: the global position alone, or the position and the id
 * of the event there (`<position>:<eventId>`), which a reconnect sends back as `Last-Event-ID` and
 * the ledger checks before it resumes, so that a log restored from an older copy and written on
 * since is not followed as if it were the one the client read.
 */
export type SseIdForm = 'position' | 'position-and-event';
export const SSE_ID_FORMS: readonly SseIdForm[] = ['position', 'position-and-event'];

const EVENT_ID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** An event id as the ledger writes one: a UUID in lower case. */
export const EVENT_ID_PATTERN = `^${EVENT_ID_SOURCE}$`;
/**
 * An id a stream resumes after, as `sseId` writes it (a position written with leading zeros is
 * taken too); empty: none received (a browser sends one so). There is no event at position 0 for
 * an id to name.
 */
export const SSE_RESUME_ID_PATTERN = `^([0-9]+(:${EVENT_ID_SOURCE})?)?$`;

/** A point of the log as an `id` of `form`; the event id is null only at position 0, before the first event. */
export function sseId(position: number, eventId: string | null, form: SseIdForm): string {
  return form === 'position' || eventId === null ? String(position) : `${position}:${eventId}`;
}

/** One event: `id` names its position, so `Last-Event-ID` names exactly where to resume. */
export function sseEventMessage(id: string, json: string): string {
  return `id: ${id}\ndata: ${json}\n\n`;
}

/** A comment line: clients ignore it, proxies see traffic, a dead connection is found out. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/** How long a client waits before reconnecting after the connection drops. */
export function sseRetry(milliseconds: number): string {
  return `retry: ${milliseconds}\n\n`;
}

/** The last message of a connection that fell too far behind: where to resume from (`lastDeliveredId`, as the connection writes ids). */
export function sseOverflowMessage(lastDeliveredPosition: number, bufferedEvents: number, lastDeliveredId = String(lastDeliveredPosition)): string {
  const data = JSON.stringify({
    lastDeliveredPosition,
    lastDeliveredId,
    bufferedEvents,
    detail: `the connection fell behind by more than ${bufferedEvents} events and is closed; reconnect with Last-Event-ID: ${lastDeliveredId}`,
  });
  return `event: overflow\ndata: ${data}\n\n`;
}

/**
 * How far a connection's selection has read the log past its last event: an `id` a client keeps
 * as its last event id (an `EventSource` does, without a listener for `progress`), so that a
 * reconnect with a filter that rarely matches resumes here rather than reading the same stretch
 * of the log again.
 */
export function sseProgressMessage(scannedThrough: number, id = String(scannedThrough)): string {
  return `event: progress\nid: ${id}\ndata: ${JSON.stringify({ scannedThrough })}\n\n`;
}

/**
 * The last message of a stream that reached an event the ledger will not serve (a row written into
 * the store by hand): every event before it was sent; nothing after it is until an operator deals
 * with it, so reconnecting at once would only end the same way.
 */
export function sseUnreadableMessage(position: number, detail: string): string {
  return `event: unreadable\ndata: ${JSON.stringify({ position, detail })}\n\n`;
}
