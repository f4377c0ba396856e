import { normalisedPath } from './normalised-path';

describe('normalisedPath', () => {
  it.each([
    ['/v1/proposals/rev%2dcd/support', '/v1/proposals/rev-cd/support'],
    ['/v1/proposals/rev%2Dcd/support', '/v1/proposals/rev-cd/support'],
    ['/v1/bodies/%6b%70/participants', '/v1/bodies/kp/participants'],
    ['/v1/bodies/kp%2Fx/participants', '/v1/bodies/kp%2Fx/participants'],
    ['/v1/bodies/kp%20/participants', '/v1/bodies/kp%20/participants'],
    ['/v1/bodies/kp/participants', '/v1/bodies/kp/participants'],
    ['/v1/bodies/kp%zz', '/v1/bodies/kp%zz'],
  ])('reads %s as %s', (path, normalised) => {
    expect(normalisedPath(path)).toBe(normalised);
  });
});
