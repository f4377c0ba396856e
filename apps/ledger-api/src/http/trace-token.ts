/** What a client may send as an id to trace by (X-Request-Id, X-Correlation-Id, X-Causation-Id): a plain token. */
export const TRACE_TOKEN = /^[A-Za-z0-9._:-]{1,128}$/;
