import { expectExportRoundTrips } from './support/concord-cli';
import { admitParticipant, CONFLICT_DIAMONDS, establishBody, OBSERVERS, PARTICIPANTS, recordKimberleyProcess } from './support/kimberley-process';
import { headPosition, readBody, readChairs, record, uniqueId } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { expectProblem } from './support/problems';

describe('Bodies: membership and offices', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
  });
  afterAll(() => ledger.stop());

  describe('POST /v1/bodies', () => {
    it('establishes a body on its own stream, and the body reads back with the definition in force', async () => {
      const bodyId = uniqueId('kp');

      const created = await record(ledger, '/v1/bodies', { bodyId, name: 'Kimberley Process', definition: CONFLICT_DIAMONDS, occurredAt: '2003-01-01' });

      expect(created).toMatchObject({ stream: `body-${bodyId}`, streamRevision: 0 });
      expect(await readBody(ledger, bodyId)).toEqual({
        position: expect.any(Number),
        bodyId,
        name: 'Kimberley Process',
        establishedAt: '2003-01-01T00:00:00.000Z',
        participants: [],
        observers: [],
        currentTerm: { term: new Date().getUTCFullYear(), chair: null, viceChair: null, basis: null },
        latestRecordedTerm: null,
        definition: { text: CONFLICT_DIAMONDS, effectiveFrom: '2003-01-01T00:00:00.000Z', proposalId: null },
        streamRevision: 0,
      });
    });
  });

  describe('POST /v1/bodies/:id/participants and /observers', () => {
    it('admits the Kimberley Process participants and observers, each read back with its kind and status', async () => {
      const { bodyId } = await recordKimberleyProcess(ledger);

      const body = await readBody(ledger, bodyId);

      expect(body.participants).toEqual(PARTICIPANTS.map((p) => ({ ...p, status: 'active' })));
      expect(body.observers).toEqual(OBSERVERS.map((o) => ({ ...o, status: 'active' })));
    });

    it('advances the body stream by one revision per admission', async () => {
      const bodyId = await establishBody(ledger);

      const first = await admitParticipant(ledger, bodyId, 'ua');
      const second = await record(ledger, `/v1/bodies/${bodyId}/observers`, { observerId: 'wdc', name: 'World Diamond Council', occurredAt: '2003-01-01' });

      expect([first.streamRevision, second.streamRevision]).toEqual([1, 2]);
      expect(second.position).toBe(first.position + 1);
      expect((await readBody(ledger, bodyId)).streamRevision).toBe(2);
    });
  });

  describe('POST /v1/bodies/:id/participants/:participantId/suspension and /reinstatement', () => {
    it('suspends a participant and reinstates it (the Central African Republic, 2013 and 2024)', async () => {
      const bodyId = await establishBody(ledger);
      await admitParticipant(ledger, bodyId, 'cf');

      await record(ledger, `/v1/bodies/${bodyId}/participants/cf/suspension`, { reason: 'Séléka coup', occurredAt: '2013-05-23' });
      expect((await readBody(ledger, bodyId)).participants).toEqual([{ participantId: 'cf', name: 'CF', kind: 'state', status: 'suspended' }]);

      await record(ledger, `/v1/bodies/${bodyId}/participants/cf/reinstatement`, { occurredAt: '2024-11-08' });
      expect((await readBody(ledger, bodyId)).participants).toEqual([{ participantId: 'cf', name: 'CF', kind: 'state', status: 'active' }]);
    });

    it('refuses a suspension entered late, dated before an office the participant was given, with occurred-out-of-order', async () => {
      const bodyId = await establishBody(ledger);
      await admitParticipant(ledger, bodyId, 'bw');
      await record(ledger, `/v1/bodies/${bodyId}/vice-chair`, { participantId: 'bw', term: 2023, occurredAt: '2022-11-12' });
      const head = await headPosition(ledger);

      const refused = expectProblem(
        await ledger.post(`/v1/bodies/${bodyId}/participants/bw/suspension`, { reason: 'entered late', occurredAt: '2022-01-01' }),
        422,
        'occurred-out-of-order',
      );
      expect(refused).toMatchObject({ dependentType: 'ViceChairSelected', dependentOccurredAt: '2022-11-12T00:00:00.000Z', term: 2023 });
      expectProblem(await ledger.post(`/v1/bodies/${bodyId}/members/bw/withdrawal`, { occurredAt: '2022-06-01' }), 422, 'occurred-out-of-order');
      expect(await headPosition(ledger)).toBe(head);
      expect((await readBody(ledger, bodyId)).participants).toEqual([{ participantId: 'bw', name: 'BW', kind: 'state', status: 'active' }]);

      await record(ledger, `/v1/bodies/${bodyId}/participants/bw/suspension`, { reason: 'after its selection', occurredAt: '2023-03-01' });
    });
  });

  describe('POST /v1/bodies/:id/members/:memberId/withdrawal', () => {
    it('records that a participant withdrew, and keeps it listed as withdrawn', async () => {
      const bodyId = await establishBody(ledger);
      await admitParticipant(ledger, bodyId, 've');

      await record(ledger, `/v1/bodies/${bodyId}/members/ve/withdrawal`, { occurredAt: '2008-11-06' });

      expect((await readBody(ledger, bodyId)).participants).toEqual([{ participantId: 've', name: 'VE', kind: 'state', status: 'withdrawn' }]);
    });

    it('records that an observer withdrew', async () => {
      const bodyId = await establishBody(ledger);
      await record(ledger, `/v1/bodies/${bodyId}/observers`, { observerId: 'csc', name: 'KP Civil Society Coalition', occurredAt: '2003-01-01' });

      await record(ledger, `/v1/bodies/${bodyId}/members/csc/withdrawal`, { occurredAt: '2011-12-05' });

      expect((await readBody(ledger, bodyId)).observers).toEqual([{ observerId: 'csc', name: 'KP Civil Society Coalition', status: 'withdrawn' }]);
    });

    it('lets a withdrawn participant be admitted again', async () => {
      const bodyId = await establishBody(ledger);
      await admitParticipant(ledger, bodyId, 'ua');
      await record(ledger, `/v1/bodies/${bodyId}/members/ua/withdrawal`, { occurredAt: '2022-03-01' });
      // Not on a date before it withdrew: a member's own records are entered in the order they happened.
      const again = { participantId: 'ua', name: 'UA', kind: 'state' };
      expectProblem(await ledger.post(`/v1/bodies/${bodyId}/participants`, { ...again, occurredAt: '2022-02-01' }), 422, 'occurred-out-of-order');

      await record(ledger, `/v1/bodies/${bodyId}/participants`, { ...again, occurredAt: '2023-01-01' });

      expect((await readBody(ledger, bodyId)).participants).toEqual([{ participantId: 'ua', name: 'UA', kind: 'state', status: 'active' }]);
    });
  });

  describe('POST /v1/bodies/:id/vice-chair and /chair, GET /v1/bodies/:id/chairs', () => {
    it('records the Chairs of 2021 to 2025 with every basis, and lists each term with its Vice-Chair', async () => {
      const { bodyId } = await recordKimberleyProcess(ledger);
      const office = (path: string, body: object) => record(ledger, `/v1/bodies/${bodyId}/${path}`, body);

      await office('vice-chair', { participantId: 'zw', term: 2022, occurredAt: '2021-11-19' });
      await office('chair', { participantId: 'zw', term: 2023, basis: 'succession', occurredAt: '2023-01-01' });
      await office('vice-chair', { participantId: 'ae', term: 2023, occurredAt: '2022-11-11' });
      await office('chair', { participantId: 'ae', term: 2024, basis: 'succession', occurredAt: '2024-01-01' });
      await office('chair', { participantId: 'ae', term: 2025, basis: 'custodial', occurredAt: '2025-01-01' });

      expect(await readChairs(ledger, bodyId)).toEqual([
        { term: 2021, chair: 'ru', viceChair: 'bw', basis: 'postponement' },
        { term: 2022, chair: 'bw', viceChair: 'zw', basis: 'succession' },
        { term: 2023, chair: 'zw', viceChair: 'ae', basis: 'succession' },
        { term: 2024, chair: 'ae', viceChair: null, basis: 'succession' },
        { term: 2025, chair: 'ae', viceChair: null, basis: 'custodial' },
      ]);
    });

    it('records a Chair elected without having been Vice-Chair, with its basis', async () => {
      const bodyId = await establishBody(ledger);
      await admitParticipant(ledger, bodyId, 'za');

      await record(ledger, `/v1/bodies/${bodyId}/chair`, { participantId: 'za', term: 2003, basis: 'election', occurredAt: '2003-01-01' });

      expect(await readChairs(ledger, bodyId)).toEqual([{ term: 2003, chair: 'za', viceChair: null, basis: 'election' }]);
    });

    it('refuses one participant both offices of a term, whichever is recorded second, with holds-other-office', async () => {
      const chairFirst = await establishBody(ledger);
      const viceChairFirst = await establishBody(ledger);
      for (const bodyId of [chairFirst, viceChairFirst]) await admitParticipant(ledger, bodyId, 'bw');
      const chair = { participantId: 'bw', term: 2023, basis: 'election', occurredAt: '2022-11-12' };
      const viceChair = { participantId: 'bw', term: 2023, occurredAt: '2022-11-12' };

      await record(ledger, `/v1/bodies/${chairFirst}/chair`, chair);
      const head = await headPosition(ledger);
      expect(expectProblem(await ledger.post(`/v1/bodies/${chairFirst}/vice-chair`, viceChair), 422, 'holds-other-office')).toMatchObject({
        term: 2023,
        participantId: 'bw',
        office: 'chair',
      });
      await record(ledger, `/v1/bodies/${viceChairFirst}/vice-chair`, viceChair);
      expect(expectProblem(await ledger.post(`/v1/bodies/${viceChairFirst}/chair`, chair), 422, 'holds-other-office')).toMatchObject({
        office: 'vice-chair',
      });

      expect(await headPosition(ledger)).toBe(head + 1);
      expect(await readChairs(ledger, chairFirst)).toEqual([{ term: 2023, chair: 'bw', viceChair: null, basis: 'election' }]);
      expect(await readChairs(ledger, viceChairFirst)).toEqual([{ term: 2023, chair: null, viceChair: 'bw', basis: null }]);
    });

    it('refuses an office given after its term ended or more than two years before it, with office-term-out-of-range', async () => {
      const bodyId = await establishBody(ledger);
      await admitParticipant(ledger, bodyId, 'bw');
      await admitParticipant(ledger, bodyId, 'zw');
      const head = await headPosition(ledger);

      const refused = expectProblem(
        await ledger.post(`/v1/bodies/${bodyId}/chair`, { participantId: 'bw', term: 2200, basis: 'election', occurredAt: '2022-11-12' }),
        422,
        'office-term-out-of-range',
      );
      expect(refused).toMatchObject({ term: 2200, earliestTerm: 2022, latestTerm: 2024 });
      expectProblem(
        await ledger.post(`/v1/bodies/${bodyId}/vice-chair`, { participantId: 'zw', term: 2021, occurredAt: '2022-01-01' }),
        422,
        'office-term-out-of-range',
      );
      expect(await headPosition(ledger)).toBe(head);

      // Selected at the 2022 plenary: Vice-Chair for 2023, Chair for 2024.
      await record(ledger, `/v1/bodies/${bodyId}/vice-chair`, { participantId: 'zw', term: 2023, occurredAt: '2022-11-12' });
      await record(ledger, `/v1/bodies/${bodyId}/chair`, { participantId: 'zw', term: 2024, basis: 'succession', occurredAt: '2022-11-12' });
      expect(await readChairs(ledger, bodyId)).toEqual([
        { term: 2023, chair: null, viceChair: 'zw', basis: null },
        { term: 2024, chair: 'zw', viceChair: null, basis: 'succession' },
      ]);
    });

    it('judges an office entered late by its holder as the body stood on its date: refused inside a past suspension, before the admission or after a withdrawal', async () => {
      const bodyId = await establishBody(ledger);
      await admitParticipant(ledger, bodyId, 'bw');
      await record(ledger, `/v1/bodies/${bodyId}/participants/bw/suspension`, { reason: 'review mission refused', occurredAt: '2020-03-01' });
      await record(ledger, `/v1/bodies/${bodyId}/participants/bw/reinstatement`, { occurredAt: '2020-09-01' });
      await record(ledger, `/v1/bodies/${bodyId}/participants`, { participantId: 'uz', name: 'UZ', kind: 'state', occurredAt: '2024-01-01' });
      await admitParticipant(ledger, bodyId, 've');
      await record(ledger, `/v1/bodies/${bodyId}/members/ve/withdrawal`, { occurredAt: '2008-11-06' });
      await record(ledger, `/v1/bodies/${bodyId}/participants`, { participantId: 've', name: 'VE', kind: 'state', occurredAt: '2012-01-01' });
      const head = await headPosition(ledger);

      const suspended = expectProblem(
        await ledger.post(`/v1/bodies/${bodyId}/vice-chair`, { participantId: 'bw', term: 2021, occurredAt: '2020-05-01' }),
        422,
        'participant-suspended',
      );
      // The suspension's own date, not the office's: the refusal names both.
      expect(suspended).toMatchObject({ participantId: 'bw', suspendedSince: '2020-03-01T00:00:00.000Z' });
      expect(suspended.detail).toContain("was under suspension on the record's date, 2020-05-01T00:00:00.000Z (suspended since 2020-03-01T00:00:00.000Z)");
      expectProblem(
        await ledger.post(`/v1/bodies/${bodyId}/chair`, { participantId: 'bw', term: 2021, basis: 'election', occurredAt: '2020-05-01' }),
        422,
        'participant-suspended',
      );
      expectProblem(
        await ledger.post(`/v1/bodies/${bodyId}/chair`, { participantId: 'uz', term: 2023, basis: 'election', occurredAt: '2022-11-12' }),
        422,
        'not-a-participant',
      );
      expectProblem(
        await ledger.post(`/v1/bodies/${bodyId}/vice-chair`, { participantId: 've', term: 2010, occurredAt: '2009-11-05' }),
        422,
        'not-a-participant',
      );
      expect(await headPosition(ledger)).toBe(head);

      // After the reinstatement, and before the suspension, Botswana was an active participant.
      await record(ledger, `/v1/bodies/${bodyId}/vice-chair`, { participantId: 'bw', term: 2021, occurredAt: '2020-11-15' });
      await record(ledger, `/v1/bodies/${bodyId}/chair`, { participantId: 'bw', term: 2020, basis: 'election', occurredAt: '2019-11-15' });
      expect(await readChairs(ledger, bodyId)).toEqual([
        { term: 2020, chair: 'bw', viceChair: null, basis: 'election' },
        { term: 2021, chair: null, viceChair: 'bw', basis: null },
      ]);
    });

    it('shows the offices of the current calendar year as the current term', async () => {
      const bodyId = await establishBody(ledger);
      const year = new Date().getUTCFullYear();
      await admitParticipant(ledger, bodyId, 'ae');
      await admitParticipant(ledger, bodyId, 'uz');

      await record(ledger, `/v1/bodies/${bodyId}/chair`, { participantId: 'ae', term: year, basis: 'election', occurredAt: `${year}-01-01` });
      await record(ledger, `/v1/bodies/${bodyId}/vice-chair`, { participantId: 'uz', term: year, occurredAt: `${year}-01-01` });

      expect((await readBody(ledger, bodyId)).currentTerm).toEqual({ term: year, chair: 'ae', viceChair: 'uz', basis: 'election' });
    });
  });

  it("exports a log that the import accepts whole, under the ledger's rules, and reproduces exactly", async () => {
    await expectExportRoundTrips(ledger.storage);
  });
});
