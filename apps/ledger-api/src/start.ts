import 'reflect-metadata';
import { isAbsolute, relative, resolve } from 'node:path';
import { describeStore, EVENT_STORE, EventStore, missingTableOf, SqliteEventStore, StoreUnavailableError } from '@concord/event-store';
import { probeAddress } from './address-probe';
import { resolveApiKeys } from './auth/api-keys';
import { ConfigError, LedgerConfig, loadConfig } from '@concord/config';
import { createLedgerApp } from './app.factory';
import { JsonLogger } from './logging/json-logger';
import { LoadedProgram } from './program/loaded-program';
import { unwritableSqliteFile } from './writable-sqlite-files';

/**
 * Starts the API: what `main.ts` runs once it has loaded the program, from the build's bundle or
 * module by module (`program/load-program.ts`). A failure ends the process with one line on stderr.
 */
export function startLedgerApi(program: LoadedProgram): void {
  start(program).catch((error: unknown) => {
    // A bad setting is the operator's to fix: one clear line, no stack trace.
    if (error instanceof ConfigError) {
      process.stderr.write(`concord-ledger: ${error.message}\n`);
    } else {
      process.stderr.write(`concord-ledger: failed to start: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}\n`);
    }
    process.exit(1);
  });
}

async function start(program: LoadedProgram): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  await probeAddress(config.port, config.host).catch((error: unknown) => {
    throw asSettingProblem(error, config);
  });
  const { keys, generatedFile } = (() => {
    try {
      return resolveApiKeys(config.apiKeys, config.dataDir);
    } catch (error) {
      throw dataDirProblem(error, config);
    }
  })();
  const unwritable = config.store.kind === 'sqlite' ? unwritableSqliteFile(config.store.file) : undefined;
  if (unwritable !== undefined)
    throw new ConfigError(
      `the SQLite file ${unwritable.path} cannot be written by this process (${unwritable.reason}): every record would be refused. ` +
        'Give the user the API runs as write access to it (and to the other files of the store beside it), or run the API as their owner',
    );
  const app = await createLedgerApp(config, keys, logger).catch((error: unknown) => {
    throw dataDirProblem(asSettingProblem(error, config), config);
  });
  await app.listen(config.port, config.host).catch(async (error: unknown) => {
    await app.close();
    throw asSettingProblem(error, config);
  });
  // Said once the start holds: a refused start prints its one line only (the file stays, for the next).
  if (generatedFile) {
    logger.warn({ msg: 'no CONCORD_API_KEYS set: generated one key per role; they are not printed', keysFile: generatedFile }, 'auth');
  }
  const store = app.get<symbol, EventStore>(EVENT_STORE);
  logger.log(
    {
      msg: 'ledger listening',
      url: await app.getUrl(),
      // The URL names a loopback address even when the server listens on every interface.
      host: config.host,
      dataDir: config.dataDir,
      store: describeStore(config.store),
      // Whether SQLite's appends run on their writer thread, as they should in the API.
      ...(store instanceof SqliteEventStore ? { sqliteWrites: store.writes } : {}),
      program: program.report,
    },
    'main',
  );
  // Written once the start has compiled what it runs, so that the next start can skip compiling it.
  setImmediate(() => {
    const kept = program.keepCompileCache();
    if (kept.written) logger.log({ msg: 'compile cache written for the next start', file: kept.file, bytes: kept.bytes, ms: kept.ms }, 'main');
    else if (kept.problem) logger.warn({ msg: 'compile cache not written; the next start compiles the program again', problem: kept.problem }, 'main');
  });
}

/**
 * What stops a start for a reason the operator can fix (an unusable store, a port in use, an
 * address or directory that cannot be used) is said in one line naming the setting.
 */
function asSettingProblem(error: unknown, config: LedgerConfig): unknown {
  if (error instanceof StoreUnavailableError) {
    const { store } = config;
    if (store.kind === 'sqlite' && isWithin(store.file, config.dataDir)) {
      return new ConfigError(`CONCORD_DATA_DIR ${config.dataDir} cannot be used: its SQLite file ${store.file} cannot be opened: ${error.message}`);
    }
    return new ConfigError(`the store set by CONCORD_STORE and CONCORD_STORE_URL (${describeStore(config.store)}) cannot be used: ${error.message}`);
  }
  const missingTable = missingTableOf(error);
  if (missingTable !== undefined)
    return new ConfigError(
      `the store (${describeStore(config.store)}) has no table ${missingTable}, which every ledger has: it was damaged (a table dropped) or is not a ledger's. Restore it from a backup`,
    );
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return new ConfigError(`PORT ${config.port} is already in use on ${config.host}`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new ConfigError(`HOST ${config.host} is not an address this machine can listen on`);
  if (code === 'EACCES' && typeof (error as { port?: unknown }).port === 'number')
    return new ConfigError(`PORT ${config.port} needs privileges this process does not have`);
  return error;
}

const UNUSABLE_DIRECTORY_CODES = ['ENOTDIR', 'EACCES', 'EROFS', 'EEXIST', 'EPERM', 'ENOSPC'];

/**
 * The data directory holds the keys (and by default the SQLite file): it must be a directory we
 * can write. A path outside it that leads to the SQLite file named by CONCORD_STORE_URL is that
 * setting's problem.
 */
function dataDirProblem(error: unknown, config: LedgerConfig): unknown {
  const { code, path, syscall } = (error ?? {}) as { code?: unknown; path?: unknown; syscall?: unknown };
  // ENOENT from mkdir: a parent that cannot be made where the file system allows none (under /proc).
  const unusable = typeof code === 'string' && (UNUSABLE_DIRECTORY_CODES.includes(code) || (code === 'ENOENT' && syscall === 'mkdir'));
  if (unusable) {
    const storeFile = config.store.kind === 'sqlite' ? config.store.file : undefined;
    const storeFileOfItsOwn = storeFile !== undefined && !isWithin(storeFile, config.dataDir);
    if (typeof path === 'string' && storeFileOfItsOwn && !isWithin(path, config.dataDir) && isWithin(storeFile, path)) {
      return new ConfigError(`CONCORD_STORE_URL ${storeFile} cannot be used (${code}): ${(error as Error).message}`);
    }
    return new ConfigError(`CONCORD_DATA_DIR ${config.dataDir} cannot be used (${code}): ${(error as Error).message}`);
  }
  return error;
}

function isWithin(path: string, directory: string): boolean {
  const from = relative(resolve(directory), resolve(path));
  return from === '' || (!from.startsWith('..') && !isAbsolute(from));
}
