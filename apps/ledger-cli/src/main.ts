import { ConfigError, loadConfig } from '@concord/config';
import { describeStore, EventStore, openStore, StoreUnavailableError } from '@concord/event-store';
import { allowOnly, CliArguments, parseArguments, positionOption, UsageError } from './cli-arguments';
import { exportLog } from './commands/export-command';
import { importLog, LedgerNotEmptyError } from './commands/import-command';
import { InvalidLineError } from './commands/import-validation';
import { Progress } from './progress';

const USAGE = `usage: concord <command> [options]

commands:
  export [--from N] [--to N]     write the global log as JSON Lines to stdout (positions inclusive)
  import <file.jsonl>            load an export into an empty ledger, checking every line first

The store is the API's: CONCORD_STORE, CONCORD_STORE_URL, CONCORD_STORE_SCHEMA, CONCORD_DATA_DIR.
Exit codes: 0 done, 1 findings or errors, 2 bad usage.`;

async function run(args: CliArguments, store: () => Promise<EventStore>): Promise<void> {
  switch (args.command) {
    case 'export': {
      allowOnly(args, ['from', 'to']);
      if (args.positionals.length > 0) throw new UsageError('export takes no file: redirect stdout (concord export > ledger.jsonl)');
      const range = { from: positionOption(args, 'from'), to: positionOption(args, 'to') };
      if (range.from !== undefined && range.to !== undefined && range.from > range.to) throw new UsageError('--from is after --to');
      const opened = await store();
      try {
        const head = await opened.headPosition();
        const total = Math.max(0, Math.min(range.to ?? head, head) - (range.from ?? 1) + 1);
        await exportLog(opened, process.stdout, range, new Progress('export', total));
      } finally {
        await opened.close();
      }
      return;
    }
    case 'import': {
      allowOnly(args, []);
      const [file, ...more] = args.positionals;
      if (file === undefined || more.length > 0) throw new UsageError('import takes exactly one file');
      const opened = await store();
      try {
        const count = await importLog(opened, file, (total) => new Progress('import', total));
        process.stderr.write(`imported ${count} events from ${file}\n`);
      } finally {
        await opened.close();
      }
      return;
    }
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new UsageError(`unknown command ${args.command}`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArguments(argv);
    const config = loadConfig();
    await run(args, async () => {
      try {
        return await openStore(config.store);
      } catch (error) {
        if (error instanceof StoreUnavailableError) throw new ConfigError(`the store ${describeStore(config.store)} cannot be used: ${error.message}`);
        throw error;
      }
    });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`concord: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InvalidLineError || error instanceof LedgerNotEmptyError || error instanceof ConfigError) {
      process.stderr.write(`concord: ${error.message}\n`);
      return 1;
    }
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      process.stderr.write(`concord: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`concord: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
