import { formatCheckpointText, parseCheckpoint, signNote, verifyConsistency, verifyNote } from '@concord/verifier';
import { LogTree } from './log-tree';
import { CheckpointSigningKey } from './signing-key';
import { StoredCheckpoint, TransparencyStore } from './transparency-store.port';

/** The tree cannot be signed: it no longer extends the latest checkpoint (the log or the tree was altered). */
export class CheckpointInconsistentError extends Error {
  override readonly name = 'CheckpointInconsistentError';
}

/**
 * This instance's key is not the one the log is signed with now: another instance sharing the
 * database started with another key (or this one under another name), which closed this key's
 * period. A checkpoint it signed would be signed after its key's published end.
 */
export class SigningKeySupersededError extends Error {
  override readonly name = 'SigningKeySupersededError';
}

/**
 * Signs checkpoints of the log's tree. A new one is signed only for a larger tree, and only once
 * the tree is proven (with the same consistency proof an auditor would ask for) to extend the
 * latest one signed: a ledger whose history was altered stops being signed instead of being
 * signed again.
 */
export class Checkpointer {
  private signing: Promise<StoredCheckpoint> | undefined;
  private refusal: string | undefined;

  constructor(
    private readonly tree: LogTree,
    private readonly store: TransparencyStore,
    private readonly key: CheckpointSigningKey,
    private readonly now: () => Date,
  ) {}

  /**
   * The latest checkpoint after signing the tree as it is now, if it grew; one signing at a time.
   * A caller that finds a signing under way waits for it, and signs again if the tree has grown
   * past it meanwhile, so that what it gets covers the tree as it was when it asked.
   */
  async sign(): Promise<StoredCheckpoint> {
    const wanted = this.tree.size;
    for (;;) {
      this.signing ??= this.signNow().finally(() => {
        this.signing = undefined;
      });
      const signed = await this.signing;
      if (signed.treeSize >= wanted) return signed;
    }
  }

  /** Signs nothing more: the tree was found not to describe the log (see `TreeFollower.start`). */
  refuse(reason: string): void {
    this.refusal = reason;
  }

  private async signNow(): Promise<StoredCheckpoint> {
    if (this.refusal !== undefined) throw new CheckpointInconsistentError(this.refusal);
    const latest = await this.store.latestCheckpoint();
    const size = this.tree.size;
    if (latest && size <= latest.treeSize) return latest;
    await this.requireOpenKey();
    const rootHash = await this.tree.rootAt(size);
    if (latest && latest.treeSize > 0) {
      const proof = await this.tree.consistencyProof(latest.treeSize, size);
      if (!verifyConsistency({ fromSize: latest.treeSize, toSize: size, proof, fromRoot: await this.signedRoot(latest), toRoot: rootHash })) {
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

  /** Refuses to sign with a key whose published period another key's start has closed. */
  private async requireOpenKey(): Promise<void> {
    const open = (await this.store.publishedKeys()).find((key) => key.until === null);
    if (open === undefined || open.verifierKey === this.key.verifierKey) return;
    throw new SigningKeySupersededError(
      `the log is signed with ${open.verifierKey} since ${open.from}, which closed this instance's key ${this.key.verifierKey}: ` +
        'it signs no checkpoint, so that none is signed after its key was closed. Give every instance sharing the database the same ' +
        'CONCORD_SIGNING_KEY_FILE and CONCORD_LOG_ORIGIN, and start this one again',
    );
  }

  /**
   * The root the latest checkpoint's signature covers, not the column stored beside it: someone
   * who rewrote the tables could change that column too, but cannot sign with a published key.
   */
  private async signedRoot(latest: StoredCheckpoint): Promise<Uint8Array> {
    const keys = [this.key.verifierKey, ...(await this.store.publishedKeys()).map((key) => key.verifierKey)];
    try {
      return parseCheckpoint(verifyNote(latest.note, keys).text).rootHash;
    } catch (error) {
      throw new CheckpointInconsistentError(`the latest checkpoint (${latest.treeSize} events) is not signed by a published key: ${(error as Error).message}`);
    }
  }
}
