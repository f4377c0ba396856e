import { CheckpointInconsistentError, ProofRefusedError, SigningKeySupersededError, TreeNodeMissingError } from '@concord/transparency';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@concord/governance';
import { ConcurrencyError, isStoreUnavailable, StoreUnavailableError, UnreadableEventError } from '@concord/event-store';
import {
  ConcurrencyExhaustedError,
  ERROR_CATALOGUE,
  ErrorCode,
  IdempotencyKeyReusedError,
  InvalidQueryError,
  PositionNotReachedError,
  PreconditionFailedError,
} from '@concord/ledger';
import { FeedPositionAheadError, FeedPositionRewrittenError, ReplayAheadError, WebhookNotFoundError, WebhookTargetError } from '@concord/integration';
import { ApiProblem } from './api-problem';
import { KeyNameTakenError } from '../auth/keys/key-registry';
import { KeyNotFoundError, KeyNotRevocableError } from '../auth/keys/key-service';
import { PROBLEM_CONTENT_TYPE, problemDocument } from './problem-document';
import { redactedUrl } from '../logging/redacted-url';
import { abortedByClient } from '../logging/request-log';
import { RouteMethods } from './route-methods';
import { readableCharset } from './json-body';
import { StoreFailures } from '../health/store-failures';

/** How long a key refused another event stream is told to wait: streams end as their clients go, not on a clock. */
const STREAM_ROOM_RETRY_S = 5;

interface Problem {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** Maps every failure to RFC 9457 problem+json with a catalogued `code`; nothing else leaves. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(
    private readonly routes: RouteMethods,
    private readonly storeFailures: StoreFailures,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.withAllowedMethods(withContentType(this.toProblem(exception), request.headers['content-type']), request, reply);
    const entry = ERROR_CATALOGUE[problem.code];
    // Work the store refused, for the health checks: not a client that went away mid-request, nor a
    // health check's own answer (it says so itself, and would hold the checks red after the store is back).
    if (problem.code === 'store-unavailable' && !(exception instanceof ApiProblem) && !abortedByClient(request, exception) && !isHealthCheck(request.url))
      this.storeFailures.noteFailure();
    // A client that went away is logged once, as aborted (request-log.ts), not as a failure here.
    if (entry.status >= 500 && !abortedByClient(request, exception)) {
      this.logger.error({ msg: 'request failed', requestId: request.id, code: problem.code, url: redactedUrl(request.url), error: describe(exception) });
    } else if (problem.code === 'log-inconsistent') {
      // Not the caller's mistake: the log or its tree changed after a checkpoint. The operator must hear of it, with the files the answer leaves out.
      this.logger.error({
        msg: 'the log or its tree no longer matches a signed checkpoint',
        requestId: request.id,
        url: redactedUrl(request.url),
        detail: exception instanceof Error ? exception.message : problem.detail,
      });
    }
    if (problem.code === 'unauthorized') reply.header('WWW-Authenticate', 'Bearer realm="concord-ledger"');
    // Unavailable for now, not for good: a client may try again shortly.
    if (entry.status === 503) reply.header('Retry-After', '1');
    // An allowance refused here (streams a key holds open), not by the request limits, which say their own wait.
    if (entry.status === 429) reply.header('Retry-After', String(STREAM_ROOM_RETRY_S));
    void reply
      .status(entry.status)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .send(problemDocument(problem.code, problem.detail, request.url, problem.extensions));
  }

  /**
   * A path the API has, asked with a method it does not answer there, is a 405 naming the ones it
   * does. Asked with one it answers, a 404 stands: a route that found nothing there (a file of the
   * docs that does not exist) said so.
   */
  private withAllowedMethods(problem: Problem, request: FastifyRequest, reply: FastifyReply): Problem {
    if (problem.code !== 'route-not-found') return problem;
    const allowed = this.routes.allowedAt(request.url);
    if (allowed.length === 0 || allowed.includes(request.method)) return problem;
    reply.header('Allow', allowed.join(', '));
    const path = request.url.split('?')[0] ?? '';
    return { code: 'method-not-allowed', detail: `${path} does not answer ${request.method}; it answers ${allowed.join(', ')}`, extensions: { allowed } };
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ApiProblem) return { code: exception.code, detail: exception.message, extensions: exception.extensions };
    if (exception instanceof DomainError) return { code: exception.code, detail: exception.message, extensions: exception.details };
    if (exception instanceof PreconditionFailedError) {
      const { stream, expectedRevision, actualRevision } = exception;
      return { code: 'precondition-failed', detail: exception.message, extensions: { stream, expectedRevision, actualRevision } };
    }
    if (exception instanceof InvalidQueryError) return { code: 'validation-failed', detail: exception.message, extensions: { errors: exception.errors } };
    if (exception instanceof PositionNotReachedError) {
      const { position, headPosition } = exception;
      return { code: 'position-not-found', detail: exception.message, extensions: { position, headPosition } };
    }
    if (exception instanceof FeedPositionAheadError) {
      const { position, headPosition } = exception;
      return { code: 'position-not-found', detail: exception.message, extensions: { position, headPosition } };
    }
    if (exception instanceof FeedPositionRewrittenError) {
      const { position, expectedEventId, eventId, headPosition } = exception;
      return { code: 'feed-position-rewritten', detail: exception.message, extensions: { position, expectedEventId, eventId, headPosition } };
    }
    if (exception instanceof WebhookNotFoundError)
      return { code: 'webhook-not-found', detail: exception.message, extensions: { webhookId: exception.webhookId } };
    if (exception instanceof ReplayAheadError) {
      const { from, deliveredThrough } = exception;
      return { code: 'webhook-replay-ahead', detail: exception.message, extensions: { from, deliveredThrough } };
    }
    if (exception instanceof WebhookTargetError) return { code: 'webhook-url-refused', detail: `url ${exception.message}`, extensions: {} };
    if (exception instanceof ProofRefusedError) return { code: exception.code, detail: exception.message, extensions: exception.details };
    if (exception instanceof UnreadableEventError) return { code: 'log-unreadable', detail: exception.message, extensions: { position: exception.position } };
    // Answered to any role, and shown by the console: the server's paths stay in its log (above).
    if (exception instanceof CheckpointInconsistentError) return { code: 'log-inconsistent', detail: exception.answered, extensions: {} };
    if (exception instanceof TreeNodeMissingError) return { code: 'log-inconsistent', detail: exception.message, extensions: {} };
    if (exception instanceof SigningKeySupersededError) return { code: 'signing-key-superseded', detail: exception.message, extensions: {} };
    if (exception instanceof KeyNotFoundError) return { code: 'key-not-found', detail: exception.message, extensions: { keyId: exception.keyId } };
    if (exception instanceof KeyNameTakenError) return { code: 'key-name-taken', detail: exception.message, extensions: { name: exception.keyName } };
    if (exception instanceof KeyNotRevocableError) return { code: 'key-not-revocable', detail: exception.message, extensions: { keyId: exception.keyId } };
    if (exception instanceof IdempotencyKeyReusedError) return { code: 'idempotency-key-reused', detail: exception.message, extensions: {} };
    if (exception instanceof ConcurrencyExhaustedError || exception instanceof ConcurrencyError) {
      return { code: 'concurrency-conflict', detail: exception.message, extensions: {} };
    }
    // The store's own message names its host, port, database and schema and the driver's reason:
    // the operator's log has it (above), while the answer, which /health gives anyone, says no more
    // than what happened. The tables beside the log (keys, webhooks) let their driver's errors through.
    if (exception instanceof StoreUnavailableError || isStoreUnavailable(exception)) {
      return {
        code: 'store-unavailable',
        detail: "the ledger's database cannot be used now (unreachable, locked by another process, or damaged); try again shortly",
        extensions: {},
      };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isDotSegmentRefusal(exception)) return { code: 'route-not-found', detail: 'no file is served at a path with . or .. segments', extensions: {} };
    return { code: 'internal-error', detail: 'an unexpected error occurred; nothing partial was recorded', extensions: {} };
  }
}

/** Nest's and Fastify's own refusals (unknown route, malformed JSON, body too large). */
function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const detail = exception.message;
  if (status === HttpStatus.NOT_FOUND) return { code: 'route-not-found', detail, extensions: {} };
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return { code: 'payload-too-large', detail, extensions: {} };
  if (status === HttpStatus.UNSUPPORTED_MEDIA_TYPE) return { code: 'unsupported-media-type', detail, extensions: {} };
  if (status === HttpStatus.UNAUTHORIZED) return { code: 'unauthorized', detail, extensions: {} };
  if (status === HttpStatus.FORBIDDEN) return { code: 'forbidden', detail, extensions: {} };
  if (status < 500) return { code: 'validation-failed', detail, extensions: { errors: [{ field: 'body', messages: [detail] }] } };
  return { code: 'internal-error', detail: 'an unexpected error occurred', extensions: {} };
}

/** A 415 names what was sent, so the caller sees what to change. */
function withContentType(problem: Problem, sent: string | undefined): Problem {
  if (problem.code !== 'unsupported-media-type') return problem;
  const received = sent?.trim() ? sent.trim() : null;
  const sentAs = received === null ? 'the body was sent without a Content-Type' : `the body was sent as ${received}`;
  // Only UTF-8 is read: a JSON type in another charset is refused too (json-body.ts).
  const otherCharset = /^application\/json\s*;/i.test(received ?? '') && !readableCharset(received ?? undefined);
  const detail = `${sentAs}; send it ${otherCharset ? 'in UTF-8, ' : ''}as Content-Type: application/json`;
  return { code: problem.code, detail, extensions: { ...problem.extensions, contentType: received } };
}

/** The static file server's refusal of a path with `.` or `..` segments (the API docs' files): it names no file, so 404. */
function isDotSegmentRefusal(exception: unknown): boolean {
  return exception instanceof Error && (exception as { statusCode?: unknown }).statusCode === 403 && exception.message === 'Forbidden';
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}\n${exception.stack ?? ''}` : String(exception);
}

function isHealthCheck(url: string): boolean {
  return url === '/health' || url.startsWith('/health/') || url.startsWith('/health?');
}
