import { allowOnly, flagOption, parseArguments, positionOption, UsageError } from './cli-arguments';

describe('parseArguments', () => {
  it('reads the command, positionals and options in either form', () => {
    const args = parseArguments(['export', '--from', '10', '--to=20', '--json']);
    expect(args.command).toBe('export');
    expect(positionOption(args, 'from')).toBe(10);
    expect(positionOption(args, 'to')).toBe(20);
    expect(args.options.get('json')).toBe(true);
  });

  it('refuses a missing command, an unknown option and a position that is not a number', () => {
    expect(() => parseArguments([])).toThrow(UsageError);
    expect(() => allowOnly(parseArguments(['export', '--form', '3']), ['from', 'to'])).toThrow(/does not take --form/);
    expect(() => positionOption(parseArguments(['export', '--from', 'ten']), 'from')).toThrow(UsageError);
    expect(() => positionOption(parseArguments(['export', '--from']), 'from')).toThrow(UsageError);
  });

  it('reads a flag as given or not, and refuses a flag given a value', () => {
    expect(flagOption(parseArguments(['status', 'kp', '--all-proposals']), 'all-proposals')).toBe(true);
    expect(flagOption(parseArguments(['status', 'kp']), 'all-proposals')).toBe(false);
    expect(() => flagOption(parseArguments(['status', 'kp', '--all-proposals=yes']), 'all-proposals')).toThrow(/--all-proposals takes no value/);
  });
});
