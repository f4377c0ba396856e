import { OpenAPIObject } from '@nestjs/swagger';
import { isCommand } from './document-answers';

type Response = { headers?: Record<string, unknown>; $ref?: string };
type Operation = { responses?: Record<string, Response> };

/** The headers the API sends in its answers, declared once and referred to by the answers that carry them. */
const HEADERS = {
  'X-Request-Id': {
    description:
      "The request's id, in every answer and in every log line of the request: the client's own `X-Request-Id` when it sent a plain token, else a new one.",
    schema: { type: 'string' },
  },
  ETag: {
    description:
      "The stream's revision (a quoted integer): after a recorded command, or of a body, meeting or proposal read now (not at a past point, where it is absent). Send it as `If-Match` with the next command so that it is refused (412) if anything was recorded on the stream meanwhile.",
    schema: { type: 'string', pattern: '^"\\d+"$' },
  },
  'Idempotent-Replayed': {
    description: '`true` when the command was recorded before under the same `Idempotency-Key` and this is that first answer again; absent otherwise.',
    schema: { type: 'string', enum: ['true'] as string[] },
  },
  'Retry-After': {
    description: 'Seconds to wait before sending again.',
    schema: { type: 'integer', minimum: 0 },
  },
  'WWW-Authenticate': {
    description: 'The scheme to authenticate with: `Bearer realm="concord-ledger"`.',
    schema: { type: 'string' },
  },
};

type HeaderName = keyof typeof HEADERS;

/** Answers written to the socket before the request reaches the framework's hooks (headers too large, a request not in time): no `X-Request-Id`. */
const ANSWERED_BEFORE_ANY_HOOK = new Set(['408', '431']);

/** Which answers carry which headers, beyond `X-Request-Id`, which every other answer carries. */
function headersOf(method: 'get' | 'post' | 'patch' | 'delete', path: string, status: string): HeaderName[] {
  if (status === '401') return ['WWW-Authenticate'];
  if (status === '429' || status === '503') return ['Retry-After'];
  if (status === '201' && isCommand(method, path)) return ['ETag', 'Idempotent-Replayed'];
  // A resource read at the latest point carries its stream's revision, for a command's If-Match.
  if (status === '200' && method === 'get' && /^\/v1\/(bodies|meetings|proposals)\/\{[A-Za-z]+\}$/.test(path)) return ['ETag'];
  return [];
}

/**
 * Declares in every answer of the document the response headers the API sends with it, which a
 * client generated from the document would otherwise have no type for (and the browser's CORS
 * rules expose): `X-Request-Id` everywhere but on 408 and 431, `ETag` and `Idempotent-Replayed` on a recorded command,
 * `ETag` on a resource read now, `Retry-After` on 429 and 503, `WWW-Authenticate` on 401.
 */
export function documentResponseHeaders(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, headers: { ...document.components?.headers, ...HEADERS } };
  for (const response of Object.values(document.components.responses ?? {}) as Response[]) {
    response.headers = { ...response.headers, 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } };
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'patch', 'delete'] as const) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        if (response.$ref !== undefined) continue;
        const names: HeaderName[] = [...(ANSWERED_BEFORE_ANY_HOOK.has(status) ? [] : (['X-Request-Id'] as const)), ...headersOf(method, path, status)];
        response.headers = { ...response.headers, ...Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }])) };
      }
    }
  }
  return document;
}
