import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDirectory } from '@concord/event-store';
import { formatVerifierKey } from '@concord/verifier';

export const GENERATED_SIGNING_KEY_FILE = 'checkpoint-signing-key.pem';

/** The Ed25519 key that signs checkpoints, under the log's origin as its name. */
export interface CheckpointSigningKey {
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly publicKey: Uint8Array;
  readonly publicKeyPem: string;
  /** Go's `note` verifier format, what an auditor pins. */
  readonly verifierKey: string;
  /** True when this start generated it: its verifier key should be logged for the operator. */
  readonly generated: boolean;
}

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

/**
 * Reads `CONCORD_SIGNING_KEY_FILE` (PKCS#8 PEM, Ed25519), or the key generated into the data
 * directory, generating it on the first start (readable by the owner only).
 */
export function loadSigningKey(name: string, keyFile: string | undefined, dataDir: string): CheckpointSigningKey {
  if (keyFile !== undefined) return signingKeyOf(name, readKey(keyFile), false);
  const generatedFile = join(dataDir, GENERATED_SIGNING_KEY_FILE);
  try {
    return signingKeyOf(name, readKey(generatedFile), false);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  makeDirectory(dirname(generatedFile));
  try {
    // 'wx': two processes starting together must not both write one; the loser reads the winner's.
    writeFileSync(generatedFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return signingKeyOf(name, readKey(generatedFile), false);
    throw error;
  }
  return signingKeyOf(name, privateKey, true);
}

/**
 * The public key of the key the API signs with (its key file, or the one it generated in
 * `dataDir`), if there is one: read, never generated. `concord verify` checks the checkpoint the
 * API remembers with it, since keys published in the store are only as safe as the store.
 */
export function ownSigningPublicKey(keyFile: string | undefined, dataDir: string): Uint8Array | undefined {
  try {
    return rawPublicKey(createPublicKey(readKey(keyFile ?? join(dataDir, GENERATED_SIGNING_KEY_FILE))));
  } catch {
    return undefined;
  }
}

function readKey(file: string): KeyObject {
  const pem = readFileSync(file, 'utf8');
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new SigningKeyError(`${file} is not a PKCS#8 PEM private key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new SigningKeyError(`${file} holds a ${key.asymmetricKeyType ?? 'non-asymmetric'} key; checkpoints are signed with Ed25519`);
  return key;
}

export function signingKeyOf(name: string, privateKey: KeyObject, generated: boolean): CheckpointSigningKey {
  const publicKeyObject = createPublicKey(privateKey);
  const publicKey = rawPublicKey(publicKeyObject);
  return {
    name,
    privateKey,
    publicKey,
    publicKeyPem: publicKeyObject.export({ type: 'spki', format: 'pem' }).toString(),
    verifierKey: formatVerifierKey(name, publicKey),
    generated,
  };
}

/** The 32 bytes of an Ed25519 public key: its SPKI DER is a fixed 12-byte prefix and them. */
function rawPublicKey(publicKeyObject: KeyObject): Uint8Array {
  return new Uint8Array(publicKeyObject.export({ type: 'spki', format: 'der' }).subarray(-32));
}
