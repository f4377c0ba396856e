import type { Database } from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { isBusySqliteFailure } from './sqlite-errors';

/** The pauses between tries, as SQLite's own busy handler spaces its sleeps; the last repeats. */
const PAUSES_MS = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];

/**
 * Makes a connection of the event loop's thread (the read side's rows, the transparency tables,
 * API keys, webhooks) give up at once when it meets another connection's write lock, instead of
 * letting SQLite's busy handler sleep for it: that sleep is synchronous, and on this thread it
 * would stop every request, `/health/live` included, for as long as the lock is held, up to the
 * busy timeout. Its writes then go through `writeWhenUnlocked`, which waits for the lock without
 * blocking. Call it once the file is opened and migrated (the opening itself may wait as before:
 * nothing is served yet). Reads need no lock in WAL mode and are not affected.
 */
export function neverWaitOnTheEventLoop(db: Database): void {
  db.pragma('busy_timeout = 0');
}

/**
 * Runs `write` (one statement, or one transaction function) on a connection set up by
 * `neverWaitOnTheEventLoop`; while another connection holds the file's write lock, tries again
 * after a pause that leaves the event loop free, for at most `waitMs` in all, as the busy timeout
 * would have. A write refused for the lock changed nothing (its statement or transaction was
 * rolled back), so trying it again is safe. The last refusal (`SQLITE_BUSY`) is thrown once the
 * time is up; any other failure at once.
 */
export async function writeWhenUnlocked<T>(write: () => T, waitMs: number, now: () => number = Date.now): Promise<T> {
  const deadline = now() + waitMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return write();
    } catch (error) {
      const left = deadline - now();
      if (!isBusySqliteFailure(error) || left <= 0) throw error;
      await sleep(Math.min(PAUSES_MS[Math.min(attempt, PAUSES_MS.length - 1)] as number, left));
    }
  }
}
