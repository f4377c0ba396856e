import { DomainErrorCode } from '@concord/governance';

/** Codes that arise at the edge rather than from a domain rule. */
export type EdgeErrorCode =
  | 'validation-failed'
  | 'unauthorized'
  | 'forbidden'
  | 'route-not-found'
  | 'method-not-allowed'
  | 'position-not-found'
  | 'feed-position-rewritten'
  | 'precondition-failed'
  | 'idempotency-key-reused'
  | 'concurrency-conflict'
  | 'payload-too-large'
  | 'request-too-complex'
  | 'unsupported-media-type'
  | 'request-timeout'
  | 'headers-too-large'
  | 'not-ready'
  | 'rate-limited'
  | 'cors-origin-refused'
  | 'store-unavailable'
  | 'schema-not-found'
  | 'webhook-not-found'
  | 'key-not-found'
  | 'key-name-taken'
  | 'key-not-revocable'
  | 'webhook-url-refused'
  | 'webhook-replay-ahead'
  | 'checkpoint-not-found'
  | 'tree-size-not-signed'
  | 'position-beyond-tree'
  | 'log-inconsistent'
  | 'log-unreadable'
  | 'signing-key-superseded'
  | 'internal-error';

export type ErrorCode = DomainErrorCode | EdgeErrorCode;

export interface ErrorCatalogueEntry {
  readonly status: 400 | 401 | 403 | 404 | 405 | 408 | 409 | 412 | 413 | 415 | 422 | 429 | 431 | 500 | 503;
  readonly title: string;
  readonly description: string;
}

/**
 * The one catalogue of error codes. A code missing here does not compile, and a test checks that
 * `docs/errors.md` documents exactly these codes.
 */
export const ERROR_CATALOGUE: Readonly<Record<ErrorCode, ErrorCatalogueEntry>> = {
  'validation-failed': {
    status: 400,
    title: 'The request is not valid',
    description:
      "The body, a path or query parameter, or a header failed validation; `errors` lists each failing field. Unknown fields and query parameters are refused here, on every route of the API (`/v1`, `/health`, `/metrics`, `/asyncapi.json`): a route that reads no query string or no body refuses any it is sent. The documentation pages (`/docs`, `/openapi.json`, `/openapi.yaml`) and the console's files ignore a query string, and the body of a GET is never read.",
  },
  unauthorized: { status: 401, title: 'Authentication required', description: 'No `Authorization: Bearer <key>` header, or the key is not known.' },
  forbidden: { status: 403, title: 'Not allowed for this role', description: 'The key is valid but its role may not do this (only `secretariat` records).' },
  'route-not-found': {
    status: 404,
    title: 'No such route',
    description:
      'No endpoint answers this path with this method, and none answers it with another (that is `method-not-allowed`): an unknown path, or a file the docs do not have.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    description: 'The path exists but does not answer this method: the `Allow` header and `allowed` list the methods it answers.',
  },
  'position-not-found': {
    status: 404,
    title: 'Position not reached',
    description:
      "A position the ledger has not reached yet (`atPosition`; the point of a page's `cursor`; the event feed's `after`; the stream's `after`, `lastEventId` or `Last-Event-ID`; a webhook's `after`): `headPosition` says where it is. A reader that has seen more than the ledger holds should not carry on silently.",
  },
  'feed-position-rewritten': {
    status: 409,
    title: 'Feed position rewritten',
    description:
      "The event at the position a reader resumes after (the feed's `after`; the stream's `after`, or its `Last-Event-ID` or `lastEventId` written as `<position>:<event id>`) is not the one it names (`afterEventId`, or the id's event; `eventId` is the one there now): the log this reader followed was rolled back (an older copy restored) and written on since, so the events it processed after the rollback point are not in this ledger, and events recorded since lie at positions it passed. Resume after the latest position whose event is still one it processed.",
  },
  'body-not-found': { status: 404, title: 'Body not found', description: 'No body with this id has been established.' },
  'meeting-not-found': { status: 404, title: 'Meeting not found', description: 'No meeting with this id has been convened.' },
  'proposal-not-found': { status: 404, title: 'Proposal not found', description: 'No proposal with this id has been tabled.' },
  'event-not-found': { status: 404, title: 'Event not found', description: 'No event with this id is recorded (a correction must name a recorded event).' },
  'schema-not-found': {
    status: 404,
    title: 'Schema not found',
    description:
      'No event type of this name, or no schema version of it, is published (`eventType` and `version` say what was asked); `GET /v1/schemas` lists every type and version.',
  },
  'body-already-established': { status: 409, title: 'Body already established', description: 'A body with this id exists; ids are never reused.' },
  'meeting-already-convened': {
    status: 409,
    title: 'Meeting already convened',
    description: "A meeting with this id exists, in this body or another (`bodyId` names it): ids are unique across the ledger's bodies and never reused.",
  },
  'proposal-already-exists': {
    status: 409,
    title: 'Proposal already exists',
    description: "A proposal with this id exists, in this body or another (`bodyId` names it): ids are unique across the ledger's bodies and never reused.",
  },
  'idempotency-key-reused': {
    status: 409,
    title: 'Idempotency key reused',
    description:
      'The `Idempotency-Key` was already used for a different request (the detail names what that one recorded), or names a record entered by `concord import` without the digest of the request that made it, which no request can be the retry of; a retry must repeat the same request exactly.',
  },
  'concurrency-conflict': {
    status: 409,
    title: 'Too many concurrent writers',
    description: 'The stream kept changing while the command was being decided; nothing was recorded, retry it.',
  },
  'precondition-failed': {
    status: 412,
    title: 'Stale If-Match',
    description: 'The stream is no longer at the revision named by `If-Match`; read it again and decide again. Nothing was recorded.',
  },
  'payload-too-large': { status: 413, title: 'Request too large', description: 'The request body exceeds the size the API accepts.' },
  'request-too-complex': {
    status: 400,
    title: 'Request too complex',
    description:
      'The JSON body nests deeper, or holds longer lists, more fields, longer strings or more values than any request needs; `limit` names the limit and `max` its value. Checked before anything else reads the body.',
  },
  'not-ready': {
    status: 503,
    title: 'Not ready',
    description: 'The ledger is shutting down (`GET /health/ready`); send the request to another instance, or again after `Retry-After` seconds.',
  },
  'checkpoint-not-found': {
    status: 404,
    title: 'No checkpoint yet',
    description: 'No checkpoint has been signed yet: on the first start over an existing ledger the tree is computed from the log first. Ask again shortly.',
  },
  'tree-size-not-signed': {
    status: 404,
    title: 'Tree size not signed',
    description:
      'The tree size asked for is beyond the latest checkpoint; proofs are given up to signed sizes only. `latestCheckpointSize` says how far; `POST /v1/audit/checkpoints` signs the log as it is now.',
  },
  'position-beyond-tree': {
    status: 404,
    title: 'Position not in the tree',
    description: 'The position is beyond the tree size the proof was asked for (by default the latest checkpoint).',
  },
  'log-inconsistent': {
    status: 409,
    title: 'The log no longer extends its checkpoints',
    description:
      'The tree computed from the log does not extend the latest signed checkpoint: events were changed, removed or reordered after it was signed. No checkpoint is signed until an operator finds out why (`concord verify`). A proof asked of a position the signed tree holds but the log no longer does is answered so too.',
  },
  'signing-key-superseded': {
    status: 409,
    title: "This instance's signing key was closed",
    description:
      "Another instance sharing the database started with another signing key (or this key under another log name), which closed this key's published period: this instance signs no checkpoint, so that none is signed after its key's end. The latest checkpoint stays served. Give every instance the same `CONCORD_SIGNING_KEY_FILE` and `CONCORD_LOG_ORIGIN` and start it again.",
  },
  'key-not-found': { status: 404, title: 'Key not found', description: 'No key has this id; `GET /v1/keys` lists them.' },
  'key-name-taken': {
    status: 409,
    title: 'Key name in use',
    description:
      'A key not revoked already has this name. Names tell the holders of keys apart in every event they record, so each is used by one key at a time.',
  },
  'key-not-revocable': {
    status: 422,
    title: 'Key set by the environment',
    description:
      'The key comes from `CONCORD_API_KEYS` or the keys file generated into the data directory; the operator removes it there and restarts the ledger.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    description:
      'The client has spent an allowance: requests per key (`CONCORD_RATE_LIMIT_KEY_PER_MINUTE`), per address (`CONCORD_RATE_LIMIT_ADDRESS_PER_MINUTE`), or wrong keys per address (`CONCORD_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE`, which then refuses every keyed request from that address). `limit` names which, `perMinute` its size; send again after `Retry-After` seconds. Nothing was recorded. An event stream opened with a key that holds as many open on the instance as one key may (`CONCORD_SSE_STREAMS_PER_KEY`) is refused so too, with `limit` set to `streams` and `most`, until one of them ends.',
  },
  'cors-origin-refused': {
    status: 403,
    title: 'Origin not allowed',
    description: 'A browser asked whether a page of this origin may call the API (a CORS preflight), and the origin is not listed in `CONCORD_CORS_ORIGINS`.',
  },
  'request-timeout': {
    status: 408,
    title: 'Request Timeout',
    description:
      'The request, its headers and body, did not arrive in full within `CONCORD_REQUEST_TIMEOUT_S` of its first byte (its headers within 60 s of it, however long that setting is), or the connection sent nothing for that long after it opened; nothing was recorded and the connection is closed after the answer. A connection that still owes an earlier, pipelined request its answer is closed without one, since the 408 would be read as that answer. Send it again, whole.',
  },
  'headers-too-large': {
    status: 431,
    title: 'Request Header Fields Too Large',
    description: "The request's headers exceed 16 KB; the connection is closed after the answer.",
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported content type',
    description:
      'A request with a body must say `Content-Type: application/json`; no other type is accepted. The problem names the type that was sent (`contentType`, null when none was).',
  },
  'already-a-member': { status: 422, title: 'Already a member', description: 'The participant or observer is already admitted (and has not withdrawn).' },
  'not-a-member': { status: 422, title: 'Not a member', description: 'The id names no current participant or observer of the body.' },
  'not-a-participant': {
    status: 422,
    title: 'Not a participant',
    description: 'Only admitted participants may table, support, object, hold office or be suspended (rule 1).',
  },
  'not-a-proposer': {
    status: 422,
    title: 'Not a proposer',
    description:
      "A withdrawal's `withdrawnBy` names someone who did not table the proposal (its `proposedBy`), or no one; only proposers withdraw what they tabled. Leave `withdrawnBy` out when who withdrew it is not recorded.",
  },
  'observer-cannot-object': {
    status: 422,
    title: 'Observers cannot object',
    description: 'Observers may make statements but cannot block a decision; the objection is not recorded (rule 1).',
  },
  'participant-suspended': {
    status: 422,
    title: 'Participant suspended',
    description:
      'A suspended participant takes no part in decisions and cannot hold office (`suspendedSince`: the date of the suspension in force on the date judged); or it is already suspended.',
  },
  'participant-not-suspended': { status: 422, title: 'Participant not suspended', description: 'Only a suspended participant can be reinstated.' },
  'vice-chair-term-taken': { status: 422, title: 'Vice-Chair term taken', description: 'A Vice-Chair is already selected for this term (rule 5).' },
  'chair-term-taken': { status: 422, title: 'Chair term taken', description: 'A Chair is already assigned for this term (rule 5).' },
  'holds-other-office': {
    status: 422,
    title: 'Holds the other office',
    description:
      'One participant cannot be both Chair and Vice-Chair of a term: the participant already holds the other office for it, recorded first, whichever it is (`office` names it: `chair` or `vice-chair`). A correction that would give both offices of a term to one participant is refused so too (rule 5).',
  },
  'office-term-out-of-range': {
    status: 422,
    title: 'Term out of range for its date',
    description:
      "An office is given shortly before or during its term: its `term` must lie from the year of its `occurredAt` (UTC) to two years after it (a Vice-Chair selected at a plenary serves the next year and chairs the year after). An office dated after its term ended, or more than two years ahead, is a mistyped year; `earliestTerm` and `latestTerm` give the range. A correction that would move an office's date so is refused so too (rule 5).",
  },
  'succession-without-vice-chair': {
    status: 422,
    title: 'Not a succession',
    description: "Basis `succession` is only true of the previous term's Vice-Chair; record `election`, `postponement` or `custodial` instead (rule 5).",
  },
  'custodial-without-previous-chair': {
    status: 422,
    title: 'Not a custodial continuation',
    description: "Basis `custodial` means the previous term's Chair continues; the participant did not chair the previous term.",
  },
  'meeting-closed': { status: 422, title: 'Meeting closed', description: 'The meeting closed before the moment this record says it happened.' },
  'meeting-of-another-body': { status: 422, title: 'Meeting of another body', description: 'The meeting named belongs to a different body.' },
  'communique-already-recorded': {
    status: 422,
    title: 'Communiqué already recorded',
    description:
      "The meeting's communiqué was already recorded as adopted or not adopted. A correction fixes the text of one adopted, the reason none was, or the date; whether one was adopted cannot be corrected (the two are different events).",
  },
  'proposal-closed': {
    status: 422,
    title: 'Proposal closed',
    description: 'The proposal was adopted, not adopted or withdrawn and accepts no further support, objection or decision (rule 4).',
  },
  'proposal-of-another-body': { status: 422, title: 'Proposal of another body', description: 'The proposal named belongs to a different body.' },
  'revision-unchanged': {
    status: 422,
    title: 'Revision unchanged',
    description:
      'A revision must change the text of the proposal as it reads: white space at the end of a line or of the text, line breaks and Unicode forms of the same letters do not count.',
  },
  'support-already-expressed': {
    status: 422,
    title: 'Support already expressed',
    description: 'The participant already supports the current revision.',
  },
  'objection-already-standing': {
    status: 422,
    title: 'Objection already standing',
    description: 'The participant already has a standing objection on this proposal (rule 2); support needs it withdrawn first.',
  },
  'objection-not-standing': {
    status: 422,
    title: 'No standing objection',
    description: 'Only a standing objection can be withdrawn (rule 2).',
  },
  'objections-standing': {
    status: 422,
    title: 'Objections standing',
    description: 'Consensus cannot be declared while an eligible participant maintains an objection; `blockingParticipants` names them (rule 3).',
  },
  'stale-revision': {
    status: 422,
    title: 'Stale proposal revision',
    description:
      'The decision, support or objection names a revision of the proposal that is not the text in force (revised since, or not yet recorded); decisions are taken on the current text (rule 3), and support is support of one text (rule 2). Read the proposal again.',
  },
  'not-the-chair': {
    status: 422,
    title: 'Not the Chair',
    description: "Only the Chair of the term in which the decision is taken, or that term's Vice-Chair acting for it, can declare the outcome (rule 3).",
  },
  'occurred-in-future': {
    status: 422,
    title: 'Occurred in the future',
    description:
      "`occurredAt` lies after the ledger's clock; world time can be late but never ahead (rule 8). A date without a time is a day: refused only while that day has not begun anywhere (it begins first at UTC+14).",
  },
  'occurred-out-of-order': {
    status: 422,
    title: 'Occurred out of order',
    description:
      "The record is dated before something it depends on: its body's establishment, a member's admission, the tabling of its proposal, the convening of its meeting, the revision its support or objection is on, the objection it withdraws, the same participant's latest support, objection or withdrawal of it on the proposal, the deferral of the proposal before it, or (for a decision, a new revision or the proposal's withdrawal) the latest record on the proposal; a correction that would leave a proposal's record so, or date any record before the record that opened its stream (establishment, convening, tabling) or after the one that closed it (a meeting's closure, a proposal's decision or withdrawal), is refused with `dependentType`, `dependentOccurredAt` and `earliest` naming the record that would no longer fit, its date and the date it must follow. A meeting's closure cannot be dated before a statement or communiqué in the meeting's own stream (a proposal tabled or decided at it is recorded in the proposal's stream and not checked against a later-entered closure), a member's suspension or withdrawal cannot be dated before its own last admission, suspension or reinstatement nor before the latest office it was given (`dependentType`, `dependentOccurredAt` and `term` then name that office), and a corrected date of a member's record or office must leave the member's records and offices, in date order, a history that could have happened: `dependentType`, `dependentOccurredAt` and `reason` then name the record that would no longer fit and the rule it would break. An office itself, entered late, moved by a correction to a date its holder was not an active participant, or given by a correction to a member that was not one on its date, is refused as on that date (`participant-suspended`, `not-a-participant`), before what it would mean for the offices recorded after it.",
  },
  'correction-not-applicable': {
    status: 422,
    title: 'Correction not applicable',
    description: 'The event cannot be corrected, the field is not correctable, or the corrected value is not valid for it.',
  },
  'webhook-not-found': {
    status: 404,
    title: 'Webhook not found',
    description:
      "No webhook with this id is registered with the calling key; another key's webhooks are neither shown nor managed. On the admin's routes (`/v1/admin/webhooks`), none is registered by any key.",
  },
  'webhook-url-refused': {
    status: 422,
    title: 'Webhook URL refused',
    description:
      'The URL is not http(s), carries credentials, does not resolve, or resolves to a private, loopback, link-local or reserved address (allowed only with `CONCORD_WEBHOOK_ALLOW_PRIVATE=true`).',
  },
  'webhook-replay-ahead': {
    status: 422,
    title: 'Replay would skip events',
    description: 'A webhook replay goes back only: `from` is past `deliveredThrough + 1`, so events the receiver has not acknowledged would be skipped.',
  },
  'log-unreadable': {
    status: 500,
    title: 'An event in the log cannot be read',
    description:
      'The log holds an event this ledger cannot read: one it did not write (a row written into the store by hand) or one a newer version of it wrote. `position` names it and the detail says why. The read side, the event feed, the stream, webhooks and commands stop before it, and the transparency log neither hashes nor signs it or anything after it, rather than vouching for it. `concord verify` says whether it is an event the ledger wrote. Nothing already recorded is changed; an operator must deal with it.',
  },
  'internal-error': { status: 500, title: 'Internal error', description: 'An unexpected failure; nothing partial was recorded. The log has the details.' },
  'store-unavailable': {
    status: 503,
    title: 'Store unavailable',
    description:
      'The event store cannot be reached, did not answer in time (on PostgreSQL, within `CONCORD_PG_QUERY_TIMEOUT_S`), or refused the work (a SQLite file locked by another process past the busy timeout, or damaged); `GET /health` says so for a minute after. Retry with the same `Idempotency-Key` once it answers again: if the store recorded the command before it became unavailable, the retry answers with that record instead of recording it twice.',
  },
};

export function renderErrorCatalogue(): string {
  const rows = Object.entries(ERROR_CATALOGUE)
    .sort(([a, x], [b, y]) => x.status - y.status || a.localeCompare(b))
    .map(([code, entry]) => `| \`${code}\` | ${entry.status} | ${entry.title} | ${entry.description} |`);
  return [
    '# Error codes',
    '',
    'Every error is answered as RFC 9457 problem+json (`application/problem+json`) with a stable `code`:',
    '',
    '```json',
    '{ "type": "https://concord-ledger.dev/errors/objection-already-standing", "title": "Objection already standing",',
    '  "status": 422, "code": "objection-already-standing", "detail": "ru already has a standing objection on p-1",',
    '  "instance": "/v1/proposals/p-1/objections", "participantId": "ru" }',
    '```',
    '',
    'Clients branch on `code`, never on `title` or `detail`. Extra members carry the facts of the refusal.',
    'This file is generated from `libs/ledger/src/errors/error-catalogue.ts`; a test fails if they differ.',
    '',
    '| code | status | title | meaning |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
