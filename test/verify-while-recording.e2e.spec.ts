import { execFile } from 'node:child_process';
import { CONCORD } from './support/concord-cli';
import { recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { LedgerHarness } from './support/ledger-harness';
import { LedgerStorage } from './support/ledger-storage';

jest.setTimeout(90_000); // a real ledger process recording while the CLI verifies it, several times

/** `concord verify`, without blocking this process: the ledger goes on recording meanwhile. */
function verify(storage: LedgerStorage): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CONCORD, 'verify', '--json'],
      { env: { PATH: process.env.PATH ?? '', CONCORD_DATA_DIR: storage.dataDir, ...storage.env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('concord verify on a ledger that is recording', () => {
  it('finds nothing altered while events are recorded and checkpoints signed beside it', async () => {
    const ledger = await LedgerHarness.start({ CONCORD_CHECKPOINT_EVERY: '3', CONCORD_CHECKPOINT_INTERVAL_S: '1' });
    try {
      const kp = await recordKimberleyProcess(ledger);
      let recording = true;
      let recorded = 0;
      const writer = (async () => {
        while (recording) {
          await tableProposal(ledger, kp.bodyId);
          recorded += 1;
        }
      })();
      const runs = [];
      for (let round = 0; round < 4; round += 1) runs.push(await verify(ledger.storage));
      recording = false;
      await writer;

      expect(recorded).toBeGreaterThan(4);
      for (const run of runs) {
        expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
        const report = JSON.parse(run.stdout) as { problems: unknown[]; eventsChecked: number; checkpointsChecked: number };
        expect(report.problems).toEqual([]);
        expect(report.checkpointsChecked).toBeGreaterThan(0);
      }
      const checked = runs.map((run) => (JSON.parse(run.stdout) as { eventsChecked: number }).eventsChecked);
      expect(checked.at(-1)).toBeGreaterThan(checked[0] as number);
    } finally {
      await ledger.stop();
    }
  });
});
