import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, LedgerConfig } from '@concord/config';
import { describeStore, EventStore, openProjectionStore, openStore } from '@concord/event-store';
import {
  CheckpointInconsistentError,
  CheckpointSigningKey,
  FileCheckpointMemory,
  GENERATED_SIGNING_KEY_FILE,
  LAST_SIGNED_CHECKPOINT_FILE,
  loadSigningKey,
  openTransparencyStore,
  RememberedCheckpoint,
  TransparencyStore,
} from '@concord/transparency';
import { GENERATED_KEYS_FILE } from './auth/api-keys';
import { openKeyRegistry } from './auth/keys/open-key-registry';
import { OpenedResources } from './ledger.module';

interface Closable {
  close(): Promise<void>;
}

/**
 * Opens what the ledger runs on before Nest starts, in order, so that one that cannot be used stops
 * the start with its own error and closes those opened before it.
 */
export async function openResources(config: LedgerConfig, onStoreRetry: (attempt: number, error: unknown, delayMs: number) => void): Promise<OpenedResources> {
  const opened: Closable[] = [];
  const keep = <T extends Closable>(resource: T): T => {
    opened.push(resource);
    return resource;
  };
  try {
    const store = keep(await openStore(config.store, { dataDir: config.dataDir, connectRetry: { forMs: config.esdbConnectRetryMs, onRetry: onStoreRetry } }));
    const projections = keep(await openProjectionStore(config.store, config.dataDir));
    const keyRegistry = keep(await openKeyRegistry(config.store, config.dataDir));
    const transparency = keep(await openTransparencyStore(config.store, config.dataDir));
    await refuseKeyWithoutItsLog(config, store, transparency);
    await refuseNewKeyForSignedLog(config, transparency);
    keepLedgerFilesPrivate(config);
    const signingKey = checkpointSigningKey(config, await logNameOf(transparency, config));
    return { store, projections, keyRegistry, transparency, signingKey };
  } catch (error) {
    for (const resource of opened.reverse()) await resource.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The name the log's checkpoints carry. `CONCORD_LOG_ORIGIN` names it when given; otherwise a log
 * already signed keeps the name of the key it is signed with (or was last), and only a new log is
 * named after the public URL. Setting `CONCORD_PUBLIC_URL` on a running ledger renamed its log
 * without a word, and its auditors' pinned verifier key no longer matched the checkpoints.
 */
export async function logNameOf(transparency: TransparencyStore, config: LedgerConfig): Promise<string> {
  if (config.transparency.originGiven) return config.transparency.origin;
  const keys = await transparency.publishedKeys();
  const current = keys.find((key) => key.until === null) ?? keys.at(-1);
  if (current !== undefined) return current.name;
  if (config.transparency.originProblem !== undefined) throw new ConfigError(config.transparency.originProblem);
  return config.transparency.origin;
}

/** How long a generated key may go unpublished: an instance starting beside it may not have published it yet. */
const KEY_PUBLISHED_WITHIN_MS = 10 * 60_000;

/**
 * A signing key generated into the data directory publishes itself into the log it signs moments
 * after. Found over ten minutes old beside a store that holds no event and no published key, it
 * belongs to a log that is gone: the ledger file removed or not mounted, or another store named.
 * Starting would begin a new, empty log and sign it with the key auditors pinned: a signed rollback
 * of everything recorded. (A younger one is an instance starting beside this one, or a first start
 * stopped before it published.)
 */
async function refuseKeyWithoutItsLog(config: LedgerConfig, store: EventStore, transparency: TransparencyStore): Promise<void> {
  await refuseRememberedLogMissing(config, store, transparency);
  if (config.transparency.signingKeyFile !== undefined) return;
  const keyFile = join(config.dataDir, GENERATED_SIGNING_KEY_FILE);
  const keyWritten = statSync(keyFile, { throwIfNoEntry: false })?.mtimeMs;
  if (keyWritten === undefined || Date.now() - keyWritten < KEY_PUBLISHED_WITHIN_MS) return;
  if ((await store.headPosition()) > 0 || (await transparency.publishedKeys()).length > 0) return;
  throw new ConfigError(
    `CONCORD_DATA_DIR ${config.dataDir} holds the checkpoint signing key of a ledger (${GENERATED_SIGNING_KEY_FILE}), but the store holds no event and no published key: the ledger's store is missing (a file removed or not mounted, or another store named). Restore it from a backup; to begin a new ledger in this directory instead, move the key away first`,
  );
}

/**
 * The API keeps the last checkpoint it signed in the data directory (`last-signed-checkpoint.txt`).
 * Beside a store that holds no event and no published key, it names a log that is gone: another
 * schema or file named by mistake. Starting would record a new ledger there, under the same name
 * and key (one given with CONCORD_SIGNING_KEY_FILE too).
 */
async function refuseRememberedLogMissing(config: LedgerConfig, store: EventStore, transparency: TransparencyStore): Promise<void> {
  const remembered = (await recallLastSigned(config))?.treeSize;
  if (remembered === undefined || remembered === 0) return;
  if ((await store.headPosition()) > 0 || (await transparency.publishedKeys()).length > 0) return;
  throw new ConfigError(
    `CONCORD_DATA_DIR ${config.dataDir} holds the last checkpoint this ledger's API signed (${remembered} events, ${LAST_SIGNED_CHECKPOINT_FILE}), but the store (${describeStore(config.store)}) holds no event and no published key: the ledger's store is missing (another file or schema named, or not mounted). Name the ledger's store; to begin a new ledger with this data directory instead, move that file away first`,
  );
}

/**
 * The last checkpoint the API signed, read at the start. A file that holds no checkpoint is the
 * signer's to refuse, with its own words (`CheckpointInconsistentError`); one this process cannot
 * read at all (another owner, a directory in its place) stops the start naming it, or every
 * checkpoint and proof would answer 500 while the instance called itself healthy.
 */
async function recallLastSigned(config: LedgerConfig): Promise<RememberedCheckpoint | undefined> {
  const memory = new FileCheckpointMemory(join(config.dataDir, LAST_SIGNED_CHECKPOINT_FILE));
  try {
    return await memory.recall();
  } catch (error) {
    if (error instanceof CheckpointInconsistentError) return undefined;
    const { code } = error as NodeJS.ErrnoException;
    throw new ConfigError(
      `CONCORD_DATA_DIR ${config.dataDir} holds ${LAST_SIGNED_CHECKPOINT_FILE}, which this process cannot read (${code ?? (error as Error).message}): give the user the API runs as read and write access to it`,
    );
  }
}

/**
 * Without a key file, the start generates a key, and publishing it ends the period of the key in
 * use, for good (a closed key is not opened again). Beside a log signed by a key still in use, a
 * data directory holding none is one restored or copied without it, or a new instance's: the key
 * in use is what it needs. Handing signing to a new key is an operator's deliberate act, with
 * `CONCORD_SIGNING_KEY_FILE`.
 */
async function refuseNewKeyForSignedLog(config: LedgerConfig, transparency: TransparencyStore): Promise<void> {
  if (config.transparency.signingKeyFile !== undefined) return;
  if (statSync(join(config.dataDir, GENERATED_SIGNING_KEY_FILE), { throwIfNoEntry: false }) !== undefined) return;
  const inUse = (await transparency.publishedKeys()).find((key) => key.until === null);
  if (inUse === undefined) return;
  throw new ConfigError(
    `the log's checkpoints are signed by the key ${inUse.verifierKey} (in use since ${inUse.from}), but CONCORD_DATA_DIR ${config.dataDir} holds no ${GENERATED_SIGNING_KEY_FILE} and CONCORD_SIGNING_KEY_FILE is not set: a key generated now would end that key's period for good. Give the key in use (put ${GENERATED_SIGNING_KEY_FILE} back into CONCORD_DATA_DIR, or name it with CONCORD_SIGNING_KEY_FILE); to hand signing to a new key on purpose, name that one with CONCORD_SIGNING_KEY_FILE`,
  );
}

/**
 * Files the ledger creates are its owner's alone (the start sets umask 077), but one made before
 * it did, copied in, or opened up by hand may be readable by others: the SQLite file holds the
 * webhooks' secrets, and the data directory the generated signing and API keys.
 */
function keepLedgerFilesPrivate(config: LedgerConfig): void {
  const generated = [join(config.dataDir, GENERATED_SIGNING_KEY_FILE), join(config.dataDir, GENERATED_KEYS_FILE)];
  const sqlite =
    config.store.kind !== 'sqlite' || config.store.file === ':memory:' ? [] : [config.store.file, `${config.store.file}-wal`, `${config.store.file}-shm`];
  for (const file of [...generated, ...sqlite]) {
    const mode = statSync(file, { throwIfNoEntry: false })?.mode;
    if (mode !== undefined && (mode & 0o077) !== 0) chmodSync(file, mode & 0o700);
  }
}

/** The key that signs checkpoints; one that cannot be read or used stops the start in one line naming its setting. */
function checkpointSigningKey(config: LedgerConfig, origin: string): CheckpointSigningKey {
  const { signingKeyFile } = config.transparency;
  try {
    return loadSigningKey(origin, signingKeyFile, config.dataDir);
  } catch (error) {
    const reason = (error as Error).message;
    if (signingKeyFile !== undefined) throw new ConfigError(`CONCORD_SIGNING_KEY_FILE ${signingKeyFile} cannot be used: ${reason}`);
    throw new ConfigError(`the checkpoint signing key generated in CONCORD_DATA_DIR ${config.dataDir} cannot be used: ${reason}`);
  }
}
