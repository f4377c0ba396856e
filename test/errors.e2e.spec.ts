import { request } from 'node:http';
import { ErrorCode } from '../libs/ledger/src/errors/error-catalogue';
import { holdWriteLock } from '../libs/event-store/src/sqlite/testing/hold-write-lock';
import {
  admitParticipant,
  conveneMeeting,
  decide,
  establishBody,
  KimberleyProcess,
  object,
  recordKimberleyProcess,
  support,
  tableProposal,
} from './support/kimberley-process';
import { expectCreated, headPosition, record, uniqueId } from './support/ledger-client';
import { LedgerHarness, TEST_KEYS } from './support/ledger-harness';
import { E2E_STORE } from './support/ledger-storage';
import { firstAnswer, sendInPieces } from './support/raw-http';
import { SseClient } from './support/sse-client';
import { CATALOGUED_CODES, expectInvalidField, expectProblem, observedCodes } from './support/problems';

/**
 * Every error code the API can answer, each provoked over HTTP and checked for its status, its
 * code and the problem+json shape. The last test checks that this file saw every catalogued code.
 */
describe('Every refusal is a catalogued problem+json', () => {
  let ledger: LedgerHarness;
  let kp: KimberleyProcess;
  let other: { bodyId: string; meetingId: string; proposalId: string };
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    kp = await recordKimberleyProcess(ledger);
    const bodyId = await establishBody(ledger);
    await admitParticipant(ledger, bodyId, 'ua');
    const meetingId = await conveneMeeting(ledger, bodyId);
    other = { bodyId, meetingId, proposalId: (await tableProposal(ledger, bodyId)).proposalId };
  });
  afterAll(() => ledger.stop());

  const post = (path: string, body: unknown): ReturnType<LedgerHarness['post']> => ledger.post(path, body);
  const table = async (): Promise<string> => (await tableProposal(ledger, kp.bodyId)).proposalId;
  const establish = { name: 'A body', definition: 'A definition.', occurredAt: '2020-01-01' };

  describe('400 validation-failed', () => {
    it.each<[string, string, unknown, string]>([
      ['an unknown field in the body', '/v1/bodies', { bodyId: 'colourful', ...establish, colour: 'blue' }, 'colour'],
      ['an id in the body that is not a slug', '/v1/bodies', { bodyId: 'Kimberley Process', ...establish }, 'bodyId'],
      ['a date that does not exist (30 February)', '/v1/bodies', { bodyId: 'leap', ...establish, occurredAt: '2022-02-30' }, 'occurredAt'],
      ['a date-time without a zone', '/v1/bodies', { bodyId: 'zoneless', ...establish, occurredAt: '2022-06-21T10:00:00' }, 'occurredAt'],
      [
        'a date-time its offset moves before the year 0000',
        '/v1/bodies',
        { bodyId: 'year-zero', ...establish, occurredAt: '0000-01-01T00:30+01:00' },
        'occurredAt',
      ],
      [
        'a value outside its enumeration',
        '/v1/bodies/any-body/participants',
        { participantId: 'de-beers', name: 'De Beers', kind: 'company', occurredAt: '2020-01-01' },
        'kind',
      ],
      ['a missing required field', '/v1/bodies', { bodyId: 'nameless', definition: 'D.', occurredAt: '2020-01-01' }, 'name'],
      ['a term outside the calendar range', '/v1/bodies/any-body/vice-chair', { participantId: 'bw', term: 20222, occurredAt: '2020-01-01' }, 'term'],
    ])('refuses %s, naming the field', async (_case, path, body, field) => {
      expectInvalidField(await post(path, body), field);
    });

    it('says a missing field is required, and keeps the rules of a field sent with the wrong value', async () => {
      const missing = await post('/v1/bodies', { bodyId: 'nameless', definition: 'D.', occurredAt: '2020-01-01' });
      expectInvalidField(missing, 'name');
      expect(missing.body.errors).toEqual([{ field: 'name', messages: ['is required'] }]);
      expect(missing.body.detail).toBe('name: is required');
      const wrong = await post('/v1/bodies', { bodyId: 'numbered', name: 42, definition: 'D.', occurredAt: '2020-01-01' });
      expectInvalidField(wrong, 'name');
      expect((wrong.body.errors as { field: string; messages: string[] }[])[0]?.messages).not.toContain('is required');
      const nulled = await post('/v1/bodies', { bodyId: 'nulled', name: null, definition: 'D.', occurredAt: '2020-01-01' });
      expect((nulled.body.errors as { field: string; messages: string[] }[])[0]?.messages).not.toContain('is required');
    });

    it.each<[string, unknown, string]>([
      ['an array', [], 'an array'],
      ['null', null, 'null'],
      ['a string', 'x', 'a string'],
      ['a number', 42, 'a number'],
    ])('refuses a body that is %s as no object, not as every field missing', async (_case, body, sent) => {
      for (const [path, role] of [
        ['/v1/bodies', 'secretariat'],
        ['/v1/webhooks', 'integrator'],
      ] as const) {
        const answer = await ledger.post(path, body, { role });
        expectInvalidField(answer, 'body');
        expect(answer.body.errors).toEqual([{ field: 'body', messages: [`must be a JSON object of named fields, not ${sent}`] }]);
      }
    });

    it('refuses an id in the path that is not a slug', async () => {
      expectInvalidField(await ledger.get('/v1/bodies/Kimberley_Process'), 'bodyId');
      expectInvalidField(await post('/v1/proposals/P%201/support', { participantId: 'ua', occurredAt: '2022-01-01' }), 'proposalId');
    });

    it('refuses a malformed JSON body', async () => {
      expectProblem(await ledger.post('/v1/bodies', undefined, { rawBody: '{"bodyId": "kp",' }), 400, 'validation-failed');
    });
  });

  describe('401, 403 and 404 at the edge', () => {
    it('refuses a request without Authorization with 401 unauthorized and a WWW-Authenticate challenge', async () => {
      const answer = await ledger.get(`/v1/bodies/${kp.bodyId}`, { role: null });
      expectProblem(answer, 401, 'unauthorized');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    });

    it('refuses an unknown key with 401 unauthorized and a WWW-Authenticate challenge', async () => {
      const answer = await ledger.get(`/v1/bodies/${kp.bodyId}`, { role: null, headers: { authorization: 'Bearer not-a-key-of-this-ledger' } });
      expectProblem(answer, 401, 'unauthorized');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    });

    it('refuses a command from an auditor with 403 forbidden', async () => {
      expectProblem(await ledger.post('/v1/bodies', { bodyId: 'audited', ...establish }, { role: 'auditor' }), 403, 'forbidden');
    });

    it('answers an unknown route with 404 route-not-found', async () => {
      expectProblem(await ledger.get('/v1/treaties'), 404, 'route-not-found');
      expectProblem(await ledger.request('DELETE', `/v1/treaties/${kp.bodyId}`, undefined), 404, 'route-not-found');
      expectProblem(await ledger.get(`/v1/bodies/${kp.bodyId}/participants/ua/extra`), 404, 'route-not-found');
      // A route that answers GET there and found nothing: not a 405 naming GET.
      expectProblem(await ledger.get('/docs/no-such-file.js', { role: null }), 404, 'route-not-found');
    });

    it.each(['/docs/.', '/docs/x/..', '/docs/%2e', '/docs/./index.html'])('answers %s, dot segments sent as they are, with 404, not 500', async (path) => {
      // Sent raw: a URL parser would remove the dot segments before they reach the ledger.
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const target = new URL(ledger.baseUrl);
        const asked = request({ host: target.hostname, port: target.port, path }, (answer) => {
          let text = '';
          answer.on('data', (chunk: Buffer) => (text += chunk.toString()));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body: text }));
        });
        asked.on('error', reject);
        asked.end();
      });
      expect(status).toBe(404);
      expect(JSON.parse(body)).toMatchObject({ code: 'route-not-found' });
    });

    it('answers a path the API has, asked with a method it does not answer there, with 405 and Allow', async () => {
      const deleted = await ledger.request('DELETE', `/v1/bodies/${kp.bodyId}`, undefined);
      expect(expectProblem(deleted, 405, 'method-not-allowed')).toMatchObject({
        allowed: ['GET', 'HEAD'],
        detail: `/v1/bodies/${kp.bodyId} does not answer DELETE; it answers GET, HEAD`,
      });
      expect(deleted.headers.get('allow')).toBe('GET, HEAD');
      const put = await ledger.request('PUT', '/v1/bodies?limit=5', { bodyId: 'x' });
      expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
      expectProblem(put, 405, 'method-not-allowed');
      expect((await ledger.request('DELETE', '/v1/%62odies', undefined)).headers.get('allow')).toBe('GET, HEAD, POST');
      const read = await ledger.get(`/v1/proposals/any-proposal/support`);
      expect(expectProblem(read, 405, 'method-not-allowed')).toMatchObject({ allowed: ['POST'] });
    });

    it('answers an unknown body, meeting, proposal or corrected event with its own 404', async () => {
      expectProblem(await ledger.get('/v1/bodies/atlantis'), 404, 'body-not-found');
      // A command names the body it was sent to, as a read of it does.
      const commands: [string, unknown][] = [
        ['/v1/bodies/atlantis/participants', { participantId: 'ua', name: 'U', kind: 'state', occurredAt: '2020-01-01' }],
        ['/v1/bodies/atlantis/proposals', { proposalId: 'p-atlantis', kind: 'other', title: 'T', text: 'X', proposedBy: ['ua'], occurredAt: '2020-01-01' }],
        [
          '/v1/bodies/atlantis/meetings',
          { meetingId: 'm-atlantis', kind: 'plenary', location: 'L', opensOn: '2020-01-01', closesOn: '2020-01-02', occurredAt: '2020-01-01' },
        ],
      ];
      for (const [path, command] of commands) {
        const refused = expectProblem(await post(path, command), 404, 'body-not-found');
        expect({ path, bodyId: refused.bodyId, detail: refused.detail }).toEqual({
          path,
          bodyId: 'atlantis',
          detail: 'body atlantis has not been established',
        });
      }
      expectProblem(await ledger.get('/v1/meetings/never-held'), 404, 'meeting-not-found');
      expectProblem(await post('/v1/meetings/never-held/closure', { occurredAt: '2022-01-01' }), 404, 'meeting-not-found');
      expectProblem(await ledger.get('/v1/proposals/never-tabled'), 404, 'proposal-not-found');
      expectProblem(await ledger.get(`/v1/bodies/${kp.bodyId}?atPosition=9007199254740991`), 404, 'position-not-found');
      expectProblem(await support(ledger, 'never-tabled', 'ua'), 404, 'proposal-not-found');
      const correction = { correctsEventId: '01890a5d-ac96-774b-bcce-b302099a8057', reason: 'r', corrections: { grounds: 'g' }, occurredAt: '2022-07-01' };
      expectProblem(await post('/v1/corrections', correction), 404, 'event-not-found');
    });

    it('answers an integrator asking for a webhook it does not own, or one that never was, with 404 webhook-not-found', async () => {
      expectProblem(await ledger.get('/v1/webhooks/7f1c2a9e-1d4b-4c8e-9a0f-3b2d1c0e9f8a', { role: 'integrator' }), 404, 'webhook-not-found');
    });

    it('refuses a webhook replay that would skip unacknowledged events with 422 webhook-replay-ahead', async () => {
      // A public address literal (no DNS here) and a body that never exists: nothing is ever sent to it.
      const registered = await ledger.post('/v1/webhooks', { url: 'http://192.0.43.10/hook', bodyId: 'a-body-never-established' }, { role: 'integrator' });
      expect(registered.status).toBe(201);
      const webhookId = registered.body.webhookId as string;
      const deliveredThrough = registered.body.deliveredThrough as number;
      const refused = expectProblem(
        await ledger.post(`/v1/webhooks/${webhookId}/replay`, { from: deliveredThrough + 2 }, { role: 'integrator' }),
        422,
        'webhook-replay-ahead',
      );
      expect(refused).toMatchObject({ from: deliveredThrough + 2, deliveredThrough });
      expect((await ledger.request('DELETE', `/v1/webhooks/${webhookId}`, undefined, { role: 'integrator' })).status).toBe(204);
    });

    it('refuses a webhook to a loopback address with 422 webhook-url-refused', async () => {
      expectProblem(await ledger.post('/v1/webhooks', { url: 'http://127.0.0.1:8080/hook' }, { role: 'integrator' }), 422, 'webhook-url-refused');
    });

    it('answers an unknown event type or schema version with 404 schema-not-found', async () => {
      expectProblem(await ledger.get('/v1/schemas/TreatySigned/v1', { role: null }), 404, 'schema-not-found');
      expectProblem(await ledger.get('/v1/schemas/BodyEstablished/v999', { role: null }), 404, 'schema-not-found');
    });

    it('refuses a body over 1 MiB with 413 payload-too-large', async () => {
      const rawBody = JSON.stringify({ bodyId: 'huge', ...establish, definition: 'x'.repeat(1024 * 1024 + 1) });
      expectProblem(await ledger.postAnsweredEarly('/v1/bodies', rawBody), 413, 'payload-too-large');
    });
  });

  describe('400, 415 and 431: what no request may send', () => {
    it('refuses a body nested deeper than any request needs with 400 request-too-complex, naming the limit', async () => {
      const rawBody = `{"bodyId":"deep","name":${'['.repeat(2000)}${']'.repeat(2000)},"definition":"D.","occurredAt":"2020-01-01"}`;
      const problem = expectProblem(await ledger.post('/v1/bodies', undefined, { rawBody }), 400, 'request-too-complex');
      expect(problem).toMatchObject({ limit: 'depth', max: 8 });
    });

    it('refuses a body that is not JSON with 415 unsupported-media-type, naming the type sent and the one to send', async () => {
      const plain = expectProblem(
        await ledger.post('/v1/bodies', undefined, { rawBody: 'bodyId=plain', headers: { 'content-type': 'text/plain' } }),
        415,
        'unsupported-media-type',
      );
      expect(plain).toMatchObject({ contentType: 'text/plain', detail: 'the body was sent as text/plain; send it as Content-Type: application/json' });
      const form = expectProblem(
        await ledger.post('/v1/bodies', undefined, { rawBody: 'bodyId=form', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        415,
        'unsupported-media-type',
      );
      expect(form.detail).toContain('application/x-www-form-urlencoded');
    });

    it('refuses a JSON body declared in a charset other than UTF-8 with 415, and bytes that are not UTF-8 with 400, recording nothing', async () => {
      const head = await headPosition(ledger);
      const latin1 = Buffer.from(`{"bodyId":"latin","name":"Caf\u00e9","definition":"D.","occurredAt":"2020-01-01"}`, 'latin1');
      const declared = expectProblem(
        await ledger.post('/v1/bodies', undefined, { rawBody: latin1, headers: { 'content-type': 'application/json; charset=iso-8859-1' } }),
        415,
        'unsupported-media-type',
      );
      expect(declared.detail).toBe('the body was sent as application/json; charset=iso-8859-1; send it in UTF-8, as Content-Type: application/json');
      const undeclared = expectProblem(await ledger.post('/v1/bodies', undefined, { rawBody: latin1 }), 400, 'validation-failed');
      expect(undeclared).toMatchObject({ errors: [{ field: 'body', messages: ['is not UTF-8 text; send JSON encoded in UTF-8'] }] });
      expect(await headPosition(ledger)).toBe(head);
      expectProblem(await ledger.get('/v1/bodies/latin'), 404, 'body-not-found');
    });

    it('refuses a field given twice with 400 naming it, instead of keeping one of the two', async () => {
      const rawBody = `{"participantId":"ua","grounds":"first","participantId":"ru","occurredAt":"2020-01-01"}`;
      const problem = expectProblem(await ledger.post('/v1/proposals/any-proposal/objections', undefined, { rawBody }), 400, 'validation-failed');
      expect(problem).toMatchObject({ errors: [{ field: 'participantId', messages: ['is given more than once; send each field once'] }] });
    });

    it('refuses a body sent without a Content-Type with 415, saying so', async () => {
      const problem = expectProblem(
        await ledger.post('/v1/bodies', undefined, { rawBody: '{"bodyId":"kp"}', headers: { 'content-type': '' } }),
        415,
        'unsupported-media-type',
      );
      expect(problem).toMatchObject({ contentType: null, detail: 'the body was sent without a Content-Type; send it as Content-Type: application/json' });
    });

    it('refuses key management that breaks its rules: 404 key-not-found, 409 key-name-taken, 422 key-not-revocable', async () => {
      const admin = { role: 'admin' } as const;
      expectProblem(await ledger.request('DELETE', '/v1/keys/key-000000000000', undefined, admin), 404, 'key-not-found');
      expect((await ledger.post('/v1/keys', { name: 'Errors Clerk', role: 'auditor' }, admin)).status).toBe(201);
      expectProblem(await ledger.post('/v1/keys', { name: 'Errors Clerk', role: 'auditor' }, admin), 409, 'key-name-taken');
      const listed = (await ledger.get('/v1/keys', admin)).body as { keys: { keyId: string; source: string }[] };
      const environmentKey = listed.keys.find((key) => key.source === 'environment')?.keyId ?? '';
      expectProblem(await ledger.request('DELETE', `/v1/keys/${environmentKey}`, undefined, admin), 422, 'key-not-revocable');
    });

    it("refuses a browser's preflight with 403 cors-origin-refused while no origin is listed", async () => {
      const preflight = await ledger.request('OPTIONS', '/v1/bodies', undefined, {
        role: null,
        headers: { origin: 'https://desk.example.org', 'access-control-request-method': 'POST' },
      });
      expectProblem(preflight, 403, 'cors-origin-refused');
    });

    it('refuses headers over 16 KB with 431 headers-too-large', async () => {
      expectProblem(await ledger.get(`/v1/bodies/${kp.bodyId}`, { headers: { 'x-padding': 'a'.repeat(20_000) } }), 431, 'headers-too-large');
    });
  });

  describe('408: a request that does not arrive in full in time', () => {
    let slow: LedgerHarness;
    beforeAll(async () => {
      slow = await LedgerHarness.start({ CONCORD_REQUEST_TIMEOUT_S: '1' });
    });
    afterAll(() => slow.stop());

    const establishing = (bodyId: string): { head: string; body: string } => {
      const body = JSON.stringify({ bodyId, name: 'Slow', definition: 'D.', occurredAt: '2020-01-01' });
      const head = `POST /v1/bodies HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TEST_KEYS.secretariat}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
      return { head, body };
    };

    it('answers a body trickled past the limit 408 request-timeout, closes the connection and records nothing', async () => {
      const bodyId = uniqueId('trickled');
      const { head, body } = establishing(bodyId);
      // A piece every half second: each keeps the connection busy, none completes the request in time.
      const pieces = [head, ...body.slice(0, 10).split('')];
      const exchange = await sendInPieces(slow.baseUrl, pieces, 500, 15_000);
      expectProblem(firstAnswer(exchange.received), 408, 'request-timeout');
      expect(exchange.received).toMatch(/\r\nconnection: close\r\n/i);
      // One second of limit, checked every second.
      expect(exchange.closedAfterMs).toBeGreaterThanOrEqual(900);
      expect(exchange.closedAfterMs).toBeLessThan(4000);
      expectProblem(await slow.get(`/v1/bodies/${bodyId}`), 404, 'body-not-found');
    });

    it('answers headers that never end 408 too', async () => {
      const exchange = await sendInPieces(
        slow.baseUrl,
        ['GET /health HTTP/1.1\r\n', 'Host: 127.0.0.1\r\n', 'X-Slow: 1\r\n', 'X-Slow: 2\r\n', 'X-Slow: 3\r\n', 'X-Slow: 4\r\n'],
        500,
        15_000,
      );
      expectProblem(firstAnswer(exchange.received), 408, 'request-timeout');
    });

    it('answers a connection that sends nothing 408 too, once the limit has passed since it opened', async () => {
      const exchange = await sendInPieces(slow.baseUrl, [], 0, 15_000);
      expect(expectProblem(firstAnswer(exchange.received), 408, 'request-timeout')).toMatchObject({ instance: '/' });
    });

    it('counts each request on a kept-alive connection from its own first byte: the idle time between requests does not count', async () => {
      const live = (connection: string): string => `GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: ${connection}\r\n\r\n`;
      // The second request comes longer than the limit after the connection opened and the first was answered.
      const exchange = await sendInPieces(slow.baseUrl, [live('keep-alive'), live('close')], 1500, 15_000);
      // The second answer follows the first's body on the same line.
      expect(exchange.received.match(/HTTP\/1\.1 \d{3} /g)).toEqual(['HTTP/1.1 200 ', 'HTTP/1.1 200 ']);
    });

    // The command is held back by another connection's write lock on the SQLite file; PostgreSQL has no such lock to hold.
    const itOnSqlite = E2E_STORE === 'sqlite' ? it : it.skip;
    itOnSqlite('closes without a 408 a connection whose late request follows one still being answered, which would read the 408 as its answer', async () => {
      const lock = await holdWriteLock((slow.storage.selection as { file: string }).file, 4000);
      lock.holdFromNow();
      const bodyId = uniqueId('pipelined');
      const { head, body } = establishing(bodyId);
      // Pipelined behind the command, whose answer waits for the lock: headers that never end.
      const late = 'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n';
      const exchange = await sendInPieces(slow.baseUrl, [`${head}${body}${late}`], 0, 15_000);
      expect(exchange.received).toBe('');
      await lock.released;
      // Recorded once the lock was let go: a 408 read as the command's answer would have said it was not.
      const deadline = Date.now() + 5000;
      while ((await slow.get(`/v1/bodies/${bodyId}`)).status !== 200 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
      expect((await slow.get(`/v1/bodies/${bodyId}`)).status).toBe(200);
    });

    it('records a body sent in pieces that arrives whole within the limit', async () => {
      const bodyId = uniqueId('pieces');
      const { head, body } = establishing(bodyId);
      const exchange = await sendInPieces(slow.baseUrl, [head, body.slice(0, 20), body.slice(20)], 200, 3000);
      expect(firstAnswer(exchange.received).status).toBe(201);
      expect((await slow.get(`/v1/bodies/${bodyId}`)).status).toBe(200);
    });

    it('does not cut an answer that lasts longer: an event stream stays open past the limit', async () => {
      const stream = await SseClient.open(`${slow.baseUrl}/v1/events/stream`, { authorization: `Bearer ${TEST_KEYS.integrator}` });
      await new Promise((done) => setTimeout(done, 2500));
      const bodyId = uniqueId('streamed');
      expectCreated(await slow.post('/v1/bodies', { bodyId, name: 'Streamed', definition: 'D.', occurredAt: '2020-01-01' }));
      const deadline = Date.now() + 5000;
      while (!stream.messages.some((message) => message.data.includes(bodyId)) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
      expect({ ended: stream.ended, arrived: stream.messages.some((message) => message.data.includes(bodyId)) }).toEqual({ ended: false, arrived: true });
      stream.close();
    });
  });

  describe('409 and 412: ids, keys and revisions', () => {
    it('refuses an id that is already taken', async () => {
      expectProblem(await post('/v1/bodies', { bodyId: kp.bodyId, ...establish }), 409, 'body-already-established');
      const meeting = { meetingId: kp.plenary, kind: 'plenary', location: 'Gaborone', opensOn: '2022-11-07', closesOn: '2022-11-11', occurredAt: '2022-11-07' };
      expectProblem(await post(`/v1/bodies/${kp.bodyId}/meetings`, meeting), 409, 'meeting-already-convened');
      const proposal = { proposalId: other.proposalId, kind: 'other', title: 'T', text: 'X', proposedBy: ['ua'], occurredAt: '2022-06-21' };
      expectProblem(await post(`/v1/bodies/${kp.bodyId}/proposals`, proposal), 409, 'proposal-already-exists');
    });

    it('refuses an Idempotency-Key reused for another request with 409', async () => {
      const headers = { 'Idempotency-Key': 'errors-spec-key-0001' };
      expectCreated(
        await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, { participantId: 'in', name: 'India', kind: 'state', occurredAt: '2003-01-01' }, { headers }),
      );
      const reused = await ledger.post(
        `/v1/bodies/${kp.bodyId}/participants`,
        { participantId: 'il', name: 'Israel', kind: 'state', occurredAt: '2003-01-01' },
        { headers },
      );
      expectProblem(reused, 409, 'idempotency-key-reused');
    });

    it('refuses a stale If-Match with 412', async () => {
      const answer = await ledger.post(
        `/v1/bodies/${kp.bodyId}/observers`,
        { observerId: 'adpa', name: 'ADPA', occurredAt: '2007-01-01' },
        { headers: { 'If-Match': '"1"' } },
      );
      expectProblem(answer, 412, 'precondition-failed');
    });
  });

  describe('422: membership and offices (rules 1 and 5)', () => {
    it('refuses membership changes that do not fit the member', async () => {
      const bodyId = await establishBody(ledger);
      await admitParticipant(ledger, bodyId, 'cf');
      await record(ledger, `/v1/bodies/${bodyId}/observers`, { observerId: 'csc', name: 'CSC', occurredAt: '2003-01-01' });
      const path = (tail: string): string => `/v1/bodies/${bodyId}/${tail}`;

      expectProblem(await post(path('participants'), { participantId: 'cf', name: 'CAR', kind: 'state', occurredAt: '2003-01-01' }), 422, 'already-a-member');
      expectProblem(await post(path('members/ve/withdrawal'), { occurredAt: '2008-01-01' }), 422, 'not-a-member');
      expectProblem(await post(path('participants/csc/suspension'), { reason: 'r', occurredAt: '2013-01-01' }), 422, 'not-a-participant');
      expectProblem(await post(path('participants/cf/reinstatement'), { occurredAt: '2013-01-01' }), 422, 'participant-not-suspended');
      await record(ledger, path('participants/cf/suspension'), { reason: 'Séléka coup', occurredAt: '2013-05-23' });
      expectProblem(await post(path('participants/cf/suspension'), { reason: 'again', occurredAt: '2013-06-01' }), 422, 'participant-suspended');
    });

    it('refuses offices that are taken or have no basis', async () => {
      const path = `/v1/bodies/${kp.bodyId}`;
      expectProblem(await post(`${path}/vice-chair`, { participantId: 'zw', term: 2021, occurredAt: '2021-01-01' }), 422, 'vice-chair-term-taken');
      expectProblem(await post(`${path}/chair`, { participantId: 'ae', term: 2022, basis: 'election', occurredAt: '2022-01-01' }), 422, 'chair-term-taken');
      expectProblem(
        await post(`${path}/chair`, { participantId: 'zw', term: 2023, basis: 'succession', occurredAt: '2023-01-01' }),
        422,
        'succession-without-vice-chair',
      );
      expectProblem(
        await post(`${path}/chair`, { participantId: 'ae', term: 2023, basis: 'custodial', occurredAt: '2023-01-01' }),
        422,
        'custodial-without-previous-chair',
      );
      // Botswana chairs 2022: it cannot also be its Vice-Chair (rule 5).
      expectProblem(await post(`${path}/vice-chair`, { participantId: 'bw', term: 2022, occurredAt: '2021-11-12' }), 422, 'holds-other-office');
      // Given in 2022, an office is for a term from 2022 to 2024.
      expectProblem(
        await post(`${path}/chair`, { participantId: 'ae', term: 2200, basis: 'election', occurredAt: '2022-11-12' }),
        422,
        'office-term-out-of-range',
      );
    });
  });

  describe('422: meetings', () => {
    it('refuses records after the closure, a second communiqué and references to another body', async () => {
      const meetingId = await conveneMeeting(ledger, kp.bodyId);
      await record(ledger, `/v1/meetings/${meetingId}/communique`, { adopted: true, text: 'Adopted.', occurredAt: '2022-06-20T12:00:00Z' });
      const second = expectProblem(
        await post(`/v1/meetings/${meetingId}/communique`, { adopted: false, reason: 'No.', occurredAt: '2022-06-20T13:00:00Z' }),
        422,
        'communique-already-recorded',
      );
      expect(second.detail).toMatch(/was already recorded as adopted: a correction of that record fixes its text or date, but not whether one was adopted$/);
      // A statement about a proposal dated before it was tabled (21 June 2022 by default).
      const { proposalId: later } = await tableProposal(ledger, kp.bodyId, { occurredAt: '2022-06-21' });
      const early = { speakerId: 'ua', proposalId: later, summary: 'S.', occurredAt: '2022-06-20T12:00:00Z' };
      expect(expectProblem(await post(`/v1/meetings/${meetingId}/statements`, early), 422, 'occurred-out-of-order').detail).toContain(
        `proposal ${later} was tabled`,
      );
      const aboutOther = { speakerId: 'ua', proposalId: other.proposalId, summary: 'S.', occurredAt: '2022-06-20T12:00:00Z' };
      expectProblem(await post(`/v1/meetings/${meetingId}/statements`, aboutOther), 422, 'proposal-of-another-body');
      await record(ledger, `/v1/meetings/${meetingId}/closure`, { occurredAt: '2022-06-20T17:00:00Z' });
      expectProblem(
        await post(`/v1/meetings/${meetingId}/statements`, { speakerId: 'ua', summary: 'S.', occurredAt: '2022-06-20T18:00:00Z' }),
        422,
        'meeting-closed',
      );
      expectProblem(
        await post(`/v1/meetings/${meetingId}/statements`, { speakerId: 'xx', summary: 'S.', occurredAt: '2022-06-20T12:00:00Z' }),
        422,
        'not-a-member',
      );
      const tabledAtOther = {
        proposalId: uniqueId('p'),
        kind: 'other',
        title: 'T',
        text: 'X',
        proposedBy: ['ua'],
        meetingId: other.meetingId,
        occurredAt: '2022-06-20',
      };
      expectProblem(await post(`/v1/bodies/${kp.bodyId}/proposals`, tabledAtOther), 422, 'meeting-of-another-body');
    });
  });

  describe('422: proposals (rules 1 to 4)', () => {
    it('refuses an observer’s objection and keeps no trace of it', async () => {
      const proposalId = await table();
      const head = await headPosition(ledger);
      expectProblem(await object(ledger, proposalId, 'wdc'), 422, 'observer-cannot-object');
      expect(await headPosition(ledger)).toBe(head);
    });

    it('refuses support and objections that repeat what stands', async () => {
      const proposalId = await table();
      expectCreated(await support(ledger, proposalId, 'eu'));
      expectProblem(await support(ledger, proposalId, 'eu'), 422, 'support-already-expressed');
      expectCreated(await object(ledger, proposalId, 'ru'));
      expectProblem(await object(ledger, proposalId, 'ru'), 422, 'objection-already-standing');
      expectProblem(await post(`/v1/proposals/${proposalId}/objections/by/withdrawal`, { occurredAt: '2022-06-23' }), 422, 'objection-not-standing');
      expectProblem(
        await post(`/v1/proposals/${proposalId}/revisions`, {
          text: 'The KP discusses whether diamonds finance the war in Ukraine.',
          occurredAt: '2022-06-23',
        }),
        422,
        'revision-unchanged',
      );
    });

    it('refuses decisions that rule 3 does not allow', async () => {
      const proposalId = await table();
      expectProblem(await decide(ledger, proposalId, { outcome: 'consensus', meetingId: kp.plenary, revision: 2 }), 422, 'stale-revision');
      expectProblem(await decide(ledger, proposalId, { outcome: 'consensus', declaredBy: 'ru', meetingId: kp.plenary }), 422, 'not-the-chair');
      expectCreated(await object(ledger, proposalId, 'ru'));
      expect(
        expectProblem(await decide(ledger, proposalId, { outcome: 'consensus', meetingId: kp.plenary }), 422, 'objections-standing').blockingParticipants,
      ).toEqual(['ru']);
    });

    it('refuses anything further on a withdrawn proposal', async () => {
      const proposalId = await table();
      await record(ledger, `/v1/proposals/${proposalId}/withdrawal`, { reason: 'Withdrawn.', occurredAt: '2022-06-23' });
      expectProblem(await support(ledger, proposalId, 'eu', '2022-06-24'), 422, 'proposal-closed');
    });

    it('refuses a withdrawal by someone who did not table the proposal', async () => {
      const proposalId = await table();
      const withdrawal = { reason: 'Withdrawn.', withdrawnBy: ['ru'], occurredAt: '2022-06-23' };
      expectProblem(await post(`/v1/proposals/${proposalId}/withdrawal`, withdrawal), 422, 'not-a-proposer');
    });

    it('refuses a participant that is not one, and a suspended participant', async () => {
      const proposalId = await table();
      expectProblem(await support(ledger, proposalId, 'atlantis'), 422, 'not-a-participant');
      const bodyId = await establishBody(ledger);
      await admitParticipant(ledger, bodyId, 've');
      await record(ledger, `/v1/bodies/${bodyId}/participants/ve/suspension`, { reason: 'self-suspension', occurredAt: '2008-11-06' });
      const tabled = { proposalId: uniqueId('p'), kind: 'other', title: 'T', text: 'X', proposedBy: ['ve'], occurredAt: '2009-01-01' };
      expectProblem(await post(`/v1/bodies/${bodyId}/proposals`, tabled), 422, 'participant-suspended');
      // No proposer at all is said in words, not as a count of "elements".
      const unproposed = expectInvalidField(await post(`/v1/bodies/${bodyId}/proposals`, { ...tabled, proposedBy: [] }), 'proposedBy');
      expect(unproposed.errors).toEqual([{ field: 'proposedBy', messages: ['proposedBy must name at least one participant'] }]);
      expect(unproposed.detail).toBe('proposedBy must name at least one participant');
    });
  });

  describe('422: time and corrections (rules 7 and 8)', () => {
    it('refuses a record that occurred after the ledger’s clock', async () => {
      expectProblem(
        await post('/v1/bodies', { bodyId: 'from-the-future', ...establish, occurredAt: `${new Date().getUTCFullYear() + 1}-01-01` }),
        422,
        'occurred-in-future',
      );
      // Midnight UTC tomorrow, given with its time, is a moment still to come, not a day begun east of UTC.
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      for (const occurredAt of [`${tomorrow}T00:00:00Z`, `${tomorrow}T09:00:00+09:00`]) {
        expectProblem(await post('/v1/bodies', { bodyId: 'at-midnight-to-come', ...establish, occurredAt }), 422, 'occurred-in-future');
      }
      const objection = expectCreated(await object(ledger, await table(), 'ru'));
      const correction = { correctsEventId: objection.eventIds[0], reason: 'the date was wrong', occurredAt: '2022-06-22' };
      expectProblem(await post('/v1/corrections', { ...correction, corrections: { occurredAt: `${tomorrow}T00:00:00Z` } }), 422, 'occurred-in-future');
    });

    it('refuses a record dated before what it depends on', async () => {
      const proposalId = await table();
      const answer = await post(`/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'g', occurredAt: '2010-01-01' });
      expect(expectProblem(answer, 422, 'occurred-out-of-order').detail).toMatch(/before proposal .* was tabled/);
    });

    it('refuses a correction of a field that decides later rules', async () => {
      const objection = expectCreated(await object(ledger, await table(), 'ru'));
      const answer = await post('/v1/corrections', {
        correctsEventId: objection.eventIds[0],
        reason: 'r',
        corrections: { participantId: 'by' },
        occurredAt: '2022-07-01',
      });
      expect(expectProblem(answer, 422, 'correction-not-applicable').field).toBe('participantId');
    });
  });
  describe('404 from the transparency log', () => {
    it('refuses a tree size beyond the latest checkpoint, and a position beyond the tree', async () => {
      const signed = await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' });
      expect(signed.status).toBe(200);
      const size = signed.body.treeSize as number;
      expect(
        expectProblem(await ledger.get(`/v1/audit/proofs/inclusion?position=1&treeSize=${size + 1}`), 404, 'tree-size-not-signed').latestCheckpointSize,
      ).toBe(size);
      expect(expectProblem(await ledger.get(`/v1/audit/proofs/inclusion?position=${size}&treeSize=${size - 1}`), 404, 'position-beyond-tree').treeSize).toBe(
        size - 1,
      );
    });
  });
});

/** Runs after every test above (Jest keeps declaration order within a file). */
describe('The error catalogue', () => {
  /**
   * Codes no test can provoke over HTTP against one healthy process: keep this list short and
   * explained, so that a new catalogued code fails here until an end-to-end test produces it.
   */
  const NOT_PRODUCIBLE_OVER_HTTP: readonly ErrorCode[] = [
    'internal-error', // only an unexpected failure (a bug) produces it
    'store-unavailable', // needs the SQLite file to fail under the running process
    'concurrency-conflict', // needs another process to win twelve races in a row on one stream; commands of one process take turns
    'not-ready', // only while the process shuts down (health.controller.unit.spec.ts)
    'rate-limited', // the suites run with the limits off; abuse.e2e.spec.ts turns them on and spends them
    'checkpoint-not-found', // only while a first start computes the tree of an existing ledger (audit-proofs.unit.spec.ts)
    'log-inconsistent', // only once the stored log was altered behind the ledger's back (tamper.e2e.spec.ts)
    'log-unreadable', // only once a row the ledger did not write is in the store (tamper.e2e.spec.ts)
    'signing-key-superseded', // only once another instance on the same log starts with another key (signing-keys.e2e.spec.ts)
    'feed-position-rewritten', // only once the log was restored from an older copy and written on (cli-backup.e2e.spec.ts)
  ];

  it('has answered every catalogued code except those that cannot be produced over HTTP', () => {
    const expected = CATALOGUED_CODES.filter((code) => !NOT_PRODUCIBLE_OVER_HTTP.includes(code)).sort();
    expect([...observedCodes()].sort()).toEqual(expected);
  });
});
