import { holdWriteLock } from './hold-write-lock';

export type Finished = 'timer' | 'write';

/**
 * Starts `write` while another connection holds the file's write lock for `holdMs` more, with a
 * timer set to fire `timerMs` after it starts, and answers which of the two finished first (the
 * write waits for the lock, so it ends after the holder lets go). `['timer', 'write']`: the write
 * waited with the event loop free. `['write', 'timer']`: it waited in SQLite's busy handler, which
 * sleeps on this thread, so not even a timer could run until the lock was let go. The bounds are
 * far apart (by default 100 ms against 1.5 s), so the answer does not depend on the machine's speed.
 */
export async function finishedWhileLocked(filePath: string, write: () => Promise<unknown>, { holdMs = 1500, timerMs = 100 } = {}): Promise<Finished[]> {
  const held = await holdWriteLock(filePath, holdMs);
  const finished: Finished[] = [];
  held.holdFromNow();
  const timer = new Promise<void>((resolve) => setTimeout(resolve, timerMs)).then(() => finished.push('timer'));
  const written = write().then(() => finished.push('write'));
  await Promise.all([timer, written, held.released]);
  return finished;
}
