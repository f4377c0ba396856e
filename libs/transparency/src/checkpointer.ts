import { formatCheckpointText, signNote, verifyConsistency } from '@concord/verifier';
import { LogTree } from './log-tree';
import { CheckpointSigningKey } from './signing-key';
import { StoredCheckpoint, TransparencyStore } from './transparency-store.port';

/** The tree cannot be signed: it no longer extends the latest checkpoint (the log or the tree was altered). */
export class CheckpointInconsistentError extends Error {
  override readonly name = 'CheckpointInconsistentError';
}

/**
 * Signs checkpoints of the log's tree. A new one is signed only for a larger tree, and only once
 * the tree is proven (with the same consistency proof an auditor would ask for) to extend the
 * latest one signed: a ledger whose history was altered stops being signed instead of being
 * signed again.
 */
export class Checkpointer {
  private signing: Promise<StoredCheckpoint> | undefined;

  constructor(
    private readonly tree: LogTree,
    private readonly store: TransparencyStore,
    private readonly key: CheckpointSigningKey,
    private readonly now: () => Date,
  ) {}

  /** The latest checkpoint after signing the tree as it is now, if it grew; one signing at a time. */
  sign(): Promise<StoredCheckpoint> {
    this.signing ??= this.signNow().finally(() => {
      this.signing = undefined;
    });
    return this.signing;
  }

  private async signNow(): Promise<StoredCheckpoint> {
    const latest = await this.store.latestCheckpoint();
    const size = this.tree.size;
    if (latest && size <= latest.treeSize) return latest;
    const rootHash = await this.tree.rootAt(size);
    if (latest && latest.treeSize > 0) {
      const proof = await this.tree.consistencyProof(latest.treeSize, size);
      if (!verifyConsistency({ fromSize: latest.treeSize, toSize: size, proof, fromRoot: latest.rootHash, toRoot: rootHash })) {
        throw new CheckpointInconsistentError(
          `the tree of ${size} leaves does not extend the checkpoint of ${latest.treeSize}: the log or the tree was changed after that checkpoint was signed`,
        );
      }
    }
    const text = formatCheckpointText({ origin: this.key.name, size, rootHash });
    const checkpoint: StoredCheckpoint = {
      treeSize: size,
      rootHash,
      note: signNote(text, { name: this.key.name, privateKey: this.key.privateKey }),
      keyName: this.key.name,
      signedAt: this.now().toISOString(),
    };
    // Another instance may have signed this size first: Ed25519 signatures are deterministic, so
    // with the same key the notes are the same bytes; the stored one stands either way.
    if (await this.store.addCheckpoint(checkpoint)) return checkpoint;
    return (await this.store.checkpointOfSize(size)) ?? checkpoint;
  }
}
