import { SetMetadata } from '@nestjs/common';
import { Role } from './api-keys';

export const ROUTE_ROLES = 'concord:route-roles';

/**
 * Restricts a controller or route to these roles, whatever the method: webhooks are the
 * integrators' own, so they may register them (POST) though they may not record.
 */
export const OnlyRoles = (...roles: Role[]): ClassDecorator & MethodDecorator => SetMetadata(ROUTE_ROLES, roles);
