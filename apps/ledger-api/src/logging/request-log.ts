import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { LoggerService } from '@nestjs/common';
import { redactedUrl } from './redacted-url';
import { TRACE_TOKEN } from '../http/trace-token';
import { SocketRefusals } from '../http/socket-refusals';

/** The client's `X-Request-Id` when it is a plain token, else a new one: every log line of a request carries it. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && TRACE_TOKEN.test(given) ? given : randomUUID();
}

type LoggedRequest = FastifyRequest & { caller?: { keyId: string } };

/**
 * One structured line per request: answered (with its status and duration) or aborted by the
 * client before the answer, never both, and never an abort reported as a failure of the ledger.
 * A request the server itself refused on the socket (`refusals`: not in full in time, headers too
 * large) is said as such, with its status, not as an abort by the client.
 * Each line carries the request id, which the answer returns in `X-Request-Id`, and the
 * correlation id the client sent. The lines are at level info: below that threshold
 * (`linesWritten` false) they are not even put together.
 */
export function logRequests(
  fastify: FastifyInstance,
  logger: LoggerService,
  linesWritten: boolean,
  refusals: SocketRefusals = new SocketRefusals(),
): { readonly cutting: () => void } {
  // Requests not answered yet, when lines are written: a stop's deadline logs those it cuts.
  const unanswered = linesWritten ? new Set<LoggedRequest>() : undefined;
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    unanswered?.add(request);
    done();
  });
  if (unanswered === undefined) return { cutting: () => undefined };
  fastify.addHook('onResponse', (request: LoggedRequest, reply: FastifyReply, done) => {
    unanswered.delete(request);
    logger.log({ msg: 'request', ...describe(request), status: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10 }, 'http');
    done();
  });
  fastify.addHook('onRequestAbort', (request: LoggedRequest, done) => {
    // One the stop cut was logged as such already.
    if (unanswered.delete(request)) {
      const refusal = refusals.of(request.raw);
      if (refusal === undefined) logger.log({ msg: 'request aborted by the client', ...describe(request) }, 'http');
      else logger.log({ msg: 'request refused before it arrived in full', ...describe(request), status: refusal.status, code: refusal.code }, 'http');
    }
    done();
  });
  refusals.onUnseen(({ status, code, method, path }) =>
    logger.log({ msg: 'request refused before it arrived in full', method, url: redactedUrl(path), status, code }, 'http'),
  );
  return {
    cutting: () => {
      for (const request of unanswered) logger.log({ msg: 'request cut by the stop, unanswered', ...describe(request) }, 'http');
      unanswered.clear();
    },
  };
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
    // As the rate limits see it (the client behind a trusted proxy): what an operator tracing a
    // refused or abusive client looks for.
    clientAddress: request.ip,
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
