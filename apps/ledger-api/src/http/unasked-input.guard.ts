import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';
import { FieldError } from '@concord/ledger';
import { ApiProblem } from './api-problem';
import { takesCommandHeaders } from './command-metadata.decorator';

/** Whether a route reads a query string, a body and the command headers at all, as its handler's parameters declare. */
interface Reads {
  readonly query: boolean;
  readonly body: boolean;
  readonly commandHeaders: boolean;
}

function readsOf(controller: object, handlerName: string): Reads {
  const parameters = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<string, unknown>;
  const kinds = new Set(Object.keys(parameters).map((key) => key.split(':')[0]));
  return {
    query: kinds.has(String(RouteParamtypes.QUERY)),
    body: kinds.has(String(RouteParamtypes.BODY)),
    commandHeaders: takesCommandHeaders(controller, handlerName),
  };
}

/** The headers only a command takes: sent elsewhere, a retry would be taken for safe and is not. */
/** Headers only commands take, and what sending one elsewhere would wrongly promise. */
const COMMAND_ONLY_HEADERS = [
  ['idempotency-key', 'Idempotency-Key', 'sending it again would not be recognised as a retry'],
  ['if-match', 'If-Match', 'nothing here is held to a stream revision, so it would guard nothing'],
] as const;

const isEmptyBody = (body: unknown): boolean =>
  body === undefined || body === null || body === '' || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);

/**
 * Refuses a query parameter or a body sent to a route that reads none: a misspelt or misplaced
 * parameter must not be silently ignored (`?asof=` on a route without time travel, a body on
 * `POST .../resume`). Routes that read their query or body check them themselves. Runs after the
 * key is checked, so an unknown caller learns nothing of a route's parameters.
 */
@Injectable()
export class UnaskedInputGuard implements CanActivate {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest names handlers as Function
  private readonly reads = new Map<Function, Reads>();

  canActivate(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let reads = this.reads.get(handler);
    if (reads === undefined) {
      reads = readsOf(context.getClass(), handler.name);
      this.reads.set(handler, reads);
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const errors: FieldError[] = [];
    if (!reads.commandHeaders && request.method !== 'GET' && request.method !== 'HEAD') {
      for (const [header, name, why] of COMMAND_ONLY_HEADERS)
        if (request.headers[header] !== undefined)
          errors.push({ field: name, messages: [`is taken by commands only: this route records no event, and ${why}`] });
    }
    if (reads.query && reads.body && errors.length === 0) return true;
    if (!reads.query) {
      for (const name of Object.keys((request.query ?? {}) as object))
        errors.push({ field: name, messages: ['is not a parameter of this route, which takes none'] });
    }
    if (!reads.body && !isEmptyBody(request.body)) errors.push({ field: 'body', messages: ['must be empty: this route takes no body'] });
    if (errors.length > 0) throw new ApiProblem('validation-failed', errors.map((e) => `${e.field} ${e.messages.join('; ')}`).join('; '), { errors });
    return true;
  }
}
