import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { concord, expectExportRoundTrips } from './support/concord-cli';
import { storedEvents } from './support/event-log';
import { recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { headPosition, read, readProposal, record } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { LedgerStorage, newStorage, removeStorage } from './support/ledger-storage';
import { expectInvalidField, expectProblem } from './support/problems';

jest.setTimeout(60_000); // starts real ledgers and runs the CLI as a child process

interface HistoryAnswer {
  readonly entries: { type: string; schemaVersion: number; data: Record<string, unknown> }[];
}

const withdrawalOf = async (ledger: LedgerHarness, proposalId: string): Promise<HistoryAnswer['entries'][number] | undefined> =>
  (await read<HistoryAnswer>(ledger, `/v1/proposals/${proposalId}/history`)).entries.find((entry) => entry.type === 'ProposalWithdrawn');

describe('ProposalWithdrawn v2: who withdrew a proposal', () => {
  let ledger: LedgerHarness;
  let bodyId: string;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    bodyId = (await recordKimberleyProcess(ledger)).bodyId;
  });
  afterAll(() => ledger.stop());

  describe('POST /v1/proposals/:id/withdrawal with withdrawnBy', () => {
    it('records the proposers who withdrew it at schemaVersion 2, sorted, and reads them back', async () => {
      const { proposalId } = await tableProposal(ledger, bodyId, { proposedBy: ['ua', 'eu'] });

      const created = await record(ledger, `/v1/proposals/${proposalId}/withdrawal`, {
        reason: 'Superseded.',
        withdrawnBy: ['ua', 'eu'],
        occurredAt: '2022-06-24',
      });

      const [stored] = await storedEvents(ledger, created.eventIds);
      expect(stored).toMatchObject({
        type: 'ProposalWithdrawn',
        schemaVersion: 2,
        data: { proposalId, reason: 'Superseded.', withdrawnBy: ['eu', 'ua'], occurredAt: '2022-06-24T00:00:00.000Z' },
      });
      expect(await readProposal(ledger, proposalId)).toMatchObject({
        status: 'withdrawn',
        withdrawal: { reason: 'Superseded.', withdrawnBy: ['eu', 'ua'], occurredAt: '2022-06-24T00:00:00.000Z' },
      });
      expect(await withdrawalOf(ledger, proposalId)).toMatchObject({ schemaVersion: 2, data: { withdrawnBy: ['eu', 'ua'] } });
    });

    it('takes as many proposers withdrawing it as may table it: all 60 of a proposal tabled by 60', async () => {
      const proposers = Array.from({ length: 60 }, (_, index) => `co-sponsor-${String(index).padStart(2, '0')}`);
      for (const participantId of proposers)
        await record(ledger, `/v1/bodies/${bodyId}/participants`, {
          participantId,
          name: `Co-sponsor ${participantId}`,
          kind: 'state',
          occurredAt: '2020-01-01',
        });
      const { proposalId } = await tableProposal(ledger, bodyId, { proposedBy: proposers });

      await record(ledger, `/v1/proposals/${proposalId}/withdrawal`, { reason: 'All sponsors withdrew it.', withdrawnBy: proposers, occurredAt: '2022-06-24' });

      expect((await readProposal(ledger, proposalId)).withdrawal).toMatchObject({ withdrawnBy: proposers });
    });

    it('records withdrawnBy: null when the request leaves it out', async () => {
      const { proposalId } = await tableProposal(ledger, bodyId);

      const created = await record(ledger, `/v1/proposals/${proposalId}/withdrawal`, { reason: 'Superseded.', occurredAt: '2022-06-24' });

      expect((await storedEvents(ledger, created.eventIds))[0]).toMatchObject({ schemaVersion: 2, data: { withdrawnBy: null } });
      expect((await readProposal(ledger, proposalId)).withdrawal).toMatchObject({ withdrawnBy: null });
    });

    it('refuses with 422 not-a-proposer a withdrawal naming someone who did not table it, recording nothing', async () => {
      const { proposalId } = await tableProposal(ledger, bodyId, { proposedBy: ['ua'] });
      const head = await headPosition(ledger);

      const answer = await ledger.post(`/v1/proposals/${proposalId}/withdrawal`, {
        reason: 'Superseded.',
        withdrawnBy: ['ua', 'ru'],
        occurredAt: '2022-06-24',
      });

      expect(expectProblem(answer, 422, 'not-a-proposer')).toMatchObject({ notProposers: ['ru'], proposedBy: ['ua'] });
      expect(await headPosition(ledger)).toBe(head);
      expect(await readProposal(ledger, proposalId)).toMatchObject({ status: 'open', withdrawal: null });
    });

    it.each([
      ['an empty list', []],
      ['a repeated slug', ['ua', 'ua']],
      ['a name that is not a slug', ['Ukraine']],
      ['a string instead of a list', 'ua'],
      ['more than 100 slugs, more than may table a proposal', Array.from({ length: 101 }, (_, index) => `p${index}`)],
    ])('refuses %s with 400 validation-failed', async (_case, withdrawnBy) => {
      const { proposalId } = await tableProposal(ledger, bodyId);
      const answer = await ledger.post(`/v1/proposals/${proposalId}/withdrawal`, { reason: 'Superseded.', withdrawnBy, occurredAt: '2022-06-24' });
      expectInvalidField(answer, 'withdrawnBy');
    });
  });

  it('exports the v2 events and imports them back as the same log', async () => {
    await expectExportRoundTrips(ledger.storage);
  });
});

describe('a ledger holding a stored v1 ProposalWithdrawn', () => {
  let source: LedgerHarness;
  let proposalId: string;
  let exportedV1: string;
  let imported: LedgerStorage;

  /** The export with the withdrawal turned into the v1 event an older ledger stored: no withdrawnBy. */
  function asStoredByV1(exported: string): string {
    const lines = exported
      .trimEnd()
      .split('\n')
      .map((text) => JSON.parse(text) as { type: string; schemaVersion: number; data: Record<string, unknown> });
    const withdrawal = lines.find((line) => line.type === 'ProposalWithdrawn');
    if (!withdrawal) throw new Error('the export holds no ProposalWithdrawn');
    const { withdrawnBy: _withdrawnBy, ...v1Data } = withdrawal.data;
    withdrawal.schemaVersion = 1;
    withdrawal.data = v1Data;
    return `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
  }

  beforeAll(async () => {
    source = await LedgerHarness.start();
    const { bodyId } = await recordKimberleyProcess(source);
    proposalId = (await tableProposal(source, bodyId, { proposedBy: ['ua'] })).proposalId;
    await record(source, `/v1/proposals/${proposalId}/withdrawal`, { reason: 'Superseded by a new text.', occurredAt: '2022-06-24' });
    await source.stop({ keepData: true });
    const exported = concord(source.storage, ['export']);
    expect(exported.status).toBe(0);
    exportedV1 = asStoredByV1(exported.stdout);

    imported = newStorage();
    const file = join(imported.dataDir, 'v1.jsonl');
    writeFileSync(file, exportedV1);
    const result = concord(imported, ['import', file]);
    expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
  });
  afterAll(async () => {
    await removeStorage(source.storage);
    if (imported) await removeStorage(imported);
  });

  it('imports with concord import and keeps the event as stored, at schemaVersion 1', () => {
    expect(exportedV1).toContain('"type":"ProposalWithdrawn","schemaVersion":1');
    expect(concord(imported, ['export']).stdout).toBe(exportedV1);
  });

  it('serves it as v2 data with withdrawnBy: null over HTTP', async () => {
    const ledger = await LedgerHarness.start({}, imported);
    try {
      expect(await readProposal(ledger, proposalId)).toMatchObject({
        status: 'withdrawn',
        withdrawal: { reason: 'Superseded by a new text.', withdrawnBy: null, occurredAt: '2022-06-24T00:00:00.000Z' },
      });
      expect(await withdrawalOf(ledger, proposalId)).toEqual(
        expect.objectContaining({
          schemaVersion: 2,
          data: { proposalId, reason: 'Superseded by a new text.', withdrawnBy: null, occurredAt: '2022-06-24T00:00:00.000Z' },
        }),
      );
      const closed = await ledger.post(`/v1/proposals/${proposalId}/withdrawal`, { reason: 'Again.', withdrawnBy: ['ua'], occurredAt: '2022-06-25' });
      expectProblem(closed, 422, 'proposal-closed');
    } finally {
      await ledger.stop({ keepData: true });
    }
  });

  it('reads it as v2 in the CLI too', () => {
    const status = concord(imported, ['status', proposalId]);
    expect(status).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('Withdrawn on 2022-06-24T00:00:00.000Z, who withdrew it is not recorded: Superseded by a new text.'),
    });
  });

  it('refuses an imported v2 withdrawal naming someone who did not table the proposal', async () => {
    const forged = exportedV1
      .split('\n')
      .map((line) => {
        if (!line.includes('"type":"ProposalWithdrawn"')) return line;
        const event = JSON.parse(line) as { data: Record<string, unknown> };
        return JSON.stringify({ ...event, schemaVersion: 2, data: { ...event.data, withdrawnBy: ['ru'] } });
      })
      .join('\n');
    expect(forged).not.toBe(exportedV1);
    const storage = newStorage();
    try {
      const file = join(storage.dataDir, 'forged.jsonl');
      writeFileSync(file, forged);
      const result = concord(storage, ['import', file]);
      expect({ status: result.status, stderr: result.stderr }).toMatchObject({
        status: 1,
        stderr: expect.stringContaining('ProposalWithdrawn breaks a rule of the ledger (not-a-proposer)'),
      });
    } finally {
      await removeStorage(storage);
    }
  });
});
