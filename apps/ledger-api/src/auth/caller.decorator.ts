import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedRequest } from './api-key.guard';
import { Caller } from './api-keys';
import { ApiProblem } from '../http/api-problem';

/** The key the guard authenticated, for routes that answer per key. */
export const CallerKey = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new ApiProblem('unauthorized', 'send Authorization: Bearer <key>');
  return caller;
});
