import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseCheckpoint, parseSignedNote } from '@concord/verifier';
import { CheckpointInconsistentError } from './checkpointer';

/** The file in the data directory that keeps the latest checkpoint the API signed. */
export const LAST_SIGNED_CHECKPOINT_FILE = 'last-signed-checkpoint.txt';

/** How far the checkpoint a signer remembers covers the log. */
export interface RememberedCheckpoint {
  readonly treeSize: number;
  readonly note: string;
}

/**
 * The latest checkpoint this signer signed, kept outside the store, beside its key. The store's
 * own checkpoints can be removed or replaced by anyone who can write to the database; were the
 * signer to trust them alone, it would sign whatever history it then found there, with its real
 * key, as if it had never signed another. What it remembers the store must still hold.
 */
export interface CheckpointMemory {
  /** Where it is kept, as the server's log names it. */
  readonly where: string;
  /** Where it is kept, as an answer to any caller names it: not the server's paths, which are its operator's alone. */
  readonly whereAnswered: string;
  recall(): Promise<RememberedCheckpoint | undefined>;
  remember(note: string): Promise<void>;
}

/** A memory in one file, replaced whole (written beside it, flushed, renamed), so that a crash leaves the old note or the new. */
export class FileCheckpointMemory implements CheckpointMemory {
  readonly whereAnswered: string;

  constructor(readonly where: string) {
    this.whereAnswered = `${basename(where)} in its data directory`;
  }

  async recall(): Promise<RememberedCheckpoint | undefined> {
    let note: string;
    try {
      note = await readFile(this.where, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return { treeSize: parseCheckpoint(parseSignedNote(note).text).size, note };
    } catch (error) {
      const because = (kept: string) =>
        `${kept} should hold the latest checkpoint this instance signed, but it is no signed checkpoint (${(error as Error).message}); nothing more is signed until it is restored`;
      throw new CheckpointInconsistentError(because(this.where), because(this.whereAnswered));
    }
  }

  /**
   * Keeps `note` unless a larger checkpoint of the same key is kept already (instances sharing the
   * directory sign the same sizes at once), through a file of its own name, so that two writers never write into
   * one file; the directory is made if the ledger has written nothing into it yet.
   */
  async remember(note: string): Promise<void> {
    const size = parseCheckpoint(parseSignedNote(note).text).size;
    const kept = await this.recall().catch(() => undefined);
    if (kept !== undefined && kept.treeSize >= size && signerOf(kept.note) === signerOf(note)) return;
    await mkdir(dirname(this.where), { recursive: true, mode: 0o700 });
    const next = `${this.where}.${process.pid}-${randomBytes(4).toString('hex')}`;
    const file = await open(next, 'w', 0o600);
    try {
      await file.writeFile(note, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(next, this.where);
  }
}

/** The key a note is signed with, by its name and key hash: a memory of another key's log is replaced whatever its size. */
function signerOf(note: string): string {
  return parseSignedNote(note)
    .signatures.map(({ name, keyHash }) => `${name}+${keyHash}`)
    .join(' ');
}
