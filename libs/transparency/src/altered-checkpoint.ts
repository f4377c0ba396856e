import { parseCheckpoint, parseSignedNote } from '@concord/verifier';
import { CheckpointInconsistentError } from './checkpointer';
import { StoredCheckpoint } from './transparency-store.port';

/**
 * A stored checkpoint must be listed with the size and root its signed note says: whoever edits
 * the row's columns cannot edit the signature to match. One that is not was altered after it was
 * signed, which is said as such (as `concord verify` says `checkpoint-altered`), rather than
 * blaming the log for not extending a size no one signed.
 */
export function assertCheckpointAsSigned(checkpoint: StoredCheckpoint): void {
  let signed: { size: number; rootHash: Uint8Array };
  try {
    signed = parseCheckpoint(parseSignedNote(checkpoint.note).text);
  } catch (error) {
    throw new CheckpointInconsistentError(`the latest checkpoint stored (${checkpoint.treeSize} events) is no signed checkpoint: ${(error as Error).message}`);
  }
  if (signed.size === checkpoint.treeSize && Buffer.from(signed.rootHash).equals(Buffer.from(checkpoint.rootHash))) return;
  throw new CheckpointInconsistentError(
    `the latest checkpoint stored is listed with ${checkpoint.treeSize} events and root ${Buffer.from(checkpoint.rootHash).toString('base64')}, but its signed note says ${signed.size} events and root ${Buffer.from(signed.rootHash).toString('base64')}: the stored checkpoint was altered after it was signed (concord verify: checkpoint-altered)`,
  );
}
