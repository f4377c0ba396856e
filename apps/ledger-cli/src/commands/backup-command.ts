import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { Progress } from '../progress';

/** Pages copied per step: between steps, the API's appends go on. */
const PAGES_PER_STEP = 256;

export interface BackupReport {
  readonly file: string;
  readonly events: number;
  readonly bytes: number;
}

/**
 * A consistent copy, to a file that does not exist yet, of the SQLite ledger file, taken while APIs may be appending to it (SQLite's
 * online backup: a write during the copy starts it again from where the file changed). The copy
 * is one file (journal mode DELETE, no `-wal` beside it), checked whole before it is reported.
 * Copying `ledger.sqlite` by hand while an API runs leaves out what its `-wal` file holds.
 */
export async function backupSqliteLedger(sourceFile: string, target: string, progressOf: (pages: number) => Progress): Promise<BackupReport> {
  const source = new Database(sourceFile, { fileMustExist: true, timeout: 5000 });
  try {
    let progress: Progress | undefined;
    let copied = 0;
    await source.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        progress ??= progressOf(totalPages);
        progress.advance(totalPages - remainingPages - copied);
        copied = totalPages - remainingPages;
        return PAGES_PER_STEP;
      },
    });
    progress?.finish();
  } finally {
    source.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the backup ${target} failed SQLite's integrity check: ${String(integrity)}`);
    const events = copy.prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck().get() ?? 0;
    return { file: target, events, bytes: statSync(target).size };
  } finally {
    copy.close();
  }
}
