import { parseVerifierKey, VerifierKeyError } from '@concord/verifier';
import { CliArguments, stringOption, UsageError } from './cli-arguments';

/**
 * The verifier keys given with `--key` (comma-separated), or undefined when absent. A key that is
 * not one is bad usage, refused before anything is read: checked later, against each checkpoint,
 * it would read as a checkpoint nobody trusted signed.
 */
export function verifierKeysOption(args: CliArguments, name: string): string[] | undefined {
  const keys = stringOption(args, name)
    ?.split(',')
    .map((key) => key.trim());
  for (const key of keys ?? []) {
    try {
      parseVerifierKey(key);
    } catch (error) {
      if (!(error instanceof VerifierKeyError)) throw error;
      throw new UsageError(`--${name} ${JSON.stringify(key)} is not a verifier key (${error.message}); give it as GET /v1/audit/keys lists it`);
    }
  }
  return keys;
}
