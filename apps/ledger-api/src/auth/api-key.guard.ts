import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { Caller, RECORDING_ROLE } from './api-keys';
import { KeyService } from './keys/key-service';
import { ApiProblem } from '../http/api-problem';
import { PUBLIC_ROUTE } from './public.decorator';
import { ROUTE_ROLES } from './roles.decorator';
import { Role } from './api-keys';
import { LimitedRequest } from '../abuse/rate-limit.hook';
import { bearerToken, presentedKeyDigest } from './bearer-token';

export type AuthenticatedRequest = FastifyRequest & LimitedRequest & { caller?: Caller };

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Every route Nest matched needs a bearer key unless it is marked `@Public()`: deciding by the
 * matched route, not by the request's URL text, leaves no encoding of a path that slips past.
 * Reading is open to every role; recording is the secretariat's alone. OpenAPI and the docs UI are
 * served outside Nest's routes and stay open.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: KeyService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const header = request.headers.authorization ?? '';
    const key = bearerToken(header);
    const digest = key === undefined ? undefined : presentedKeyDigest(key);
    const caller = key === undefined ? undefined : await this.keys.authenticate(key, digest);
    if (!caller) {
      // A revoked key is one its holder was given, not a guess: a client reconnecting with it must
      // not spend its address's allowance of wrong keys, which would lock out the good keys sent from there.
      const revokedAt = digest === undefined ? undefined : await this.keys.revokedAt(digest);
      if (revokedAt !== undefined) throw new ApiProblem('unauthorized', `this key was revoked at ${revokedAt}: ask an admin for a new one`);
      // A wrong key counts against its address (rate-limit.hook.ts); no key at all, or a header not
      // of the Bearer scheme (`Basic <key>`, a key alone), tries no key: no guess.
      if (key !== undefined) request.keyRefused = true;
      throw new ApiProblem('unauthorized', unauthorizedDetail(header, key));
    }
    // Known before its role is judged, so that a refused request is logged with the key that sent it.
    request.caller = caller;
    const onlyRoles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, [context.getHandler(), context.getClass()]);
    if (onlyRoles !== undefined) {
      if (!onlyRoles.includes(caller.role)) throw new ApiProblem('forbidden', `only the ${onlyRoles.join(', ')} role may use this; this key is ${caller.role}`);
    } else if (!READ_METHODS.has(request.method) && caller.role !== RECORDING_ROLE) {
      throw new ApiProblem('forbidden', `the ${caller.role} role reads the ledger but may not record; use a ${RECORDING_ROLE} key`);
    }
    return true;
  }
}

function unauthorizedDetail(header: string, key: string | undefined): string {
  if (!header) return 'send Authorization: Bearer <key>';
  if (key !== undefined) return 'the bearer key is not known, or has been revoked';
  const scheme = /^(\S+)\s+\S/.exec(header)?.[1];
  return scheme === undefined
    ? 'the Authorization header is not Bearer <key>: send the key after the word Bearer'
    : `the Authorization header uses the ${JSON.stringify(scheme.slice(0, 20))} scheme: send the key as Bearer <key>`;
}
