import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { LoggerService } from '@nestjs/common';
import { redactedUrl } from './redacted-url';

const TRACE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `X-Request-Id` when it is a plain token, else a new one: every log line of a request carries it. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && TRACE_ID.test(given) ? given : randomUUID();
}

type LoggedRequest = FastifyRequest & { caller?: { keyId: string } };

/**
 * One structured line per request: answered (with its status and duration) or aborted by the
 * client before the answer, never both, and never an abort reported as a failure of the ledger.
 * Each line carries the request id, which the answer returns in `X-Request-Id`, and the
 * correlation id the client sent.
 */
export function logRequests(fastify: FastifyInstance, logger: LoggerService): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  fastify.addHook('onResponse', async (request: LoggedRequest, reply: FastifyReply) => {
    logger.log({ msg: 'request', ...describe(request), status: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10 }, 'http');
  });
  fastify.addHook('onRequestAbort', async (request: LoggedRequest) => {
    logger.log({ msg: 'request aborted by the client', ...describe(request) }, 'http');
  });
}

function describe(request: LoggedRequest): Record<string, unknown> {
  const correlation = request.headers['x-correlation-id'];
  return {
    requestId: request.id,
    method: request.method,
    url: redactedUrl(request.url),
    keyId: request.caller?.keyId ?? null,
    correlationId: typeof correlation === 'string' && TRACE_ID.test(correlation) ? correlation : null,
    idempotencyKey: request.headers['idempotency-key'] ?? null,
  };
}

/** A request whose client closed the connection before it was read or answered. */
export function abortedByClient(request: FastifyRequest, error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ECONNRESET' || request.raw.socket?.destroyed === true;
}
