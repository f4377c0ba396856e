import { object, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { expectCreated, headPosition, record } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { expectInvalidField, expectProblem } from './support/problems';

describe('requests at the edges of the contract', () => {
  let ledger: LedgerHarness;
  let kp: Awaited<ReturnType<typeof recordKimberleyProcess>>;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    kp = await recordKimberleyProcess(ledger);
  });
  afterAll(() => ledger.stop());

  describe('a path spelled with percent-encoding', () => {
    it('still needs a key: the guard judges the matched route, not the text of the URL', async () => {
      expectProblem(await ledger.get(`/%761/bodies/${kp.bodyId}`, { role: null }), 401, 'unauthorized');
      expectProblem(await ledger.get(`/v1/%62odies/${kp.bodyId}/chairs`, { role: null }), 401, 'unauthorized');
      expect((await ledger.get(`/%761/bodies/${kp.bodyId}`, { role: 'auditor' })).status).toBe(200);
    });
  });

  describe('a retry whose JSON lists the same fields in another order', () => {
    it('is the same request: it replays the first answer', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      const headers = { 'idempotency-key': `reordered-${proposalId}` };
      const first = await ledger.post(`/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'g', occurredAt: '2022-06-22' }, { headers });
      const retry = await ledger.post(`/v1/proposals/${proposalId}/objections`, { occurredAt: '2022-06-22', grounds: 'g', participantId: 'ru' }, { headers });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
    });
  });

  describe('a malformed JSON body', () => {
    it('is refused with validation-failed naming the body', async () => {
      expectInvalidField(await ledger.post('/v1/bodies', undefined, { rawBody: '{"bodyId": "x",' }), 'body');
    });
  });

  describe('text that is only white space', () => {
    it('is refused as objection grounds', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      const head = await headPosition(ledger);
      expectInvalidField(await object(ledger, proposalId, 'ru', '   '), 'grounds');
      expect(await headPosition(ledger)).toBe(head);
    });
  });

  describe('a correction longer than the field allows', () => {
    it('is refused with correction-not-applicable, as a first record of that length would be', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      const objection = expectCreated(await object(ledger, proposalId, 'by'));
      const answer = await ledger.post('/v1/corrections', {
        correctsEventId: objection.eventIds[0],
        reason: 'longer grounds',
        corrections: { grounds: 'x'.repeat(20_001) },
        occurredAt: '2022-07-01',
      });
      expectProblem(answer, 422, 'correction-not-applicable');
    });
  });

  describe('text of characters outside the Basic Multilingual Plane (emoji, CJK Extension B)', () => {
    it('counts characters, as the documents say, not UTF-16 units: a text at its limit is recorded and corrected, one longer refused', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      const emoji = '\u{1F48E}';
      expectCreated(await ledger.post(`/v1/proposals/${proposalId}/revisions`, { text: emoji.repeat(100_000), occurredAt: '2022-06-22' }));
      const over = await ledger.post(`/v1/proposals/${proposalId}/revisions`, { text: emoji.repeat(100_001), occurredAt: '2022-06-22' });
      expect(over.status).toBe(400);
      const objection = expectCreated(await object(ledger, proposalId, 'by', emoji.repeat(20_000)));
      const corrected = await ledger.post('/v1/corrections', {
        correctsEventId: objection.eventIds[0],
        reason: 'the grounds as said',
        corrections: { grounds: '\u{20000}'.repeat(20_000) },
        occurredAt: '2022-07-01',
      });
      expectCreated(corrected);
      // A heart with its variation selector is two characters, for a command as for a correction.
      expectInvalidField(await object(ledger, proposalId, 'ru', '\u2764\uFE0F'.repeat(10_001)), 'grounds');
    });
  });

  describe('a corrected closing date', () => {
    it('counts for the rules: statements before the corrected closure are accepted, later ones refused', async () => {
      const closure = await record(ledger, `/v1/meetings/${kp.plenary}/closure`, { occurredAt: '2022-11-08' });
      await record(ledger, '/v1/corrections', {
        correctsEventId: closure.eventIds[0],
        reason: 'the plenary closed on the 10th',
        corrections: { occurredAt: '2022-11-10' },
        occurredAt: '2022-11-12',
      });
      const statement = (occurredAt: string) => ledger.post(`/v1/meetings/${kp.plenary}/statements`, { speakerId: 'ua', summary: 'a late entry', occurredAt });
      expect((await statement('2022-11-09')).status).toBe(201);
      expectProblem(await statement('2022-11-11'), 422, 'meeting-closed');
    });
  });

  describe('a decision entered late', () => {
    it('is judged by the membership of its own day: an objector suspended only later still blocked it then', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
      expectCreated(await object(ledger, proposalId, 'by', 'outside the mandate', '2022-06-21T10:00:00Z'));
      await record(ledger, `/v1/bodies/${kp.bodyId}/participants/by/suspension`, { reason: 'illustrative', occurredAt: '2023-01-01' });

      const decision = { outcome: 'consensus', declaredBy: 'bw', meetingId: kp.intersessional, occurredAt: '2022-06-24' };
      const answer = await ledger.post(`/v1/proposals/${proposalId}/decision`, decision);

      expect(expectProblem(answer, 422, 'objections-standing').blockingParticipants).toEqual(['by']);
      await record(ledger, `/v1/bodies/${kp.bodyId}/participants/by/reinstatement`, { occurredAt: '2023-06-01' });
    });

    it('cannot be dated before the records it decides on', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.plenary, occurredAt: '2022-11-08' });
      const answer = await ledger.post(`/v1/proposals/${proposalId}/decision`, {
        outcome: 'no-consensus',
        declaredBy: 'bw',
        meetingId: kp.intersessional,
        occurredAt: '2022-06-24',
      });
      expectProblem(answer, 422, 'occurred-out-of-order');
    });
  });

  describe('X-Causation-Id', () => {
    it('is refused when it is not a plain identifier', async () => {
      const answer = await ledger.post(
        `/v1/bodies/${kp.bodyId}/observers`,
        { observerId: 'adpa', name: 'ADPA', occurredAt: '2020-01-01' },
        { headers: { 'x-causation-id': 'x'.repeat(200) } },
      );
      expectInvalidField(answer, 'X-Causation-Id');
    });
  });

  describe('reading one resource', () => {
    it('answers its stream revision as ETag, which If-Match accepts', async () => {
      const { proposalId } = await tableProposal(ledger, kp.bodyId);
      const read = await ledger.get(`/v1/proposals/${proposalId}`);
      expect(read.headers.get('etag')).toBe(`"${String(read.body.streamRevision)}"`);
      const answer = await ledger.post(
        `/v1/proposals/${proposalId}/support`,
        { participantId: 'eu', occurredAt: '2022-06-22' },
        { headers: { 'if-match': read.headers.get('etag') ?? '' } },
      );
      expect(answer.status).toBe(201);
      expect((await ledger.get(`/v1/bodies/${kp.bodyId}`)).headers.get('etag')).toMatch(/^"\d+"$/);
      expect((await ledger.get(`/v1/meetings/${kp.intersessional}`)).headers.get('etag')).toBe('"0"');
    });
  });
});

describe('ids and revisions at their limits', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
  });
  afterAll(() => ledger.stop());

  it('answers an overlong path id as validation-failed problem+json, not a router error', async () => {
    expectInvalidField(await ledger.get(`/v1/bodies/${'a'.repeat(101)}`), 'bodyId');
  });

  it('refuses an If-Match revision written with a leading zero', async () => {
    const answer = await ledger.post(
      '/v1/bodies',
      { bodyId: 'zero-padded', name: 'Z', definition: 'd', occurredAt: '2003-01-01' },
      { headers: { 'if-match': '"01"' } },
    );
    expectInvalidField(answer, 'If-Match');
  });

  it('refuses a correction of the definition in force: only an adopted amendment changes it (rule 6)', async () => {
    const created = await ledger.post('/v1/bodies', { bodyId: 'definition-kept', name: 'D', definition: 'the text as established', occurredAt: '2003-01-01' });
    const answer = await ledger.post('/v1/corrections', {
      correctsEventId: (created.body.eventIds as string[])[0],
      reason: 'rewrite the definition',
      corrections: { definition: 'a text nobody agreed to' },
      occurredAt: '2022-12-01',
    });
    expectProblem(answer, 422, 'correction-not-applicable');
    expect((await ledger.get('/v1/bodies/definition-kept')).body.definition).toMatchObject({ text: 'the text as established' });
  });
});
