import { accessSync, constants, existsSync } from 'node:fs';

/**
 * The first of a SQLite store's files (the database, and its `-wal` and `-shm` where they exist)
 * this process cannot write, with the system's reason; undefined when it can write them all.
 * SQLite opens a file it cannot write read-only without a word, and every append would then be
 * refused while the API looked healthy, so a start says so at once instead.
 */
export function unwritableSqliteFile(
  file: string,
  access: (path: string) => void = (path) => accessSync(path, constants.W_OK),
  exists: (path: string) => boolean = existsSync,
): { readonly path: string; readonly reason: string } | undefined {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (!exists(path)) continue;
    try {
      access(path);
    } catch (error) {
      return { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
    }
  }
  return undefined;
}
