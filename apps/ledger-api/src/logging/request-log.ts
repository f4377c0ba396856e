import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { LoggerService } from '@nestjs/common';
import { redactedUrl } from './redacted-url';
import { TRACE_TOKEN } from '../http/trace-token';

/** The client's `X-Request-Id` when it is a plain token, else a new one: every log line of a request carries it. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && TRACE_TOKEN.test(given) ? given : randomUUID();
}

type LoggedRequest = FastifyRequest & { caller?: { keyId: string } };

/**
 * One structured line per request: answered (with its status and duration) or aborted by the
 * client before the answer, never both, and never an abort reported as a failure of the ledger.
 * Each line carries the request id, which the answer returns in `X-Request-Id`, and the
 * correlation id the client sent. The lines are at level info: below that threshold
 * (`linesWritten` false) they are not even put together.
 */
export function logRequests(fastify: FastifyInstance, logger: LoggerService, linesWritten: boolean, stopping: () => boolean = () => false): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  if (!linesWritten) return;
  fastify.addHook('onResponse', (request: LoggedRequest, reply: FastifyReply, done) => {
    logger.log({ msg: 'request', ...describe(request), status: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10 }, 'http');
    done();
  });
  fastify.addHook('onRequestAbort', (request: LoggedRequest, done) => {
    // A stop cuts what is still unanswered after its grace: the ledger's doing, not the client's.
    const msg = stopping() ? 'request cut by the stop, unanswered' : 'request aborted by the client';
    logger.log({ msg, ...describe(request) }, 'http');
    done();
  });
}

/** A header logged only when it is the plain token the API accepts, so no client writes what it likes into the log. */
function tokenOrNull(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && TRACE_TOKEN.test(value) ? value : null;
}

function describe(request: LoggedRequest): Record<string, unknown> {
  const correlation = request.headers['x-correlation-id'];
  return {
    requestId: request.id,
    method: request.method,
    url: redactedUrl(request.url),
    keyId: request.caller?.keyId ?? null,
    correlationId: tokenOrNull(correlation),
    idempotencyKey: tokenOrNull(request.headers['idempotency-key']),
  };
}

/**
 * A request whose client closed the connection before it was read: Node's own `aborted` error
 * on the request. Another `ECONNRESET` (a database connection reset, say) is a failure to log.
 */
export function abortedByClient(request: FastifyRequest, error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'ECONNRESET' && message === 'aborted' && request.raw.readableAborted;
}
