import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemDocument } from '../http/problem-document';
import { RequestLimits } from './request-limits';

const WHAT_WAS_SPENT = {
  key: 'this key has sent more requests than its allowance',
  address: 'this address has sent more requests than its allowance',
  'authentication-failures': 'this address has sent too many wrong keys; keyed requests from it are refused for now',
} as const;

/**
 * Spends each request's allowances before anything else reads it (body included). Health probes
 * are exempt: a load balancer asks them often from one address and must never be told to wait.
 */
export function limitRequests(fastify: FastifyInstance, limits: RequestLimits): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url === '/health' || request.url.startsWith('/health/')) return done();
    const refusal = limits.admit(request.ip, request.headers.authorization);
    if (!refusal) return done();
    const { limit, perMinute, retryAfterSeconds } = refusal;
    void reply
      .status(429)
      .header('Retry-After', String(retryAfterSeconds))
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .send(
        problemDocument('rate-limited', `${WHAT_WAS_SPENT[limit]} (${perMinute} a minute); try again in ${retryAfterSeconds} s`, request.url, {
          limit,
          perMinute,
        }),
      );
  });
}
