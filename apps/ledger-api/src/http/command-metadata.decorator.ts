import { normalisedPath } from './normalised-path';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { hash } from 'node:crypto';
import { canonicalJson, CommandMetadata, uuidV7 } from '@concord/ledger';
import { isIsoDate } from '@concord/governance';
import { AuthenticatedRequest } from '../auth/api-key.guard';
import { ApiProblem } from './api-problem';
import { TRACE_TOKEN } from './trace-token';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const IF_MATCH = /^(W\/)?"(-1|0|[1-9]\d{0,14})"$/;

/**
 * Everything a command needs from the request besides its body: who sends it, its idempotency
 * key (a fresh one when the client sent none), `If-Match`, and a digest of the request so that a
 * key reused for other input is caught.
 */
function commandMetadataOf(_: unknown, context: ExecutionContext): CommandMetadata {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const caller = request.caller;
  if (!caller) throw new ApiProblem('unauthorized', 'send Authorization: Bearer <key>');
  const idempotencyKey = header(request, 'idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    // HTTP joins a header sent twice with commas: say so, rather than call two good keys malformed.
    const sentTwice = idempotencyKey.includes(',') && idempotencyKey.split(',').every((part) => IDEMPOTENCY_KEY.test(part.trim()));
    throw invalidHeader(
      'Idempotency-Key',
      sentTwice ? 'was sent more than once: send one key per request' : 'must be 8 to 128 characters of letters, digits, ".", "_", ":" or "-"',
    );
  }
  const correlation = traceHeader(request, 'X-Correlation-Id');
  const causation = traceHeader(request, 'X-Causation-Id');
  const commandId = idempotencyKey ?? uuidV7();
  return {
    commandId,
    correlationId: correlation ?? commandId,
    causationId: causation ?? null,
    actor: { id: caller.keyId, role: caller.role, ...(caller.name === null ? {} : { name: caller.name }) },
    fingerprint: hash('sha256', `${request.method} ${normalisedPath(request.url.split('?')[0] ?? '')}\n${canonicalJson(request.body ?? null)}`, 'hex'),
    expectedRevision: ifMatch(request),
    occurredAtIsMoment: givenAsMoment((request.body as { occurredAt?: unknown } | null | undefined)?.occurredAt),
  };
}

/** Whether a command's `occurredAt` was written with its time of day (the body's validation refuses any other text). */
function givenAsMoment(occurredAt: unknown): boolean {
  return typeof occurredAt === 'string' && !isIsoDate(occurredAt);
}

export const Command = createParamDecorator(commandMetadataOf);

/** Whether a route's handler takes `@Command()`: records events, and so takes `Idempotency-Key` and `If-Match`. */
export function takesCommandHeaders(controller: object, handlerName: string): boolean {
  const parameters = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<string, { factory?: unknown }>;
  return Object.values(parameters).some((parameter) => parameter.factory === commandMetadataOf);
}

function ifMatch(request: AuthenticatedRequest): number | undefined {
  const value = header(request, 'if-match');
  if (value === undefined) return undefined;
  const match = IF_MATCH.exec(value.trim());
  if (!match?.[2]) throw invalidHeader('If-Match', 'must be a quoted stream revision, e.g. "3" ("-1" for a stream that must not exist)');
  return Number(match[2]);
}

function traceHeader(request: AuthenticatedRequest, name: string): string | undefined {
  const value = header(request, name.toLowerCase());
  if (value !== undefined && !TRACE_TOKEN.test(value)) {
    throw invalidHeader(name, 'must be 1 to 128 characters of letters, digits, ".", "_", ":" or "-"');
  }
  return value;
}

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function invalidHeader(name: string, message: string): ApiProblem {
  return new ApiProblem('validation-failed', `${name} ${message}`, { errors: [{ field: name, messages: [message] }] });
}
