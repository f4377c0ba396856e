import 'reflect-metadata';
import { describeStore, StoreUnavailableError } from '@concord/event-store';
import { resolveApiKeys } from './auth/api-keys';
import { ConfigError, LedgerConfig, loadConfig } from '@concord/config';
import { createLedgerApp } from './app.factory';
import { JsonLogger } from './logging/json-logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  const { keys, generatedFile } = resolveApiKeys(config.apiKeys, config.dataDir);
  if (generatedFile) {
    logger.warn({ msg: 'no CONCORD_API_KEYS set: generated one key per role; they are not printed', keysFile: generatedFile }, 'auth');
  }
  const app = await createLedgerApp(config, keys, logger).catch((error: unknown) => {
    throw asSettingProblem(error, config);
  });
  await app.listen(config.port, config.host);
  logger.log({ msg: 'ledger listening', url: await app.getUrl(), dataDir: config.dataDir, store: describeStore(config.store) }, 'main');
}

/** A store that cannot be reached at start is a setting to check, said in one line. */
function asSettingProblem(error: unknown, config: LedgerConfig): unknown {
  if (!(error instanceof StoreUnavailableError)) return error;
  return new ConfigError(`the store set by CONCORD_STORE and CONCORD_STORE_URL (${describeStore(config.store)}) cannot be used: ${error.message}`);
}

main().catch((error: unknown) => {
  // A bad setting is the operator's to fix: one clear line, no stack trace.
  if (error instanceof ConfigError) {
    process.stderr.write(`concord-ledger: ${error.message}\n`);
  } else {
    process.stderr.write(`concord-ledger: failed to start: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}\n`);
  }
  process.exit(1);
});
