import { generateKeyPairSync } from 'node:crypto';
import { formatVerifierKey } from '@concord/verifier';
import { parseArguments, UsageError } from './cli-arguments';
import { verifierKeysOption } from './verifier-key-option';

const aKey = (): string => {
  const { publicKey } = generateKeyPairSync('ed25519');
  return formatVerifierKey('concord.test', new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)));
};

const keysOf = (...argv: string[]) => verifierKeysOption(parseArguments(['verify', ...argv]), 'key');

describe('the --key option of concord verify and verify-proof', () => {
  it('gives the verifier keys, comma-separated, and none when absent', () => {
    const [first, second] = [aKey(), aKey()];
    expect(keysOf('--key', `${first}, ${second}`)).toEqual([first, second]);
    expect(keysOf()).toBeUndefined();
  });

  it('refuses as bad usage a key that is not one, naming it and why', () => {
    expect(() => keysOf('--key', 'garbage')).toThrow(UsageError);
    expect(() => keysOf('--key', 'garbage')).toThrow('--key "garbage" is not a verifier key (a verifier key is <name>+<hash>+<key>)');
    expect(() => keysOf('--key', `${aKey()},`)).toThrow(UsageError);
    expect(() => keysOf('--key', 'someone+00000000+AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=')).toThrow(/does not match name and key/);
  });
});
