// The API's entry point. It imports only the loader, so that the program itself can come from the
// build's bundle in one read (program/load-program.ts) rather than module by module.
import { loadProgram, ProgramSettingError } from './program/load-program';
import { ProgramEntry } from './program/loaded-program';

// Files the ledger creates (the SQLite file and its journal, keys) are its owner's alone: the file
// holds the webhooks' signing secrets.
process.umask(0o077);

try {
  const { entry, program } = loadProgram({
    directory: __dirname,
    setting: process.env.CONCORD_BUNDLE,
    // Required only when there is no bundle to use: an import would load every module first.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadModules: () => require('./start') as ProgramEntry,
  });
  entry.startLedgerApi(program);
} catch (error) {
  process.stderr.write(
    error instanceof ProgramSettingError
      ? `concord-ledger: ${error.message}\n`
      : `concord-ledger: failed to load the program: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}\n`,
  );
  process.exit(1);
}
