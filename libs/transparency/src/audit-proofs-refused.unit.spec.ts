import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditProofs } from './audit-proofs';
import { FileCheckpointMemory } from './checkpoint-memory';
import { CheckpointInconsistentError, Checkpointer } from './checkpointer';
import { signingKeyOf } from './signing-key';
import { treeOfLog } from './testing/tree-of-log';

const own = signingKeyOf('test.example/log', generateKeyPairSync('ed25519').privateKey, false);
const forger = signingKeyOf('test.example/log', generateKeyPairSync('ed25519').privateKey, false);

describe('proofs served by an instance that found its log rewritten', () => {
  let directory: string;
  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'concord-refused-'))));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('serves no checkpoint, list of checkpoints or proof from the start while the store lacks the checkpoint it signed, and serves them once that file is moved away', async () => {
    const memory = new FileCheckpointMemory(join(directory, 'last-signed-checkpoint.txt'));
    const original = await treeOfLog(6, (index) => `statement ${index}`);
    await new Checkpointer(original.tree, original.transparency, own, () => new Date(), { memory }).sign();

    // The fourth event changed, the tree built again and signed by another key, as whoever rewrote the store would.
    const forged = await treeOfLog(6, (index) => (index === 3 ? 'forged' : `statement ${index}`));
    await new Checkpointer(forged.tree, forged.transparency, forger, () => new Date()).sign();
    const checkpointer = new Checkpointer(forged.tree, forged.transparency, own, () => new Date(), { memory });
    const proofs = new AuditProofs(forged.store, forged.tree, forged.transparency, () => checkpointer.inconsistentBecause());

    // Before any signing was tried: a start still computing its tree serves nothing either.
    await expect(proofs.latest()).rejects.toThrow(/serves no checkpoint or proof of them until an operator deals with it/);
    await expect(proofs.latest()).rejects.toThrow(/the store's checkpoint of 6 events is another note/);
    await expect(proofs.checkpoints(0, 10)).rejects.toThrow(CheckpointInconsistentError);
    await expect(proofs.inclusion(2, undefined)).rejects.toThrow(CheckpointInconsistentError);
    await expect(proofs.consistency(2, 6)).rejects.toThrow(CheckpointInconsistentError);
    await expect(checkpointer.sign()).rejects.toThrow(CheckpointInconsistentError);
    // What a request is told, whatever its role, names the file but not where the server keeps it; the message, for the server's log, does.
    // One after the other: a refusal made before it is awaited would be a rejection no one handles.
    for (const refuse of [() => proofs.latest(), () => checkpointer.sign()]) {
      const { message, answered } = (await refuse().catch((error: unknown) => error)) as CheckpointInconsistentError;
      expect(message).toContain(`kept in ${memory.where}`);
      expect(answered).toContain('kept in last-signed-checkpoint.txt in its data directory');
      expect(answered).not.toContain(directory);
    }

    // An operator who restored this store on purpose moves the file away: served again at once.
    rmSync(memory.where);
    expect((await proofs.latest()).treeSize).toBe(6);
  });

  it('serves them on the store that holds the checkpoint it signed', async () => {
    const memory = new FileCheckpointMemory(join(directory, 'last-signed-checkpoint.txt'));
    const ledger = await treeOfLog(6, (index) => `statement ${index}`);
    const checkpointer = new Checkpointer(ledger.tree, ledger.transparency, own, () => new Date(), { memory });
    await checkpointer.sign();
    const proofs = new AuditProofs(ledger.store, ledger.tree, ledger.transparency, () => checkpointer.inconsistentBecause());
    expect((await proofs.latest()).treeSize).toBe(6);
    expect((await proofs.checkpoints(0, 10)).checkpoints).toHaveLength(1);
  });
});
