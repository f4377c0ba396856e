import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LedgerStorage } from './ledger-storage';

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
