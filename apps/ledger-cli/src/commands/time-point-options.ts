import { InvalidQueryError, parseTimePoint } from '@concord/ledger';
import { TimePoint } from '@concord/projections';
import { CliArguments, UsageError } from '../cli-arguments';

export const TIME_POINT_OPTIONS = ['as-of', 'effective-at', 'at-position'] as const;

const FLAG_OF: Readonly<Record<string, string>> = { asOf: '--as-of', effectiveAt: '--effective-at', atPosition: '--at-position' };

/** `--as-of T | --effective-at T | --at-position N`, read by the same rules as the API's query parameters. */
export function timePointOption(args: CliArguments, now: Date): TimePoint {
  const given = TIME_POINT_OPTIONS.filter((name) => args.options.has(name));
  if (given.length > 1)
    throw new UsageError(`give only one of --as-of, --effective-at, --at-position (${given.map((name) => `--${name}`).join(' and ')} were given)`);
  const value = (name: string): string | undefined => {
    const option = args.options.get(name);
    if (option === true) throw new UsageError(`--${name} needs a value`);
    return option;
  };
  try {
    return parseTimePoint({ asOf: value('as-of'), effectiveAt: value('effective-at'), atPosition: value('at-position') }, now);
  } catch (error) {
    if (!(error instanceof InvalidQueryError)) throw error;
    const [first] = error.errors;
    throw new UsageError(`${FLAG_OF[first?.field ?? ''] ?? 'a time option'} ${first?.messages.join('; ') ?? 'is not valid'}`);
  }
}
