import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';

/**
 * Helmet's default Content-Security-Policy already lets `/docs` work (Swagger UI loads its scripts
 * from this origin and styles itself inline); only `upgrade-insecure-requests` is dropped, because a
 * ledger served over plain HTTP inside a network would have its docs page ask for its own scripts
 * over HTTPS and get nothing.
 */
const HELMET_OPTIONS: HelmetOptions = { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } };

/**
 * Helmet's headers as its middleware sets them, worked out once: with no nonces, none of them
 * depends on the request. (Run per request, as the Fastify plugin does, helmet rebuilt its policy
 * each time: about a twentieth of the CPU of a GET.)
 */
export function securityHeaders(options: HelmetOptions = HELMET_OPTIONS): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.freeze(headers);
}

/** Helmet's headers on every answer, refusals included. */
export function addSecurityHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaders();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
