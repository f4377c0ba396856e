import { mkdirSync, Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates `path` and any missing parents, one level at a time from the nearest one that exists.
 * Node's own `mkdirSync(path, { recursive: true })` never returns under some pseudo file systems
 * (`/proc/anything`: it retries the parent it cannot create forever), so a misconfigured data
 * path would hang the start instead of failing with a message. Each level made here either exists
 * afterwards or throws the system's error (ENOENT, EACCES, ENOTDIR) at once.
 */
export function makeDirectory(path: string): void {
  const missing: string[] = [];
  let level = resolve(path);
  let found = statOf(level);
  // A file where the directory should be: the system's own EEXIST, as a recursive mkdir gives it.
  if (found !== undefined && !found.isDirectory()) mkdirSync(level);
  while (found === undefined) {
    missing.unshift(level);
    const parent = dirname(level);
    if (parent === level) break;
    level = parent;
    found = statOf(level);
  }
  for (const directory of missing) {
    try {
      mkdirSync(directory);
    } catch (error) {
      // Made meanwhile by another process starting on the same directory: what was asked holds, if
      // what is there now is a directory (not a file, nor a link that leads nowhere).
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || statOf(directory)?.isDirectory() !== true) throw error;
    }
  }
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
