import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiKey, authenticate, Caller } from './api-keys';
import { ApiProblem } from '../http/api-problem';

export const API_KEYS = Symbol('ApiKeys');

export type AuthenticatedRequest = FastifyRequest & { caller?: Caller };

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Every `/v1` route needs a bearer key. Reading is open to every role; recording is the
 * secretariat's alone. Health, OpenAPI and the docs UI stay open.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(API_KEYS) private readonly keys: readonly ApiKey[]) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.url.startsWith('/v1/') && request.url !== '/v1') return true;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const caller = match?.[1] === undefined ? undefined : authenticate(this.keys, match[1]);
    if (!caller) {
      throw new ApiProblem('unauthorized', header ? 'the bearer key is not known' : 'send Authorization: Bearer <key>');
    }
    if (!READ_METHODS.has(request.method) && caller.role !== 'secretariat') {
      throw new ApiProblem('forbidden', `the ${caller.role} role reads the ledger but may not record; use a secretariat key`);
    }
    request.caller = caller;
    return true;
  }
}
