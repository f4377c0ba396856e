import type { FastifyInstance } from 'fastify';
import { LedgerMetrics } from './ledger-metrics';

/** Every answered request, counted and timed under its route template (bounded labels, not URLs). */
export function meterRequests(fastify: FastifyInstance, metrics: LedgerMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.answered(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
