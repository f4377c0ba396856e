import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentProblems } from './http/openapi-problems';
import { FastifyReply, FastifyRequest } from 'fastify';
import { openProjectionStore, openStore } from '@concord/event-store';
import { ApiKey } from './auth/api-keys';
import { LedgerConfig } from '@concord/config';
import { createValidationPipe } from './http/validation';
import { parseBoundedJson } from './http/bounded-json';
import { clientError, frameworkError } from './http/framework-errors';
import { redactedUrl } from './logging/redacted-url';
import { LedgerModule } from './ledger.module';
import { openKeyRegistry } from './auth/keys/open-key-registry';
import { addSecurityHeaders } from './http/security-headers';
import { allowOrigins } from './http/cors';
import { limitRequests } from './abuse/rate-limit.hook';
import { RequestLimits } from './abuse/request-limits';

const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the HTTP application without listening, so that `main.ts` and the end-to-end tests run
 * exactly the same wiring.
 */
export async function createLedgerApp(config: LedgerConfig, keys: readonly ApiKey[], logger: LoggerService): Promise<NestFastifyApplication> {
  const store = await openStore(config.store);
  const projections = await openProjectionStore(config.store).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const keyRegistry = await openKeyRegistry(config.store, config.dataDir).catch(async (error: unknown) => {
    await projections.close();
    await store.close();
    throw error;
  });
  // Path ids are checked by the slug rule (64 characters); a longer limit here lets that rule, not
  // the router, answer an overlong id, as problem+json.
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
    trustProxy: config.trustProxy,
  });
  // Nest's own body parsers are off: JSON is the only type a body may have, parsed with limits.
  const app = await NestFactory.create<NestFastifyApplication>(LedgerModule.forRoot(config, keys, { store, projections, keyRegistry }), adapter, { logger, abortOnError: false, bodyParser: false });
  // Fastify parses text/plain by default; a command body of any type but JSON is a 415.
  adapter.getInstance().removeContentTypeParser('text/plain');
  adapter.getInstance().addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => {
    try {
      done(null, parseBoundedJson(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // In this order: security headers go on every answer, refusals of a limit or an origin included.
  await addSecurityHeaders(app);
  allowOrigins(adapter.getInstance(), config.corsOrigins);
  limitRequests(adapter.getInstance(), app.get(RequestLimits));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  logEachRequest(app, logger);
  const document = documentProblems(
    SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Concord Ledger')
      .setDescription('An event-sourced governance ledger for bodies that decide by consensus. Error codes: docs/errors.md; events: docs/events.md.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** One structured line per answered request: what was asked, by which key, and how it ended. */
function logEachRequest(app: NestFastifyApplication, logger: LoggerService): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request: FastifyRequest & { caller?: { keyId: string } }, reply: FastifyReply) => {
      logger.log(
        {
          msg: 'request',
          method: request.method,
          url: redactedUrl(request.url),
          status: reply.statusCode,
          durationMs: Math.round(reply.elapsedTime * 10) / 10,
          keyId: request.caller?.keyId ?? null,
          idempotencyKey: request.headers['idempotency-key'] ?? null,
        },
        'http',
      );
    });
}
