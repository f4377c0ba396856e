import { OpenAPIObject } from '@nestjs/swagger';
import ANSWER_SCHEMAS from './answer-schemas.json';
import { asJsonSchemaNullables } from './json-schema-nullables';

type Operation = { responses?: Record<string, { description?: string; content?: unknown; headers?: unknown }> };
type Method = 'get' | 'post' | 'patch' | 'delete';

/** A success answer: its status, and either a schema of `answers.ts` by name or a media type of its own. */
interface SuccessAnswer {
  readonly status: number;
  readonly description: string;
  readonly answer?: keyof typeof ANSWER_SCHEMAS;
  readonly media?: { readonly type: string; readonly schema: Record<string, unknown> };
}

const TEXT = { type: 'string' };
const JSON_SCHEMA = { type: 'object', description: 'A JSON Schema (draft-07).' };

const COMMAND: SuccessAnswer = {
  status: 201,
  description:
    'Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`.',
  answer: 'CommandAnswer',
};

/** Every success answer that is not a recorded command, by `METHOD path` as the document names it. */
const ANSWERS: Readonly<Record<string, SuccessAnswer>> = {
  'GET /v1/bodies': { status: 200, description: 'A page of bodies', answer: 'BodyListAnswer' },
  'GET /v1/bodies/{bodyId}': { status: 200, description: 'The body at the point', answer: 'BodyAnswer' },
  'GET /v1/bodies/{bodyId}/chairs': { status: 200, description: 'Every term with its offices', answer: 'BodyChairsAnswer' },
  'GET /v1/bodies/{bodyId}/proposals': { status: 200, description: "A page of the body's proposals", answer: 'BodyProposalsAnswer' },
  'GET /v1/bodies/{bodyId}/meetings': { status: 200, description: "A page of the body's meetings", answer: 'BodyMeetingsAnswer' },
  'GET /v1/bodies/{bodyId}/statements': { status: 200, description: "A page of statements at the body's meetings", answer: 'BodyStatementsAnswer' },
  'GET /v1/bodies/{bodyId}/definition': { status: 200, description: 'The definition in force and its versions', answer: 'BodyDefinitionAnswer' },
  'GET /v1/bodies/{bodyId}/history': { status: 200, description: "A page of the body's history", answer: 'BodyHistoryAnswer' },
  'GET /v1/meetings/{meetingId}': { status: 200, description: 'The meeting at the point', answer: 'MeetingAnswer' },
  'GET /v1/meetings/{meetingId}/statements': { status: 200, description: 'A page of the statements made at the meeting', answer: 'MeetingStatementsAnswer' },
  'GET /v1/proposals/{proposalId}': { status: 200, description: 'The proposal and its consensus status', answer: 'ProposalAnswer' },
  'GET /v1/proposals/{proposalId}/history': { status: 200, description: "The proposal's timeline", answer: 'ProposalHistoryAnswer' },
  'GET /v1/events': { status: 200, description: 'A page of the event feed, as CloudEvents', answer: 'EventPageAnswer' },
  'GET /v1/events/stream': {
    status: 200,
    description:
      'Server-sent events: each ledger event as a CloudEvent, `id` its position, or with `ids=position-and-event` `<position>:<event id>` (resume with `Last-Event-ID`)',
    media: { type: 'text/event-stream', schema: TEXT },
  },
  'POST /v1/webhooks': { status: 201, description: 'Registered; the secret is shown this once', answer: 'RegisteredWebhookAnswer' },
  'GET /v1/webhooks': { status: 200, description: "The caller's webhooks", answer: 'WebhookListAnswer' },
  'GET /v1/webhooks/{webhookId}': { status: 200, description: 'The webhook and its delivery state', answer: 'WebhookAnswer' },
  'PATCH /v1/webhooks/{webhookId}': { status: 200, description: 'The webhook as changed, or as it was if nothing changed', answer: 'WebhookAnswer' },
  'DELETE /v1/webhooks/{webhookId}': { status: 204, description: 'Removed' },
  'GET /v1/admin/webhooks': { status: 200, description: 'Every webhook, with the key that registered it', answer: 'WebhookListAnswer' },
  'DELETE /v1/admin/webhooks/{webhookId}': { status: 204, description: 'Removed' },
  'GET /v1/webhooks/{webhookId}/attempts': { status: 200, description: "A page of the webhook's attempts, newest first", answer: 'WebhookAttemptListAnswer' },
  'POST /v1/webhooks/{webhookId}/ping': { status: 200, description: 'The ping as it went, whatever the receiver answered', answer: 'WebhookAttemptAnswer' },
  'POST /v1/webhooks/{webhookId}/rotate-secret': {
    status: 200,
    description: 'The new secret, shown this once; previousSecretsExpireAt says until when the earlier ones still sign',
    answer: 'RegisteredWebhookAnswer',
  },
  'POST /v1/webhooks/{webhookId}/replay': { status: 200, description: 'Delivery starts again from the position given', answer: 'WebhookAnswer' },
  'POST /v1/webhooks/{webhookId}/pause': { status: 200, description: 'Paused (or as it was, if not active)', answer: 'WebhookAnswer' },
  'POST /v1/webhooks/{webhookId}/resume': { status: 200, description: 'Delivery resumes', answer: 'WebhookAnswer' },
  'POST /v1/keys': { status: 201, description: 'Issued; the key is shown this once', answer: 'NewKeyAnswer' },
  'GET /v1/keys': { status: 200, description: 'Every key, without the keys themselves', answer: 'KeyListAnswer' },
  'GET /v1/me': { status: 200, description: 'The key the request was sent with, never the key itself', answer: 'CallerAnswer' },
  'DELETE /v1/keys/{keyId}': { status: 200, description: 'Revoked', answer: 'KeyAnswer' },
  'GET /v1/audit/checkpoint': { status: 200, description: 'The latest signed checkpoint, byte-exact', media: { type: 'text/plain', schema: TEXT } },
  'GET /v1/audit/checkpoints': { status: 200, description: 'Earlier checkpoints', answer: 'CheckpointListAnswer' },
  'POST /v1/audit/checkpoints': { status: 200, description: 'A checkpoint signed now (or the latest, when nothing is new)', answer: 'CheckpointAnswer' },
  'GET /v1/audit/keys': { status: 200, description: 'Every key that signed checkpoints', answer: 'SigningKeysAnswer' },
  'GET /v1/audit/proofs/inclusion': { status: 200, description: 'An inclusion proof (RFC 9162)', answer: 'InclusionProofAnswer' },
  'GET /v1/audit/proofs/consistency': { status: 200, description: 'A consistency proof (RFC 9162)', answer: 'ConsistencyProofAnswer' },
  'GET /health': { status: 200, description: 'The store answers', answer: 'HealthAnswer' },
  'GET /health/live': { status: 200, description: 'The process answers', answer: 'LivenessAnswer' },
  'GET /health/ready': { status: 200, description: 'Ready to serve', answer: 'ReadinessAnswer' },
  'GET /metrics': { status: 200, description: 'Prometheus text exposition', media: { type: 'text/plain', schema: TEXT } },
  'GET /v1/schemas': { status: 200, description: 'Every published schema', answer: 'SchemaListAnswer' },
  'GET /v1/schemas/CloudEvent': {
    status: 200,
    description: 'The CloudEvents envelope schema',
    media: { type: 'application/schema+json', schema: JSON_SCHEMA },
  },
  'GET /v1/schemas/{type}/{version}': {
    status: 200,
    description: "An event type's data schema",
    media: { type: 'application/schema+json', schema: JSON_SCHEMA },
  },
  // An AsyncAPI document has a specification of its own; its `$ref` members are not OpenAPI references.
  'GET /asyncapi.json': {
    status: 200,
    description: 'The AsyncAPI 3.0 document of the event stream and webhooks',
    media: {
      type: 'application/json',
      schema: { type: 'object', description: 'An AsyncAPI 3.0 document (https://www.asyncapi.com/docs/reference/specification/v3.0.0).' },
    },
  },
};

/** Commands record events in the ledger: every POST under these, but for the answers named above. */
const COMMAND_PREFIXES = ['/v1/bodies', '/v1/meetings', '/v1/proposals', '/v1/corrections'];

/** The success answer of an operation, or undefined when none is declared (a test keeps that from happening). */
export function successAnswerOf(method: Method, path: string): SuccessAnswer | undefined {
  const named = ANSWERS[`${method.toUpperCase()} ${path}`];
  if (named) return named;
  return isCommand(method, path) ? COMMAND : undefined;
}

/** Whether the operation records a command: a POST under the command prefixes. */
export function isCommand(method: Method, path: string): boolean {
  return method === 'post' && COMMAND_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/**
 * Gives every operation its success answer with a schema generated from the type the code returns
 * (`answers.ts`), in place of the empty description Nest's decorators leave, and makes the document
 * OpenAPI 3.1, whose schemas are JSON Schema (a nullable field is `type: [..., "null"]`).
 */
export function documentAnswers(document: OpenAPIObject): OpenAPIObject {
  document.openapi = '3.1.0';
  asJsonSchemaNullables(document);
  // A request body with a field it does not take is refused (400): the schemas of the bodies say so.
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (name.endsWith('Dto') && isObjectSchema(schema)) schema.additionalProperties = false;
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...(ANSWER_SCHEMAS as Record<string, object>) } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'patch', 'delete'] as const) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      const answer = successAnswerOf(method, path);
      if (!operation || !answer) continue;
      const responses = Object.fromEntries(Object.entries(operation.responses ?? {}).filter(([status]) => !status.startsWith('2')));
      const content = answer.answer
        ? { 'application/json': { schema: { $ref: `#/components/schemas/${answer.answer}` } } }
        : answer.media && { [answer.media.type]: { schema: answer.media.schema } };
      operation.responses = { [String(answer.status)]: { description: answer.description, ...(content ? { content } : {}) }, ...responses };
    }
  }
  return document;
}

/** A schema as Nest writes it from a request body's class (`…Dto`): an object with its properties. */
function isObjectSchema(schema: unknown): schema is { type: 'object'; properties: object; additionalProperties?: boolean } {
  return typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'object' && 'properties' in schema;
}
