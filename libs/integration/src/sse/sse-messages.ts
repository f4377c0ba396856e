/** Server-Sent Events framing (WHATWG HTML, "server-sent events"): what goes on the wire. */

/** One event: `id` is the global position, so `Last-Event-ID` names exactly where to resume. */
export function sseEventMessage(position: number, json: string): string {
  return `id: ${position}\ndata: ${json}\n\n`;
}

/** A comment line: clients ignore it, proxies see traffic, a dead connection is found out. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/** How long a client waits before reconnecting after the connection drops. */
export function sseRetry(milliseconds: number): string {
  return `retry: ${milliseconds}\n\n`;
}

/** The last message of a connection that fell too far behind: where to resume from. */
export function sseOverflowMessage(lastDeliveredPosition: number, bufferedEvents: number): string {
  const data = JSON.stringify({
    lastDeliveredPosition,
    bufferedEvents,
    detail: `the connection fell behind by more than ${bufferedEvents} events and is closed; reconnect with Last-Event-ID: ${lastDeliveredPosition}`,
  });
  return `event: overflow\ndata: ${data}\n\n`;
}

/**
 * How far a connection's selection has read the log past its last event: an `id` a client keeps
 * as its last event id (an `EventSource` does, without a listener for `progress`), so that a
 * reconnect with a filter that rarely matches resumes here rather than reading the same stretch
 * of the log again.
 */
export function sseProgressMessage(scannedThrough: number): string {
  return `event: progress\nid: ${scannedThrough}\ndata: ${JSON.stringify({ scannedThrough })}\n\n`;
}

/**
 * The last message of a stream that reached an event the ledger will not serve (a row written into
 * the store by hand): every event before it was sent; nothing after it is until an operator deals
 * with it, so reconnecting at once would only end the same way.
 */
export function sseUnreadableMessage(position: number, detail: string): string {
  return `event: unreadable\ndata: ${JSON.stringify({ position, detail })}\n\n`;
}
