import 'reflect-metadata';
import { resolveApiKeys } from './auth/api-keys';
import { ConfigError, loadConfig } from './config/ledger-config';
import { createLedgerApp } from './app.factory';
import { JsonLogger } from './logging/json-logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  const { keys, generatedFile } = resolveApiKeys(config.apiKeys, config.dataDir);
  if (generatedFile) {
    logger.warn({ msg: 'no CONCORD_API_KEYS set: generated one key per role; they are not printed', keysFile: generatedFile }, 'auth');
  }
  const app = await createLedgerApp(config, keys, logger);
  await app.listen(config.port, config.host);
  logger.log({ msg: 'ledger listening', url: await app.getUrl(), dataDir: config.dataDir, store: 'sqlite' }, 'main');
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
