/** A mistake in how the command was called: exit code 2, with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliArguments {
  readonly command: string;
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

/** `concord <command> [positionals] [--flag] [--option value | --option=value]`. */
export function parseArguments(argv: readonly string[]): CliArguments {
  const [first, ...rest] = argv;
  const command = first === '--help' || first === '-h' ? 'help' : first;
  if (command === undefined || command.startsWith('-')) throw new UsageError('name a command');
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i += 1) {
    const word = rest[i] as string;
    if (!word.startsWith('--')) {
      positionals.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (options.has(name)) throw new UsageError(`--${name} is given twice`);
    const next = rest[i + 1];
    if (inline !== undefined) options.set(name, inline);
    else if (next !== undefined && !next.startsWith('--') && VALUED.has(name)) {
      options.set(name, next);
      i += 1;
    } else options.set(name, true);
  }
  return { command, positionals, options };
}

const VALUED = new Set([
  'from',
  'to',
  'as-of',
  'effective-at',
  'at-position',
  'to-position',
  'after',
  'types',
  'body-id',
  'checkpoint',
  'old-checkpoint',
  'key',
  'export',
  'tree-size',
]);

/** Refuses options the command does not know, so a typo is never silently ignored. */
export function allowOnly(args: CliArguments, allowed: readonly string[]): void {
  for (const name of args.options.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`${args.command} does not take --${name}`);
  }
}

/** A whole number option (positions), or undefined when absent. */
export function positionOption(args: CliArguments, name: string): number | undefined {
  const value = args.options.get(name);
  if (value === undefined) return undefined;
  if (value === true || !/^\d+$/.test(value)) throw new UsageError(`--${name} takes a global position (a whole number)`);
  return Number(value);
}

/** A text option, or undefined when absent; a flag given without its value is a usage error. */
export function stringOption(args: CliArguments, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new UsageError(`--${name} takes a value`);
  return value;
}

/** Whether a flag is given; a flag given a value (`--flag=x`) is a usage error. */
export function flagOption(args: CliArguments, name: string): boolean {
  const value = args.options.get(name);
  if (value !== undefined && value !== true) throw new UsageError(`--${name} takes no value`);
  return value === true;
}
