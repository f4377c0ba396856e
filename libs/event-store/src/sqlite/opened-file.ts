import { statSync } from 'node:fs';
import { StoreUnavailableError } from '../event-store.errors';
import { IN_MEMORY_PATH } from './sqlite-connection';

/**
 * The ledger's file as it was opened. SQLite goes on writing to a file removed (or replaced by a
 * restore) while open, and every append would be acknowledged and then be gone at the next start:
 * appends are refused instead once the path no longer names the file opened.
 */
export class OpenedFile {
  private readonly identity: string | undefined;

  constructor(private readonly path: string) {
    this.identity = path === IN_MEMORY_PATH || path === '' ? undefined : identityOf(path);
  }

  assertStillThere(): void {
    if (this.identity === undefined) return;
    const now = identityOf(this.path);
    if (now === this.identity) return;
    const what = now === undefined ? 'removed' : 'replaced by another file';
    throw new StoreUnavailableError(
      `the SQLite file ${this.path} was ${what} while the ledger had it open: nothing more is recorded; stop the ledger, put the file back (or restore it from a backup) and start again`,
    );
  }
}

function identityOf(path: string): string | undefined {
  const stats = statSync(path, { throwIfNoEntry: false, bigint: true });
  return stats === undefined ? undefined : `${stats.dev}:${stats.ino}`;
}
