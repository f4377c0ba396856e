import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Checkpointer, FileCheckpointMemory, signingKeyOf } from '@concord/transparency';
import { treeOfLog } from '../../../../../libs/transparency/src/testing/tree-of-log';
import { verifyStore } from './verify-command';

const LOG = 'ledger.example/log';
const own = signingKeyOf(LOG, generateKeyPairSync('ed25519').privateKey, false);
const forger = signingKeyOf(LOG, generateKeyPairSync('ed25519').privateKey, false);

/** A log of six events, its tree, and every checkpoint signed by `key`, which is the only key the store publishes. */
async function signedLedger(key: typeof own, memory?: FileCheckpointMemory, texts?: (index: number) => string) {
  const { store, transparency, tree } = await treeOfLog(6, texts);
  await transparency.publishKey({ name: key.name, verifierKey: key.verifierKey, publicKeyPem: key.publicKeyPem, from: new Date().toISOString() });
  await new Checkpointer(tree, transparency, key, () => new Date(), memory ? { memory } : {}).sign();
  return { store, transparency };
}

const CHECKPOINT_KINDS = ['signature-invalid', 'checkpoint-mismatch', 'checkpoint-malformed', 'rolled-back', 'content-changed', 'checkpoints-missing'];

describe('concord verify and the checkpoint the API remembers in its data directory', () => {
  let directory: string;
  let rememberedCheckpointFile: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'concord-verify-'));
    rememberedCheckpointFile = join(directory, 'last-signed-checkpoint.txt');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('finds a log rewritten and signed again by a key published in the store in place of the ledger’s, by the API’s own key', async () => {
    await signedLedger(own, new FileCheckpointMemory(rememberedCheckpointFile));
    // The fourth event changed, the tree built again, every checkpoint signed by another key, the only one published.
    const forged = await signedLedger(forger, undefined, (index) => (index === 3 ? 'forged' : `statement ${index}`));

    const report = await verifyStore(forged.store, forged.transparency, { rememberedCheckpointFile, ownPublicKey: own.publicKey });
    const found = report.problems.filter((problem) => CHECKPOINT_KINDS.includes(problem.kind));
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((problem) => problem.message).join('\n')).toContain('the checkpoint the API signed last');
    expect(found.some((problem) => problem.kind === 'signature-invalid')).toBe(false);
  });

  it('reports the remembered checkpoint as signed by no key it knows when the API’s own key cannot be read, rather than pass it over', async () => {
    await signedLedger(own, new FileCheckpointMemory(rememberedCheckpointFile));
    const forged = await signedLedger(forger, undefined, (index) => (index === 3 ? 'forged' : `statement ${index}`));

    const report = await verifyStore(forged.store, forged.transparency, { rememberedCheckpointFile });
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'signature-invalid', message: expect.stringContaining('the checkpoint the API signed last') }),
    );
  });

  it('finds nothing on the ledger that signed it', async () => {
    const ledger = await signedLedger(own, new FileCheckpointMemory(rememberedCheckpointFile));
    const report = await verifyStore(ledger.store, ledger.transparency, { rememberedCheckpointFile, ownPublicKey: own.publicKey });
    expect(report.problems.filter((problem) => CHECKPOINT_KINDS.includes(problem.kind))).toEqual([]);
  });
});
