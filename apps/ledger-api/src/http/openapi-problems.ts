import { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CATALOGUE, ErrorCode } from '@concord/ledger';
import { TRACE_TOKEN } from './trace-token';

type Operation = { parameters?: unknown[]; responses?: Record<string, unknown> };

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details; `code` is stable and catalogued in docs/errors.md.',
  required: ['type', 'title', 'status', 'code', 'detail', 'instance'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: Object.keys(ERROR_CATALOGUE).sort() },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'For validation-failed: each failing field and why.',
      items: { type: 'object', properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } } },
    },
    allowed: {
      type: 'array',
      description: 'For method-not-allowed: the methods the path answers, as the `Allow` header names them.',
      items: { type: 'string' },
    },
  },
};

/**
 * The answer to a method a path does not list. An operation of the document is a method the path
 * answers, so no operation can carry this answer: listing it under each would say that they may
 * answer it, and adding operations for the other methods would offer clients calls that do not
 * exist. It is described once, here, and named in the document's description.
 */
const METHOD_NOT_ALLOWED = {
  description: '`method-not-allowed`: the path does not answer this method. Answered before any key is asked for.',
  headers: {
    Allow: {
      description: 'The methods the path answers, comma-separated: those the document lists for it, and HEAD wherever GET.',
      schema: { type: 'string' },
    },
  },
  content: {
    'application/problem+json': {
      schema: {
        allOf: [{ $ref: '#/components/schemas/Problem' }],
        required: ['allowed'],
        properties: { status: { type: 'integer', enum: [405] }, code: { type: 'string', enum: ['method-not-allowed'] } },
      },
    },
  },
};

const METHOD_NOT_ALLOWED_NOTE =
  'A path asked with a method it does not list is answered 405 method-not-allowed (components.responses.MethodNotAllowed), its `Allow` header naming the methods it answers; HEAD is answered wherever GET is.';

const COMMAND_HEADERS = [
  {
    name: 'Idempotency-Key',
    description:
      'Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-".',
  },
  {
    name: 'If-Match',
    description:
      'A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on.',
  },
  {
    name: 'X-Correlation-Id',
    description: 'Carried into the recorded events\' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400).',
    pattern: TRACE_TOKEN,
  },
  {
    name: 'X-Causation-Id',
    description: 'Carried into the recorded events\' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400).',
    pattern: TRACE_TOKEN,
  },
].map(({ name, description, pattern }) => ({
  name,
  in: 'header',
  required: false,
  description,
  schema: pattern === undefined ? { type: 'string' } : { type: 'string', pattern: pattern.source },
}));

/**
 * The statuses each kind of endpoint can answer with a problem, and why. Every request may be
 * refused for headers over 16 KB (431) or for not arriving in full in time (408); every keyed one for its key's or address's rate (429);
 * every one with a body for a type other than JSON (415). Every one that reads the log may meet an
 * event the ledger cannot read (500 log-unreadable), and any may fail (500 internal-error).
 */
type EndpointKind =
  | 'query'
  | 'event-feed'
  | 'admin-read'
  | 'admin-change'
  | 'inclusion-proof'
  | 'command'
  | 'checkpoint-signing'
  | 'webhook-read'
  | 'webhook-change'
  | 'public-schema'
  | 'health';

const STATUSES: Readonly<Record<EndpointKind, readonly number[]>> = {
  query: [400, 401, 404, 408, 429, 431, 500, 503],
  // A reader that names the event it read last, which is no longer at its position: 409 feed-position-rewritten.
  'event-feed': [400, 401, 404, 408, 409, 429, 431, 500, 503],
  // Keys are the admin's: another role is 403 forbidden.
  'admin-read': [400, 401, 403, 404, 408, 429, 431, 500, 503],
  // A proof of a position the signed tree holds but the log no longer does: 409 log-inconsistent.
  'inclusion-proof': [400, 401, 404, 408, 409, 429, 431, 500, 503],
  command: [400, 401, 403, 404, 408, 409, 412, 413, 415, 422, 429, 431, 500, 503],
  // Issuing and revoking keys records no event: no command headers, no If-Match.
  'admin-change': [400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 431, 500, 503],
  // Refused 409 when the log no longer extends the latest checkpoint, or this instance's key was closed.
  'checkpoint-signing': [400, 401, 403, 404, 408, 409, 429, 431, 500, 503],
  'webhook-read': [400, 401, 403, 404, 408, 429, 431, 500, 503],
  'webhook-change': [400, 401, 403, 404, 408, 413, 415, 422, 429, 431, 500, 503],
  // Keyless, but a query parameter it does not take is 400, and the address's rate applies (429).
  'public-schema': [400, 404, 408, 429, 431, 500],
  // Keyless and not rate-limited; 503 when the store does not answer, or once the ledger stops.
  health: [408, 431, 500, 503],
};

/**
 * Only commands record events and take the command headers (`Idempotency-Key`, `If-Match`):
 * webhook and key management and checkpoint signing record nothing in the ledger, and refuse them.
 */
function kindOf(path: string, method: 'get' | 'post' | 'patch' | 'delete'): EndpointKind {
  if (path.startsWith('/health')) return 'health';
  if (path.startsWith('/v1/schemas')) return 'public-schema';
  if (path.startsWith('/v1/keys') || path.startsWith('/v1/admin/')) return method === 'get' ? 'admin-read' : 'admin-change';
  if (path === '/v1/audit/checkpoints' && method === 'post') return 'checkpoint-signing';
  if (path.startsWith('/v1/webhooks')) return method === 'get' ? 'webhook-read' : 'webhook-change';
  if (path === '/v1/audit/proofs/inclusion') return 'inclusion-proof';
  if (path === '/v1/events' || path === '/v1/events/stream') return 'event-feed';
  return method === 'get' ? 'query' : 'command';
}

/** Codes only some kinds of endpoint answer, listed there alone: the others' statuses do not name them. */
const CODES_OF_KIND: Partial<Record<EndpointKind, Partial<Record<number, readonly ErrorCode[]>>>> = {
  'event-feed': { 409: ['feed-position-rewritten'] },
};
const CODES_OF_ONE_KIND = new Set(Object.values(CODES_OF_KIND).flatMap((byStatus) => Object.values(byStatus ?? {}).flat()));

function codesWithStatus(status: number, kind: EndpointKind): readonly ErrorCode[] {
  return (
    CODES_OF_KIND[kind]?.[status] ??
    (Object.keys(ERROR_CATALOGUE) as ErrorCode[]).filter((code) => ERROR_CATALOGUE[code].status === status && !CODES_OF_ONE_KIND.has(code)).sort()
  );
}

/**
 * Adds what Nest's decorators leave out of the OpenAPI document: the problem+json answers of every
 * endpoint, with the codes each status can carry, the 405 of a method a path does not answer, and
 * the headers every command accepts.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA },
    responses: { ...document.components?.responses, MethodNotAllowed: METHOD_NOT_ALLOWED },
  };
  document.info.description = [document.info.description, METHOD_NOT_ALLOWED_NOTE].filter(Boolean).join(' ');
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/') && !path.startsWith('/health')) continue;
    for (const method of ['get', 'post', 'patch', 'delete'] as const) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const kind = kindOf(path, method);
      const responses = (operation.responses ??= {});
      for (const status of STATUSES[kind]) {
        responses[String(status)] ??= {
          description: `${codesWithStatus(status, kind)
            .map((code) => `\`${code}\``)
            .join(', ')}`,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
      if (kind === 'command') operation.parameters = [...(operation.parameters ?? []), ...COMMAND_HEADERS];
    }
  }
  return document;
}
