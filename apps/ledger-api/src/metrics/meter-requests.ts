import type { FastifyInstance } from 'fastify';
import { SocketRefusals } from '../http/socket-refusals';
import { LedgerMetrics } from './ledger-metrics';

/** The methods a refused request's line may name as a label: anything else a client writes there is `other`, so labels stay bounded. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Every answered request, counted and timed under its route template (bounded labels, not URLs),
 * the refusals the server writes on the socket (`refusals`: 408, 431) included: one Fastify had
 * begun under its route, one it never saw as `unmatched`.
 */
export function meterRequests(fastify: FastifyInstance, metrics: LedgerMetrics, refusals: SocketRefusals = new SocketRefusals()): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.answered(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    const refusal = refusals.of(request.raw);
    if (refusal !== undefined) metrics.answered(request.method, request.routeOptions.url, refusal.status, 0);
    done();
  });
  refusals.onUnseen(({ method, status }) => metrics.answered(method !== null && METHODS.has(method) ? method : 'other', undefined, status, 0));
}
