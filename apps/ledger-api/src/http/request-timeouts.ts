/**
 * How long the headers of a request may take, at most, however long CONCORD_REQUEST_TIMEOUT_S
 * allows the whole request: Node's own default (a server created without `headersTimeout` takes
 * the smaller of 60 s and its `requestTimeout`). Headers are at most 16 KB; a client that needs
 * more than a minute for them is holding a connection, not sending a request, even where the limit
 * is raised for clients that send large bodies slowly.
 */
export const NODE_HEADERS_TIMEOUT_MS = 60_000;

/** The Node server's timers for a request that has not arrived whole. */
export interface RequestArrivalTimeouts {
  /** For the whole request, headers and body. */
  readonly requestTimeout: number;
  /** For its headers alone. */
  readonly headersTimeout: number;
}

/**
 * Node's timers for CONCORD_REQUEST_TIMEOUT_S. Node starts both at a request's first byte (for
 * each request on a kept-alive connection anew) and, for a connection's first request, already
 * when the connection opens, so a connection that sends nothing is refused after the same time.
 *
 * `headersTimeout` has to be given, and never above `requestTimeout`: Fastify sets the server's
 * `requestTimeout` only after creating it, when Node has already taken 60 s for the headers from
 * its own five-minute default. Node, finding the headers' limit the longer, swaps the two, so a
 * body trickled past a shorter limit would be allowed 60 s.
 */
export function requestArrivalTimeouts(requestTimeoutMs: number): RequestArrivalTimeouts {
  return { requestTimeout: requestTimeoutMs, headersTimeout: Math.min(requestTimeoutMs, NODE_HEADERS_TIMEOUT_MS) };
}
