import { LedgerHarness, TEST_KEYS, TestRole } from './support/ledger-harness';

jest.setTimeout(60_000); // a real ledger process, and every route asked by seven callers

type Caller = TestRole | 'no key' | 'a wrong key' | 'a revoked key';
type Who = 'anyone' | readonly TestRole[];

const READERS: readonly TestRole[] = ['secretariat', 'auditor', 'integrator', 'admin'];
const RECORDERS: readonly TestRole[] = ['secretariat'];
const INTEGRATORS: readonly TestRole[] = ['integrator'];
const ADMINS: readonly TestRole[] = ['admin'];
const CHECKPOINT_SIGNERS: readonly TestRole[] = ['auditor', 'secretariat', 'admin'];

/**
 * Who may use each route: the one table of the API's access rules. A route the OpenAPI document
 * lists that is missing here fails the first test, so a new route cannot ship without its row.
 */
const ROUTES: readonly (readonly [method: string, path: string, who: Who])[] = [
  ['GET', '/health', 'anyone'],
  ['GET', '/health/live', 'anyone'],
  ['GET', '/health/ready', 'anyone'],
  ['GET', '/metrics', 'anyone'],
  ['GET', '/v1/schemas', 'anyone'],
  ['GET', '/v1/schemas/CloudEvent', 'anyone'],
  ['GET', '/v1/schemas/{type}/{version}', 'anyone'],
  ['GET', '/asyncapi.json', 'anyone'],
  ['GET', '/v1/bodies', READERS],
  ['GET', '/v1/bodies/{bodyId}', READERS],
  ['GET', '/v1/bodies/{bodyId}/meetings', READERS],
  ['GET', '/v1/bodies/{bodyId}/statements', READERS],
  ['GET', '/v1/bodies/{bodyId}/proposals', READERS],
  ['GET', '/v1/bodies/{bodyId}/chairs', READERS],
  ['GET', '/v1/bodies/{bodyId}/definition', READERS],
  ['GET', '/v1/bodies/{bodyId}/history', READERS],
  ['GET', '/v1/meetings/{meetingId}', READERS],
  ['GET', '/v1/meetings/{meetingId}/statements', READERS],
  ['GET', '/v1/proposals/{proposalId}', READERS],
  ['GET', '/v1/proposals/{proposalId}/history', READERS],
  ['GET', '/v1/events', READERS],
  ['GET', '/v1/events/stream', READERS],
  ['POST', '/v1/bodies', RECORDERS],
  ['POST', '/v1/bodies/{bodyId}/participants', RECORDERS],
  ['POST', '/v1/bodies/{bodyId}/observers', RECORDERS],
  ['POST', '/v1/bodies/{bodyId}/participants/{participantId}/suspension', RECORDERS],
  ['POST', '/v1/bodies/{bodyId}/participants/{participantId}/reinstatement', RECORDERS],
  ['POST', '/v1/bodies/{bodyId}/members/{memberId}/withdrawal', RECORDERS],
  ['POST', '/v1/bodies/{bodyId}/vice-chair', RECORDERS],
  ['POST', '/v1/bodies/{bodyId}/chair', RECORDERS],
  ['POST', '/v1/bodies/{bodyId}/meetings', RECORDERS],
  ['POST', '/v1/bodies/{bodyId}/proposals', RECORDERS],
  ['POST', '/v1/meetings/{meetingId}/statements', RECORDERS],
  ['POST', '/v1/meetings/{meetingId}/communique', RECORDERS],
  ['POST', '/v1/meetings/{meetingId}/closure', RECORDERS],
  ['POST', '/v1/proposals/{proposalId}/revisions', RECORDERS],
  ['POST', '/v1/proposals/{proposalId}/support', RECORDERS],
  ['POST', '/v1/proposals/{proposalId}/objections', RECORDERS],
  ['POST', '/v1/proposals/{proposalId}/objections/{participantId}/withdrawal', RECORDERS],
  ['POST', '/v1/proposals/{proposalId}/decision', RECORDERS],
  ['POST', '/v1/proposals/{proposalId}/deferral', RECORDERS],
  ['POST', '/v1/proposals/{proposalId}/withdrawal', RECORDERS],
  ['POST', '/v1/corrections', RECORDERS],
  ['POST', '/v1/webhooks', INTEGRATORS],
  ['GET', '/v1/webhooks', INTEGRATORS],
  ['GET', '/v1/webhooks/{webhookId}', INTEGRATORS],
  ['PATCH', '/v1/webhooks/{webhookId}', INTEGRATORS],
  ['DELETE', '/v1/webhooks/{webhookId}', INTEGRATORS],
  ['POST', '/v1/webhooks/{webhookId}/rotate-secret', INTEGRATORS],
  ['POST', '/v1/webhooks/{webhookId}/replay', INTEGRATORS],
  ['POST', '/v1/webhooks/{webhookId}/pause', INTEGRATORS],
  ['POST', '/v1/webhooks/{webhookId}/resume', INTEGRATORS],
  ['GET', '/v1/webhooks/{webhookId}/attempts', INTEGRATORS],
  ['GET', '/v1/admin/webhooks', ADMINS],
  ['DELETE', '/v1/admin/webhooks/{webhookId}', ADMINS],
  ['POST', '/v1/webhooks/{webhookId}/ping', INTEGRATORS],
  ['GET', '/v1/audit/checkpoint', READERS],
  ['GET', '/v1/audit/checkpoints', READERS],
  ['POST', '/v1/audit/checkpoints', CHECKPOINT_SIGNERS],
  ['GET', '/v1/audit/keys', READERS],
  ['GET', '/v1/audit/proofs/inclusion', READERS],
  ['GET', '/v1/audit/proofs/consistency', READERS],
  ['POST', '/v1/keys', ADMINS],
  ['GET', '/v1/keys', ADMINS],
  ['GET', '/v1/me', READERS],
  ['DELETE', '/v1/keys/{keyId}', ADMINS],
];

/** Path parameters that name nothing: an allowed caller gets past the guard and is told so (400/404). */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  bodyId: 'no-such-body',
  participantId: 'no-such-participant',
  memberId: 'no-such-member',
  meetingId: 'no-such-meeting',
  proposalId: 'no-such-proposal',
  webhookId: '00000000-0000-4000-8000-000000000000',
  keyId: 'key-000000000000',
  type: 'BodyEstablished',
  version: '1',
};

const CALLERS: readonly Caller[] = ['secretariat', 'auditor', 'integrator', 'admin', 'no key', 'a wrong key', 'a revoked key'];

/** What the table says a caller gets: through the guard, or refused by it with this status. */
function expected(who: Who, caller: Caller): 'through' | 401 | 403 {
  if (who === 'anyone') return 'through';
  if (caller === 'no key' || caller === 'a wrong key' || caller === 'a revoked key') return 401;
  return who.includes(caller) ? 'through' : 403;
}

describe('The role matrix', () => {
  let ledger: LedgerHarness;
  let revokedKey: string;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    const issued = await ledger.post('/v1/keys', { name: 'Revoked Clerk', role: 'secretariat' }, { role: 'admin' });
    revokedKey = String(issued.body.key);
    expect((await ledger.request('DELETE', `/v1/keys/${String(issued.body.keyId)}`, undefined, { role: 'admin' })).status).toBe(200);
  });
  afterAll(() => ledger.stop());

  it('has a row for every operation the OpenAPI document lists, and no other', async () => {
    const document = (await ledger.get('/openapi.json', { role: null })).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(ROUTES.map(([method, path]) => `${method} ${path}`).sort()).toEqual(documented.sort());
  });

  it('answers every route to every role, to no key, a wrong key and a revoked key as the table says', async () => {
    const authorization = (caller: Caller): string | undefined => {
      if (caller === 'no key') return undefined;
      if (caller === 'a wrong key') return 'Bearer not-a-key-of-this-ledger-0000';
      if (caller === 'a revoked key') return `Bearer ${revokedKey}`;
      return `Bearer ${TEST_KEYS[caller]}`;
    };
    const mismatches: string[] = [];
    for (const [method, template, who] of ROUTES) {
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => PLACEHOLDERS[name] ?? name);
      for (const caller of CALLERS) {
        const status = await statusOf(ledger.baseUrl, method, path, authorization(caller));
        const want = expected(who, caller);
        const through = status !== 401 && status !== 403 && status < 500;
        if (want === 'through' ? !through : status !== want) mismatches.push(`${method} ${template} by ${caller}: ${status}, expected ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/** The status alone: the body of a stream that would never end is not read. */
async function statusOf(baseUrl: string, method: string, path: string, authorization: string | undefined): Promise<number> {
  const controller = new AbortController();
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  const body = method === 'POST' ? '{}' : undefined;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body, signal: controller.signal });
  controller.abort();
  return response.status;
}
