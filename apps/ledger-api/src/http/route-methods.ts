import type { FastifyInstance } from 'fastify';

interface RoutePattern {
  readonly path: RegExp;
  readonly methods: Set<string>;
}

/**
 * The methods each route path answers, so that a request with a path the API has, sent with a
 * method it does not answer there, is told `405` and which methods to use instead of `404`.
 */
export class RouteMethods {
  private readonly patterns = new Map<string, RoutePattern>();

  /** Follows every route Fastify registers from now on. */
  follow(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) this.add(method, route.url);
    });
  }

  add(method: string, url: string): void {
    const known = this.patterns.get(url);
    if (known) known.methods.add(method);
    else this.patterns.set(url, { path: patternOf(url), methods: new Set([method]) });
  }

  /** The methods some route answers at this path (its query ignored; percent-encoding read as the router reads it), in a stable order. */
  allowedAt(url: string): readonly string[] {
    const path = decoded(url.split('?')[0] ?? '');
    const allowed = new Set<string>();
    for (const pattern of this.patterns.values()) {
      if (pattern.path.test(path)) for (const method of pattern.methods) allowed.add(method);
    }
    if (allowed.has('GET')) allowed.add('HEAD');
    return [...allowed].sort();
  }
}

/** `/v1/bodies/:bodyId/chair` as a regular expression: a parameter is one non-empty segment. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/** Each segment decoded on its own, so that an encoded `/` stays inside its segment; a malformed one is kept as sent. */
function decoded(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment).replaceAll('/', '%2F');
      } catch {
        return segment;
      }
    })
    .join('/');
}
