import { readNamedFile } from '../../named-file';
import { parseCheckpoint, parseSignedNote } from '@concord/verifier';
import { UsageError } from '../../cli-arguments';

/**
 * What is wrong with a checkpoint's form, before any signature is checked: a signed note whose text
 * is a checkpoint (origin, size, root). `undefined` when it has that form.
 */
export function checkpointFormProblem(note: string): string | undefined {
  try {
    parseCheckpoint(parseSignedNote(note).text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A checkpoint the auditor gives in a file: one that is not a signed checkpoint at all is bad
 * usage (exit 2), not a finding about the log; whether its signature holds is checked after.
 */
export function readCheckpointFile(file: string, option: string): string {
  const note = readNamedFile(file, option);
  const problem = checkpointFormProblem(note);
  if (problem !== undefined)
    throw new UsageError(`${option} ${file} is not a signed checkpoint (${problem}): save one as GET /v1/audit/checkpoint answers it, unchanged`);
  return note;
}
