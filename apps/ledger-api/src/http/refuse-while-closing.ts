import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemDocument } from './problem-document';

/**
 * A request that reaches the ledger while it stops (on a keep-alive connection opened before) is
 * refused as every other refusal is: problem+json with the code `not-ready`, `Retry-After`, and the
 * connection closed, so the client tries again on a new one (another instance, or this one
 * restarted). Fastify's own answer to it (`return503OnClosing`, turned off where the server is
 * made) has no code and no `Retry-After`. Registered after the hooks that every answer passes (its
 * request id, security headers, CORS), before those that would spend work on the request.
 */
export function refuseWhileClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!closing) {
      done();
      return;
    }
    void reply
      .status(503)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .header('Retry-After', '1')
      .header('Connection', 'close')
      .send(problemDocument('not-ready', 'the ledger is shutting down', request.url));
  });
}
