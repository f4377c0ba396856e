import { clearStoreFailuresOnRecord, StoreFailures } from './health/store-failures';
import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentProblems } from './http/openapi-problems';
import { documentAnswers } from './openapi/document-answers';
import { documentResponseHeaders } from './openapi/response-headers';
import { ApiKey } from './auth/api-keys';
import { LedgerConfig } from '@concord/config';
import { createValidationPipe } from './http/validation';
import { readJsonBody } from './http/json-body';
import { RouteMethods } from './http/route-methods';
import { clientError, frameworkError } from './http/framework-errors';
import { SocketRefusals } from './http/socket-refusals';
import { logRequests, requestIdOf } from './logging/request-log';
import { LedgerModule } from './ledger.module';
import { LedgerMetrics } from './metrics/ledger-metrics';
import { meterRequests } from './metrics/meter-requests';
import { openResources } from './open-resources';
import { addSecurityHeaders } from './http/security-headers';
import { closeWithinDeadline } from './http/close-deadline';
import { refuseWhileClosing } from './http/refuse-while-closing';
import { allowOrigins } from './http/cors';
import { limitRequests } from './abuse/rate-limit.hook';
import { trustedProxies } from './abuse/trusted-proxies';
import { RequestLimits } from './abuse/request-limits';
import { serveConsole } from './http/serve-console';
import { requestArrivalTimeouts } from './http/request-timeouts';

const BODY_LIMIT_BYTES = 1024 * 1024;
const CLOSE_DEADLINE_MS = 2000;

/**
 * Builds the HTTP application without listening, so that `start.ts` and the end-to-end tests run
 * exactly the same wiring.
 */
export async function createLedgerApp(config: LedgerConfig, keys: readonly ApiKey[], logger: LoggerService): Promise<NestFastifyApplication> {
  const resources = await openResources(config, (attempt, error, delayMs) =>
    logger.warn({ msg: 'the store cannot be reached yet; trying again', attempt, delayMs, reason: error instanceof Error ? error.message : String(error) }),
  );
  const timeouts = requestArrivalTimeouts(config.requestTimeoutMs);
  // Filled in below, once the logger and the metrics are there; refusals come only once it listens.
  const refusals = new SocketRefusals();
  // Path ids are checked by the slug rule (64 characters); a longer limit here lets that rule, not
  // the router, answer an overlong id, as problem+json.
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // A request must arrive whole in time (its headers within a minute at most: request-timeouts.ts);
    // Node checks its open requests against it every second rather than its default thirty, so that
    // the limit is kept to within a second.
    requestTimeout: timeouts.requestTimeout,
    http: { headersTimeout: timeouts.headersTimeout, connectionsCheckingInterval: 1000 },
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: frameworkError,
    clientErrorHandler: (error, socket) => clientError(error, socket, refusals),
    trustProxy: trustedProxies(config.trustProxy),
    genReqId: requestIdOf,
    // A request arriving while the server closes is refused by `refuseWhileClosing`, as problem+json.
    return503OnClosing: false,
  });
  // Nest's own body parsers are off: JSON is the only type a body may have, parsed with limits.
  const app = await NestFactory.create<NestFastifyApplication>(LedgerModule.forRoot(config, keys, resources), adapter, {
    logger,
    abortOnError: false,
    bodyParser: false,
  });
  // Before any route is registered (Nest registers them at init): a 405 names the methods a path answers.
  app.get(RouteMethods).follow(adapter.getInstance());
  // Fastify parses text/plain by default; a command body of any type but JSON is a 415.
  adapter.getInstance().removeContentTypeParser('text/plain');
  adapter.getInstance().addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) => {
    try {
      done(null, readJsonBody(body as Buffer, request.headers['content-type']));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // In this order: every answer, refusals of a limit or an origin included, is logged, metered
  // and carries the request id and the security headers.
  const requestLog = logRequests(adapter.getInstance(), logger, config.logLevel === 'debug' || config.logLevel === 'info', refusals);
  closeWithinDeadline(adapter.getInstance(), CLOSE_DEADLINE_MS, requestLog.cutting);
  meterRequests(adapter.getInstance(), app.get(LedgerMetrics), refusals);
  clearStoreFailuresOnRecord(adapter.getInstance(), app.get(StoreFailures));
  addSecurityHeaders(adapter.getInstance());
  allowOrigins(adapter.getInstance(), config.corsOrigins);
  refuseWhileClosing(adapter.getInstance());
  limitRequests(adapter.getInstance(), app.get(RequestLimits));
  serveConsole(app, logger);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  // Built on the first request for it (and then kept): scanning every controller took a tenth of a
  // second of each start, and most starts never serve the document. A document that cannot be
  // built now fails its requests rather than the start; test/openapi.e2e.spec.ts asks for it.
  const document = (): OpenAPIObject =>
    documentResponseHeaders(
      documentAnswers(
        documentProblems(
          SwaggerModule.createDocument(
            app,
            new DocumentBuilder()
              .setTitle('Concord Ledger')
              .setDescription('An event-sourced governance ledger for bodies that decide by consensus. Error codes: docs/errors.md; events: docs/events.md.')
              .setVersion('1')
              // The path the API is reached under (CONCORD_PUBLIC_URL's), relative to wherever the document
              // was read: a client generated from it keeps a path prefix, and the docs page calls its own host.
              .addServer(new URL(config.publicUrl).pathname.replace(/\/+$/, '') || '/')
              // Plain API keys, not JWTs: Nest's default would declare bearerFormat JWT.
              .addSecurity('bearer', {
                type: 'http',
                scheme: 'bearer',
                description: 'An API key (from CONCORD_API_KEYS, the generated api-keys.json, or issued at /v1/keys), sent as `Authorization: Bearer <key>`.',
              })
              .build(),
          ),
        ),
      ),
    );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
