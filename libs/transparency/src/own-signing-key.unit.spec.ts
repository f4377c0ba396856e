import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_SIGNING_KEY_FILE, loadSigningKey, ownSigningPublicKey } from './signing-key';

describe('ownSigningPublicKey: the public key of the key the API signs with, read from its file', () => {
  let directory: string;
  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'concord-own-key-'))));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('is the public key of the key generated in the data directory', () => {
    const generated = loadSigningKey('ledger.example/log', undefined, directory);
    expect(ownSigningPublicKey(undefined, directory)).toEqual(generated.publicKey);
  });

  it('is the public key of the key file named, when one is', () => {
    const file = join(directory, 'named.pem');
    writeFileSync(file, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const named = loadSigningKey('ledger.example/log', file, directory);
    expect(ownSigningPublicKey(file, directory)).toEqual(named.publicKey);
  });

  it('is none where there is no key file, and generates none', () => {
    expect(ownSigningPublicKey(undefined, directory)).toBeUndefined();
    expect(ownSigningPublicKey(undefined, directory)).toBeUndefined();
    expect(() => loadSigningKey('ledger.example/log', join(directory, GENERATED_SIGNING_KEY_FILE), directory)).toThrow();
  });
});
