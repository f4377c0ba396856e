import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { ERROR_CATALOGUE } from '../libs/ledger/src/errors/error-catalogue';
import { conveneMeeting, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { headPosition } from './support/ledger-client';
import { LedgerHarness, TEST_KEYS } from './support/ledger-harness';

jest.setTimeout(300_000);

const REQUESTS = Number(process.env.HOSTILE_REQUESTS ?? 10_000);
const SEED = Number(process.env.HOSTILE_SEED ?? 20261130);
const IN_FLIGHT = 20;

/** Every route but the live stream, with its method; `{…}` is an id the generator fills. */
const ROUTES: readonly (readonly ['GET' | 'POST' | 'DELETE', string])[] = [
  ['POST', '/v1/bodies'],
  ['POST', '/v1/bodies/{body}/participants'],
  ['POST', '/v1/bodies/{body}/observers'],
  ['POST', '/v1/bodies/{body}/participants/{member}/suspension'],
  ['POST', '/v1/bodies/{body}/participants/{member}/reinstatement'],
  ['POST', '/v1/bodies/{body}/members/{member}/withdrawal'],
  ['POST', '/v1/bodies/{body}/vice-chair'],
  ['POST', '/v1/bodies/{body}/chair'],
  ['POST', '/v1/bodies/{body}/meetings'],
  ['POST', '/v1/bodies/{body}/proposals'],
  ['POST', '/v1/meetings/{meeting}/statements'],
  ['POST', '/v1/meetings/{meeting}/communique'],
  ['POST', '/v1/meetings/{meeting}/closure'],
  ['POST', '/v1/proposals/{proposal}/revisions'],
  ['POST', '/v1/proposals/{proposal}/support'],
  ['POST', '/v1/proposals/{proposal}/objections'],
  ['POST', '/v1/proposals/{proposal}/objections/{member}/withdrawal'],
  ['POST', '/v1/proposals/{proposal}/decision'],
  ['POST', '/v1/proposals/{proposal}/deferral'],
  ['POST', '/v1/proposals/{proposal}/withdrawal'],
  ['POST', '/v1/corrections'],
  ['POST', '/v1/webhooks'],
  ['POST', '/v1/webhooks/{webhook}/replay'],
  ['DELETE', '/v1/webhooks/{webhook}'],
  ['GET', '/v1/bodies/{body}'],
  ['GET', '/v1/bodies/{body}/chairs'],
  ['GET', '/v1/bodies/{body}/proposals'],
  ['GET', '/v1/bodies/{body}/definition'],
  ['GET', '/v1/bodies/{body}/history'],
  ['GET', '/v1/proposals/{proposal}'],
  ['GET', '/v1/proposals/{proposal}/history'],
  ['GET', '/v1/meetings/{meeting}'],
  ['GET', '/v1/events'],
  ['GET', '/v1/webhooks'],
  ['GET', '/v1/schemas/{type}/{version}'],
  ['GET', '/health'],
  ['GET', '/v1/audit/checkpoints'],
  ['POST', '/v1/audit/checkpoints'],
  ['GET', '/v1/audit/proofs/inclusion'],
  ['GET', '/v1/audit/proofs/consistency'],
];

const FIELDS = [
  'bodyId',
  'name',
  'definition',
  'occurredAt',
  'participantId',
  'kind',
  'observerId',
  'reason',
  'term',
  'meetingId',
  'location',
  'opensOn',
  'closesOn',
  'speakerId',
  'summary',
  'adopted',
  'text',
  'proposalId',
  'title',
  'proposedBy',
  'grounds',
  'revision',
  'outcome',
  'declaredBy',
  'toMeetingId',
  'withdrawnBy',
  'correctsEventId',
  'corrections',
  'url',
  'types',
  'after',
  'memberId',
  'toString',
  'constructor',
  '__proto__',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];

const HOSTILE_TEXT = [
  '\u001b[2J\u001b[31mX\u0007',
  '\u202Eevil',
  '\uD800',
  '\u0000',
  '%ZZ',
  '../../etc/passwd',
  'a'.repeat(300),
  '𝕏'.repeat(50),
  '',
  ' ',
  'null',
];

/** Every byte of the text's UTF-8 as %XX: a path segment whatever the text (a lone surrogate becomes U+FFFD). */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

interface HostileRequest {
  readonly method: string;
  readonly path: string;
  readonly contentType: string | null;
  readonly body: string | null;
  readonly headers: Record<string, string>;
}

function hostileRequests(ids: { body: string; meeting: string; proposal: string; member: string; eventId: string }): fc.Arbitrary<HostileRequest> {
  const text = fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }));
  const id = (real: string) =>
    fc.oneof(fc.constant(real), fc.constant(real), text.map(percentEncoded), fc.constantFrom('%ZZ', '%00', 'a'.repeat(1000), 'UPPER', '-'));
  const plausible = fc.oneof(
    fc.constantFrom(
      '2022-06-21',
      '2003-01-01T00:00:00Z',
      'kp-x',
      ids.member,
      ids.body,
      ids.meeting,
      ids.proposal,
      ids.eventId,
      'state',
      'consensus',
      'plenary',
      true,
      false,
      1,
      2022,
      -1,
      1e308,
    ),
    fc.constant(null),
    text,
  );
  const value = fc.oneof(
    { weight: 4, arbitrary: plausible },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.array(plausible, { maxLength: 5 }) },
  );
  const objectBody = fc
    .dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), value, { maxKeys: 12 })
    .map((fields) => JSON.stringify(fields));
  const deep = fc.tuple(fc.integer({ min: 2, max: 4000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
    const close = open === '[' ? ']' : '}';
    return `{"name":${open.repeat(depth)}${open === '[' ? '' : '1'}${close.repeat(depth)}}`;
  });
  const wide = fc.integer({ min: 200, max: 60_000 }).map((count) => JSON.stringify({ proposedBy: Array.from({ length: count }, (_, i) => `p${i}`) }));
  const manyKeys = fc
    .integer({ min: 50, max: 40_000 })
    .map((count) => JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]))));
  const raw = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('', '{', '[]', 'null', '"x"', '{"a":1,"a":2}', '{"__proto__":{"admin":true}}'));
  const templates = validBodies(ids);
  const mutated = fc
    .record({
      route: fc.constantFrom(...Object.keys(templates)),
      field: fc.constantFrom(...FIELDS),
      replacement: value,
      change: fc.constantFrom('none', 'replace', 'remove', 'add'),
    })
    .map(({ route, field, replacement, change }): [string, string] => {
      const template: Record<string, unknown> = { ...(templates[route] as Record<string, unknown>) };
      const names = Object.keys(template);
      const target = change === 'add' ? field : (names[field.length % Math.max(names.length, 1)] ?? field);
      if (change === 'replace' || change === 'add') template[target] = replacement;
      if (change === 'remove') delete template[target];
      return [route, JSON.stringify(template)];
    });
  const body = fc.oneof(
    { weight: 4, arbitrary: objectBody },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: wide },
    { weight: 1, arbitrary: manyKeys },
    { weight: 2, arbitrary: raw },
  );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        'APPLICATION/JSON',
      ),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  const query = fc.dictionary(
    fc.oneof(
      fc.constantFrom('asOf', 'effectiveAt', 'atPosition', 'status', 'limit', 'cursor', 'after', 'from', 'to', 'access_token'),
      fc.string({ maxLength: 8 }),
    ),
    text,
    { maxKeys: 3 },
  );
  const headers = fc.record(
    {
      'idempotency-key': fc.oneof(fc.string({ maxLength: 200 }), fc.constant('hostile-key-0001')),
      'if-match': fc.oneof(fc.constantFrom('"0"', '"-1"', '"99999999999999999999"', 'W/"1"'), fc.string({ maxLength: 20 })),
      'x-correlation-id': fc.string({ maxLength: 140 }),
    },
    { requiredKeys: [] },
  );
  const someHeaders = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: headers });
  // A route with a body of its own kind, one field changed (or none), or any route with any body.
  const routeAndBody = fc.oneof(
    { weight: 1, arbitrary: mutated.map(([template, payload]) => ({ route: ['POST', template] as const, body: payload })) },
    { weight: 1, arbitrary: fc.record({ route: fc.constantFrom(...ROUTES), body }) },
  );
  return fc
    .record({
      routeAndBody,
      ids: fc.record({
        body: id(ids.body),
        meeting: id(ids.meeting),
        proposal: id(ids.proposal),
        member: id(ids.member),
        webhook: id('wh-1'),
        type: id('BodyEstablished'),
        version: id('v1'),
      }),
      contentType,
      query,
      headers: someHeaders,
    })
    .map(
      ({
        routeAndBody: {
          route: [method, template],
          body: payload,
        },
        ids: chosen,
        contentType: type,
        query: parameters,
        headers: extra,
      }) => {
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => chosen[name as keyof typeof chosen]);
        const search = new URLSearchParams(parameters).toString();
        const sendsBody = method === 'POST';
        return {
          method,
          path: search ? `${path}?${search}` : path,
          contentType: sendsBody ? type : null,
          body: sendsBody ? payload : null,
          headers: Object.fromEntries(Object.entries(extra).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v))),
        };
      },
    );
}

/** A valid body for each command route (by its template), for generators that change one thing in it. */
function validBodies(ids: { body: string; meeting: string; proposal: string; member: string; eventId: string }): Record<string, unknown> {
  const on = '2022-06-21';
  return {
    '/v1/bodies': { bodyId: 'generated-body', name: 'Generated', definition: 'D.', occurredAt: '2003-01-01' },
    '/v1/bodies/{body}/participants': { participantId: 'generated', name: 'Generated', kind: 'state', occurredAt: '2003-01-01' },
    '/v1/bodies/{body}/observers': { observerId: 'generated-observer', name: 'Generated', occurredAt: '2003-01-01' },
    '/v1/bodies/{body}/participants/{member}/suspension': { reason: 'audit', occurredAt: on },
    '/v1/bodies/{body}/participants/{member}/reinstatement': { occurredAt: on },
    '/v1/bodies/{body}/members/{member}/withdrawal': { occurredAt: on },
    '/v1/bodies/{body}/vice-chair': { participantId: ids.member, term: 2023, occurredAt: on },
    '/v1/bodies/{body}/chair': { participantId: ids.member, term: 2024, basis: 'succession', occurredAt: on },
    '/v1/bodies/{body}/meetings': { meetingId: 'generated-meeting', kind: 'plenary', location: 'Gaborone', opensOn: on, closesOn: on, occurredAt: on },
    '/v1/bodies/{body}/proposals': { proposalId: 'generated-proposal', kind: 'other', title: 'T', text: 'X', proposedBy: [ids.member], occurredAt: on },
    '/v1/meetings/{meeting}/statements': { speakerId: ids.member, summary: 'S', occurredAt: '2022-06-20' },
    '/v1/meetings/{meeting}/communique': { adopted: true, text: 'C', occurredAt: '2022-06-20' },
    '/v1/meetings/{meeting}/closure': { occurredAt: '2022-06-20' },
    '/v1/proposals/{proposal}/revisions': { text: 'Revised', occurredAt: on },
    '/v1/proposals/{proposal}/support': { participantId: ids.member, occurredAt: on },
    '/v1/proposals/{proposal}/objections': { participantId: ids.member, grounds: 'G', occurredAt: on },
    '/v1/proposals/{proposal}/objections/{member}/withdrawal': { occurredAt: on },
    '/v1/proposals/{proposal}/decision': { outcome: 'no-consensus', declaredBy: 'bw', meetingId: ids.meeting, occurredAt: on },
    '/v1/proposals/{proposal}/deferral': { occurredAt: on },
    '/v1/proposals/{proposal}/withdrawal': { reason: 'R', occurredAt: on },
    '/v1/corrections': { correctsEventId: ids.eventId, reason: 'R', corrections: { title: 'Corrected' }, occurredAt: on },
  };
}

interface Outcome {
  readonly request: HostileRequest;
  readonly status: number;
  readonly contentType: string;
  readonly code: unknown;
  readonly ms: number;
  readonly recorded: number;
}

async function send(baseUrl: string, request: HostileRequest): Promise<Outcome> {
  const headers: Record<string, string> = { authorization: `Bearer ${TEST_KEYS.secretariat}`, ...request.headers };
  if (request.contentType !== null) headers['content-type'] = request.contentType;
  const started = performance.now();
  const body = request.body === null ? undefined : request.contentType === null ? new Blob([request.body]) : request.body;
  const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers, body });
  const text = await response.text();
  const ms = performance.now() - started;
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // judged below by its status and content type
  }
  const recorded =
    response.status === 201 && Array.isArray(parsed['eventIds']) && response.headers.get('idempotent-replayed') !== 'true'
      ? (parsed['eventIds'] as unknown[]).length
      : 0;
  return { request, status: response.status, contentType: response.headers.get('content-type') ?? '', code: parsed['code'], ms, recorded };
}

/**
 * Generated hostile requests across every route, through the built app: none answers 5xx, every
 * refusal is problem+json with a catalogued code, none takes a second, a well-formed client keeps
 * being answered meanwhile, and the log grows by exactly what the accepted requests recorded.
 */
describe(`${REQUESTS} generated hostile requests (seed ${SEED})`, () => {
  let ledger: LedgerHarness;
  let outcomes: Outcome[];
  /** Each request that took a second among the others, sent again alone (see below). */
  let retimed: Outcome[];
  let goodClientWorst: number;
  let headBefore: number;
  let headAfter: number;

  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    const kp = await recordKimberleyProcess(ledger);
    const meeting = await conveneMeeting(ledger, kp.bodyId);
    const { proposalId, created } = await tableProposal(ledger, kp.bodyId);
    const requests = fc.sample(hostileRequests({ body: kp.bodyId, meeting, proposal: proposalId, member: 'ua', eventId: created.eventIds[0] as string }), {
      numRuns: REQUESTS,
      seed: SEED,
    });
    headBefore = await headPosition(ledger);
    let sending = true;
    const goodClient = (async () => {
      let worst = 0;
      while (sending) {
        const started = performance.now();
        const answer = await ledger.get(`/v1/bodies/${kp.bodyId}`);
        if (answer.status !== 200) throw new Error(`the well-formed client got ${answer.status}`);
        worst = Math.max(worst, performance.now() - started);
      }
      return worst;
    })();
    outcomes = [];
    for (let start = 0; start < requests.length; start += IN_FLIGHT) {
      outcomes.push(...(await Promise.all(requests.slice(start, start + IN_FLIGHT).map((request) => send(ledger.baseUrl, request)))));
    }
    sending = false;
    goodClientWorst = await goodClient;
    // A request the ledger is slow to answer is slow again when sent alone; a moment when the
    // shared machine (the test process, the disk) stalls slows every request then in flight, and
    // only once. So what took a second is timed again before it counts as slow.
    retimed = [];
    for (const outcome of outcomes.filter(({ ms }) => ms >= 1000)) retimed.push(await send(ledger.baseUrl, outcome.request));
    if (retimed.length > 0) process.stderr.write(`${retimed.length} hostile requests took a second among the others; timed again alone\n`);
    headAfter = await headPosition(ledger);
  });
  afterAll(() => ledger.stop());

  const describeOutcome = ({ request, status, code, ms }: Outcome) => ({
    status,
    code,
    ms: Math.round(ms),
    method: request.method,
    path: request.path.slice(0, 200),
    contentType: request.contentType,
    body: request.body?.slice(0, 300),
  });

  it('sent them all, and some reached the rules behind validation', () => {
    expect(outcomes).toHaveLength(REQUESTS);
    const byStatus = new Map<number, number>();
    for (const { status } of outcomes) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    process.stderr.write(
      `hostile requests by status: ${[...byStatus]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}: ${count}`)
        .join(', ')}\n`,
    );
    expect(outcomes.filter((outcome) => outcome.status === 422 || outcome.status === 201 || outcome.status === 409).length).toBeGreaterThan(0);
  });

  it('answered none with 5xx', () => {
    expect(outcomes.filter((outcome) => outcome.status >= 500).map(describeOutcome)).toEqual([]);
  });

  it('answered every refusal as problem+json with a catalogued code and its status', () => {
    const wrong = outcomes.filter(
      (outcome) =>
        outcome.status >= 400 &&
        !(
          outcome.contentType.startsWith('application/problem+json') &&
          typeof outcome.code === 'string' &&
          ERROR_CATALOGUE[outcome.code as keyof typeof ERROR_CATALOGUE]?.status === outcome.status
        ),
    );
    expect(wrong.map(describeOutcome)).toEqual([]);
  });

  it('answered each within a second, and kept answering a well-formed client within a second', () => {
    expect(retimed.filter((outcome) => outcome.ms >= 1000).map(describeOutcome)).toEqual([]);
    // A stall of the machine that slowed hostile requests (each fast again alone) slows the
    // well-formed client too; bounded still, so that a ledger that stops answering fails here.
    expect(goodClientWorst).toBeLessThan(retimed.length > 0 ? 5000 : 1000);
  });

  it('recorded exactly what the accepted requests recorded, and nothing for the refused ones', () => {
    expect(headAfter - headBefore).toBe([...outcomes, ...retimed].reduce((sum, outcome) => sum + outcome.recorded, 0));
  });
});
