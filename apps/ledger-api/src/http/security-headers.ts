import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Helmet's headers on every answer. Its default Content-Security-Policy already lets `/docs` work
 * (Swagger UI loads its scripts from this origin and styles itself inline); only
 * `upgrade-insecure-requests` is dropped, because a ledger served over plain HTTP inside a network
 * would have its docs page ask for its own scripts over HTTPS and get nothing.
 */
export async function addSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
}
