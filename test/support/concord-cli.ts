import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { LedgerStorage, newStorage, removeStorage } from './ledger-storage';

export const CONCORD = join(__dirname, '..', '..', 'bin', 'concord.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `concord` binary against a ledger's storage, as an operator would. */
export function concord(storage: LedgerStorage, args: string[]): CliRun {
  const result = spawnSync(process.execPath, [CONCORD, ...args], {
    env: { PATH: process.env.PATH ?? '', CONCORD_DATA_DIR: storage.dataDir, ...storage.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * What the ledger recorded exports, and imports into a fresh ledger as exactly the same log: the
 * import's rules must accept everything the API accepted.
 */
export async function expectExportRoundTrips(storage: LedgerStorage): Promise<void> {
  const exported = concord(storage, ['export']);
  expect({ status: exported.status, stderr: exported.stderr }).toMatchObject({ status: 0 });
  const target = newStorage();
  try {
    const file = join(target.dataDir, 'round-trip.jsonl');
    writeFileSync(file, exported.stdout);
    const imported = concord(target, ['import', file]);
    expect({ status: imported.status, stderr: imported.stderr }).toMatchObject({ status: 0 });
    expect(concord(target, ['export']).stdout).toBe(exported.stdout);
  } finally {
    await removeStorage(target);
  }
}
