import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { UsageError } from './cli-arguments';

/**
 * A file the command line names (a checkpoint, a proof, an export) that cannot be read is a
 * mistake in the call, not a finding about the ledger: bad usage, saying which option named it.
 */
export function readNamedFile(file: string, named: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${named} ${file} cannot be read: ${reasonOf(error)}`);
  }
}

/** As `readNamedFile`, for a file read later as a stream (an export may be larger than memory). */
export function assertReadableFile(file: string, named: string): void {
  try {
    accessSync(file, constants.R_OK);
  } catch (error) {
    throw new UsageError(`${named} ${file} cannot be read: ${reasonOf(error)}`);
  }
  if (statSync(file).isDirectory()) throw new UsageError(`${named} ${file} cannot be read: it is a directory`);
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return (error as Error).message;
}
