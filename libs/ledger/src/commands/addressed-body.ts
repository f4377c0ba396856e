import { BodyState, refuse } from '@concord/governance';

/**
 * The body a command's path names must have been established: refused naming it, as a read of it
 * is, before the rules of the command are looked at (they would say only "the body").
 */
export function requireAddressedBody(bodyId: string | undefined, body: BodyState): void {
  if (bodyId !== undefined && body.status !== 'established') refuse('body-not-found', `body ${bodyId} has not been established`, { bodyId });
}
