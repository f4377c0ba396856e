import type { FastifyInstance, FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemDocument } from './problem-document';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-Match, Last-Event-ID, X-Request-Id, X-Correlation-Id, X-Causation-Id';
const EXPOSED_HEADERS = 'ETag, Idempotent-Replayed, Retry-After, WWW-Authenticate, X-Request-Id';
const PREFLIGHT_CACHE_SECONDS = '600';

/**
 * CORS, closed unless origins are listed. A page of a listed origin may call the API with its key
 * (in `Authorization`, never a cookie, so no credentials mode is offered); a preflight from any
 * other origin is refused as problem+json, and a plain request from one gets no CORS headers,
 * so the browser keeps the answer from the page.
 */
export function allowOrigins(fastify: FastifyInstance, origins: readonly string[]): void {
  const anyOrigin = origins.includes('*');
  const listed = new Set(origins);
  const allowed = (origin: string): boolean => anyOrigin || listed.has(origin);
  fastify.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (origins.length > 0) reply.header('Vary', 'Origin');
    const preflight = request.method === 'OPTIONS' && origin !== undefined && request.headers['access-control-request-method'] !== undefined;
    if (origin === undefined || (!preflight && !allowed(origin))) return done();
    if (!allowed(origin)) {
      const detail =
        origins.length === 0
          ? 'this ledger allows no browser origin (CONCORD_CORS_ORIGINS is empty)'
          : `origin ${origin} is not listed in CONCORD_CORS_ORIGINS`;
      void reply
        .status(403)
        .header('Content-Type', PROBLEM_CONTENT_TYPE)
        .send(problemDocument('cors-origin-refused', detail, request.url, { origin }));
      return;
    }
    allowOrigin(reply, anyOrigin ? '*' : origin);
    if (!preflight) return done();
    void reply
      .status(204)
      .header('Access-Control-Allow-Methods', ALLOWED_METHODS)
      .header('Access-Control-Allow-Headers', ALLOWED_HEADERS)
      .header('Access-Control-Max-Age', PREFLIGHT_CACHE_SECONDS)
      .send();
  });
}

function allowOrigin(reply: FastifyReply, origin: string): void {
  reply.header('Access-Control-Allow-Origin', origin).header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}
