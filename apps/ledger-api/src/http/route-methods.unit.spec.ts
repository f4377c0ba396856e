import { RouteMethods } from './route-methods';

describe('RouteMethods', () => {
  const routes = new RouteMethods();
  routes.add('GET', '/v1/bodies');
  routes.add('POST', '/v1/bodies');
  routes.add('GET', '/v1/bodies/:bodyId');
  routes.add('POST', '/v1/bodies/:bodyId/chair');
  routes.add('GET', '/v1/schemas/:type/:version');
  routes.add('GET', '/index.html');
  routes.add('GET', '/docs/*');

  it('names every method some route answers at a path, with HEAD wherever GET is', () => {
    expect(routes.allowedAt('/v1/bodies')).toEqual(['GET', 'HEAD', 'POST']);
    expect(routes.allowedAt('/v1/bodies/kp?asOf=2022-01-01')).toEqual(['GET', 'HEAD']);
    expect(routes.allowedAt('/v1/bodies/kp/chair')).toEqual(['POST']);
    expect(routes.allowedAt('/v1/schemas/ChairAssigned/1')).toEqual(['GET', 'HEAD']);
    expect(routes.allowedAt('/docs/swagger-ui.css')).toEqual(['GET', 'HEAD']);
  });

  it('reads a percent-encoded path as the router does, an encoded slash staying inside its segment', () => {
    expect(routes.allowedAt('/v1/%62odies')).toEqual(['GET', 'HEAD', 'POST']);
    expect(routes.allowedAt('/v1/bodies/k%2Fp/chair')).toEqual(['POST']);
    expect(routes.allowedAt('/v1/bodies/%E0%A4%A/chair')).toEqual(['POST']);
  });

  it('names none for a path no route has: a parameter is one non-empty segment, and a dot is only a dot', () => {
    expect(routes.allowedAt('/v1/bodies/kp/chair/extra')).toEqual([]);
    expect(routes.allowedAt('/v1/bodies//chair')).toEqual([]);
    expect(routes.allowedAt('/v1/treaties')).toEqual([]);
    expect(routes.allowedAt('/indexxhtml')).toEqual([]);
  });
});
