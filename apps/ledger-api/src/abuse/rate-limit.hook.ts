import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerToken, presentedKeyLabel } from '../auth/bearer-token';
import { PROBLEM_CONTENT_TYPE, problemDocument } from '../http/problem-document';
import { Admission, isRefusal, RequestLimits } from './request-limits';
import { limitedAddress } from './client-address';

const WHAT_WAS_SPENT = {
  key: 'this key has sent more requests than its allowance',
  address: 'this address has sent more requests than its allowance',
  'authentication-failures': 'this address has sent too many wrong keys; keyed requests from it are refused for now',
} as const;

/** Probes a load balancer sends often from one address: never told to wait. */
const EXEMPT_PATHS = new Set(['/health', '/health/live', '/health/ready']);

/** Set by the key guard when it refused the request's key. */
export type LimitedRequest = FastifyRequest & { keyRefused?: boolean; admission?: Admission };

/**
 * Spends each request's allowances before anything else reads it (body included), and settles its
 * wrong-key allowance once the request is over, when the guard has said whether its key was good.
 */
export function limitRequests(fastify: FastifyInstance, limits: RequestLimits): void {
  fastify.addHook('onRequest', (request: LimitedRequest, reply, done) => {
    if (EXEMPT_PATHS.has(request.url)) return done();
    const header = request.headers.authorization;
    // Only a Bearer key is a key: another header (`Basic …`) tries none and is limited by its address alone.
    const key = bearerToken(header);
    const outcome = limits.admit(limitedAddress(request.ip), key === undefined ? undefined : presentedKeyLabel(key));
    if (!isRefusal(outcome)) {
      request.admission = outcome;
      return done();
    }
    const { limit, perMinute, retryAfterSeconds } = outcome;
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
  const settle = (request: LimitedRequest): void => {
    if (!request.admission) return;
    limits.settle(request.admission, request.keyRefused === true);
    request.admission = undefined;
  };
  fastify.addHook('onResponse', (request: LimitedRequest, _reply, done) => {
    settle(request);
    done();
  });
  fastify.addHook('onRequestAbort', (request: LimitedRequest, done) => {
    settle(request);
    done();
  });
}
