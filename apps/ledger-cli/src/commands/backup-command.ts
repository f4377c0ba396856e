import Database from 'better-sqlite3';
import { rmSync, statSync } from 'node:fs';
import { Finding } from '../finding';
import { Progress } from '../progress';

/**
 * Pages copied per step: all of them, in one step. In WAL mode one step reads one snapshot while
 * writers go on; copied in small steps, every write in between would start the copy over from the
 * first page, and a large ledger that records often would never finish. (-1 is clamped to 0.)
 */
const ALL_PAGES = 0x7fffffff;

export interface BackupReport {
  readonly file: string;
  readonly events: number;
  readonly bytes: number;
}

/**
 * A consistent copy, to a file that does not exist yet, of the SQLite ledger file, taken while APIs
 * may be appending to it (SQLite's online backup, of one snapshot). The copy is one file (journal
 * mode DELETE, no `-wal` beside it), checked whole before it is reported. Copying `ledger.sqlite`
 * by hand while an API runs leaves out what its `-wal` file holds.
 */
export async function backupSqliteLedger(sourceFile: string, target: string, progress: Progress): Promise<BackupReport> {
  try {
    return await copyAndCheck(sourceFile, target, progress);
  } catch (error) {
    // A copy cut short or failing its check is no backup: it must not be kept and taken for one.
    rmSync(target, { force: true });
    throw error;
  }
}

async function copyAndCheck(sourceFile: string, target: string, progress: Progress): Promise<BackupReport> {
  const source = new Database(sourceFile, { fileMustExist: true, timeout: 5000 });
  try {
    const holdsALog = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined;
    if (!holdsALog) throw new Finding(`${sourceFile} is a SQLite file but no ledger (it holds no events table): nothing was backed up`);
    await source.backup(target, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new Finding(`the copy failed SQLite's integrity check (${String(integrity)}), so it was removed: the ledger file itself may be damaged`);
    const events = copy.prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck().get() ?? 0;
    progress.advance(events);
    progress.finish();
    return { file: target, events, bytes: statSync(target).size };
  } finally {
    copy.close();
  }
}
