import { establishBody, KimberleyProcess, object, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { expectCreated, headPosition, readBody, readProposal, uniqueId } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { expectInvalidField, expectProblem } from './support/problems';

describe('Retries and preconditions', () => {
  let ledger: LedgerHarness;
  let kp: KimberleyProcess;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    kp = await recordKimberleyProcess(ledger);
  });
  afterAll(() => ledger.stop());

  const key = (): { 'Idempotency-Key': string } => ({ 'Idempotency-Key': uniqueId('retry-key-0001') });
  const admission = (participantId: string) => ({ participantId, name: participantId.toUpperCase(), kind: 'state', occurredAt: '2024-11-08' });

  describe('Idempotency-Key (rule 9)', () => {
    it('takes a retry whose path writes a character of an id percent-encoded as the same request', async () => {
      const headers = key();
      // kp's body id holds a hyphen (kp-…): the first sending writes it %2d, as a client or proxy may.
      const encoded = kp.bodyId.replace('-', '%2d');
      expect(encoded).not.toBe(kp.bodyId);
      const first = expectCreated(await ledger.post(`/v1/bodies/${encoded}/participants`, admission('tj'), { headers }));
      const retry = await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('tj'), { headers });
      expect({ status: retry.status, replayed: retry.headers.get('idempotent-replayed'), body: retry.body }).toEqual({
        status: 201,
        replayed: 'true',
        body: first,
      });
    });

    it('answers a retry with the first answer, says it was replayed, and records nothing new', async () => {
      const headers = key();
      const first = await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('uz'), { headers });
      const created = expectCreated(first);
      const head = await headPosition(ledger);

      const retry = await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('uz'), { headers });

      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(created);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.headers.get('etag')).toBe(`"${created.streamRevision}"`);
      expect(await headPosition(ledger)).toBe(head);
      expect((await readBody(ledger, kp.bodyId)).participants.filter((p) => p.participantId === 'uz')).toHaveLength(1);
    });

    it('still answers a retried objection with its first 201, though the objection now stands and a new one would be refused', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      const headers = key();
      const body = { participantId: 'ru', grounds: 'politicization', occurredAt: '2022-06-22' };
      const first = expectCreated(await ledger.post(`/v1/proposals/${proposalId}/objections`, body, { headers }));
      expectProblem(await object(ledger, proposalId, 'ru'), 422, 'objection-already-standing');
      const head = await headPosition(ledger);

      const retry = await ledger.post(`/v1/proposals/${proposalId}/objections`, body, { headers });

      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await headPosition(ledger)).toBe(head);
    });

    it('keeps no refusal: the same command with its key, refused, is recorded once what refused it has changed', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      expectCreated(await object(ledger, proposalId, 'ru'));
      const headers = key();
      const support = { participantId: 'ru', occurredAt: '2022-06-23' };
      expectProblem(await ledger.post(`/v1/proposals/${proposalId}/support`, support, { headers }), 422, 'objection-already-standing');
      expectCreated(await ledger.post(`/v1/proposals/${proposalId}/objections/ru/withdrawal`, { occurredAt: '2022-06-22T12:00:00Z' }));

      const recorded = await ledger.post(`/v1/proposals/${proposalId}/support`, support, { headers });

      expectCreated(recorded);
      expect(recorded.headers.get('idempotent-replayed')).toBeNull();
      expect((await readProposal(ledger, proposalId)).supporters).toEqual(['ru']);
    });

    it("answers another key's command with the same idempotency key and body as a retry: keys are the ledger's, not one clerk's", async () => {
      const headers = key();
      const first = expectCreated(await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('kz'), { headers }));
      const head = await headPosition(ledger);

      const issued = await ledger.post('/v1/keys', { name: uniqueId('Another Clerk'), role: 'secretariat' }, { role: 'admin' });
      const another = { ...headers, authorization: `Bearer ${(issued.body as { key: string }).key}` };
      const fromAnother = await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('kz'), { headers: another, role: null });

      expect({ status: fromAnother.status, body: fromAnother.body, replayed: fromAnother.headers.get('idempotent-replayed') }).toEqual({
        status: 201,
        body: first,
        replayed: 'true',
      });
      expect(await headPosition(ledger)).toBe(head);
    });

    it('records a command once when the same retry arrives several times at once', async () => {
      const headers = key();
      const head = await headPosition(ledger);

      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('ao'), { headers })));

      expect(answers.map((answer) => ({ status: answer.status, code: answer.body.code }))).toEqual(Array(5).fill({ status: 201, code: undefined }));
      expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
      expect(await headPosition(ledger)).toBe(head + 1);
    });

    it('replays a retry whose If-Match the stream has since moved past, instead of refusing it as stale', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      const headers = { ...key(), 'If-Match': '"0"' };
      const body = { participantId: 'eu', occurredAt: '2022-06-22' };
      const first = expectCreated(await ledger.post(`/v1/proposals/${proposalId}/support`, body, { headers }));
      expectCreated(await ledger.post(`/v1/proposals/${proposalId}/support`, { participantId: 'ua', occurredAt: '2022-06-22' }));

      const retry = await ledger.post(`/v1/proposals/${proposalId}/support`, body, { headers });

      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
    });

    it('refuses the key reused with another body with 409 idempotency-key-reused, recording nothing', async () => {
      const headers = key();
      expectCreated(await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('na'), { headers }));
      const head = await headPosition(ledger);

      expectProblem(await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('nm'), { headers }), 409, 'idempotency-key-reused');

      expect(await headPosition(ledger)).toBe(head);
      expect((await readBody(ledger, kp.bodyId)).participants.map((p) => p.participantId)).not.toContain('nm');
    });

    it('refuses the key reused on another route with 409 idempotency-key-reused', async () => {
      const headers = key();
      expectCreated(await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('il'), { headers }));

      const answer = await ledger.post(`/v1/bodies/${kp.bodyId}/observers`, { observerId: 'adpa', name: 'ADPA', occurredAt: '2024-01-01' }, { headers });

      expectProblem(answer, 409, 'idempotency-key-reused');
    });

    it.each(['short', 'has spaces in it', 'x'.repeat(129), 'key/with/slashes'])('refuses the invalid Idempotency-Key %j with 400', async (value) => {
      const answer = await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('cn'), { headers: { 'Idempotency-Key': value } });
      expectInvalidField(answer, 'Idempotency-Key');
    });

    it('says of two Idempotency-Key headers (which HTTP joins with a comma) that the key was sent twice, and records nothing', async () => {
      const head = async () => ((await ledger.get('/health')).body as { headPosition: number }).headPosition;
      const before = await head();
      const answer = await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('cn'), {
        headers: { 'Idempotency-Key': 'idem-test-0001, idem-test-0002' },
      });
      expectInvalidField(answer, 'Idempotency-Key');
      expect(JSON.stringify(answer.body)).toContain('was sent more than once: send one key per request');
      expect(await head()).toBe(before);
    });
  });

  describe('If-Match', () => {
    it('records when If-Match names the stream’s current revision, and the ETag chains to the next command', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      const current = (await readProposal(ledger, proposalId)).streamRevision;

      const first = await ledger.post(
        `/v1/proposals/${proposalId}/support`,
        { participantId: 'eu', occurredAt: '2022-06-22' },
        { headers: { 'If-Match': `"${current}"` } },
      );
      const etag = first.headers.get('etag') ?? '';
      const second = await ledger.post(
        `/v1/proposals/${proposalId}/support`,
        { participantId: 'ua', occurredAt: '2022-06-22' },
        { headers: { 'If-Match': etag } },
      );

      expect(expectCreated(first).streamRevision).toBe(current + 1);
      expect(expectCreated(second).streamRevision).toBe(current + 2);
      expect((await readProposal(ledger, proposalId)).supporters).toEqual(['eu', 'ua']);
    });

    it('accepts a weak validator W/"n"', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      expectCreated(
        await ledger.post(`/v1/proposals/${proposalId}/support`, { participantId: 'ae', occurredAt: '2022-06-22' }, { headers: { 'If-Match': 'W/"0"' } }),
      );
    });

    it('refuses a stale If-Match with 412 precondition-failed, naming both revisions, and records nothing', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      expectCreated(await ledger.post(`/v1/proposals/${proposalId}/support`, { participantId: 'eu', occurredAt: '2022-06-22' }));
      expectCreated(await object(ledger, proposalId, 'ru'));
      const head = await headPosition(ledger);

      const stale = await ledger.post(
        `/v1/proposals/${proposalId}/objections`,
        { participantId: 'by', grounds: 'g', occurredAt: '2022-06-22' },
        { headers: { 'If-Match': '"0"' } },
      );

      const problem = expectProblem(stale, 412, 'precondition-failed');
      expect(problem).toMatchObject({ stream: `proposal-${proposalId}`, expectedRevision: 0, actualRevision: 2 });
      expect(await headPosition(ledger)).toBe(head);
      expect((await readProposal(ledger, proposalId)).standingObjections.map((o) => o.participantId)).toEqual(['ru']);
    });

    it.each(['3', '"abc"', '"1.5"', '*', '"-2"'])('refuses the malformed If-Match %j with 400', async (value) => {
      const answer = await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission('cm'), { headers: { 'If-Match': value } });
      expectInvalidField(answer, 'If-Match');
    });

    it('establishes a new body with If-Match "-1", the stream that must not exist yet', async () => {
      const bodyId = uniqueId('new-body');
      const answer = await ledger.post(
        '/v1/bodies',
        { bodyId, name: 'New', definition: 'Text.', occurredAt: '2024-01-01' },
        { headers: { 'If-Match': '"-1"' } },
      );
      expect(expectCreated(answer)).toMatchObject({ stream: `body-${bodyId}`, streamRevision: 0 });
    });

    it('refuses If-Match "-1" for a body that already exists with 412', async () => {
      const bodyId = await establishBody(ledger);
      const answer = await ledger.post(
        '/v1/bodies',
        { bodyId, name: 'Again', definition: 'Text.', occurredAt: '2024-01-01' },
        { headers: { 'If-Match': '"-1"' } },
      );
      expect(expectProblem(answer, 412, 'precondition-failed')).toMatchObject({ expectedRevision: -1, actualRevision: 0 });
    });
  });
});
