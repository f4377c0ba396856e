import { join } from 'node:path';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { LedgerConfig, TransparencySettings } from '@concord/config';
import { EVENT_STORE, EventStore } from '@concord/event-store';
import { eventShapeProblem } from '@concord/governance/schemas';
import {
  AuditProofs,
  Checkpointer,
  CheckpointSigningKey,
  FileCheckpointMemory,
  keyClosedProblem,
  LAST_SIGNED_CHECKPOINT_FILE,
  LogTree,
  LogVetting,
  TransparencyStore,
  TreeFollower,
} from '@concord/transparency';

export const TRANSPARENCY_STORE = Symbol('TransparencyStore');
const TRANSPARENCY_SETTINGS = Symbol('TransparencySettings');
const SIGNING_KEY = Symbol('CheckpointSigningKey');

/**
 * Publishes the signing key, then brings the tree up to the log in the background (a first start
 * on a long ledger computes every leaf once; the API answers meanwhile) and follows it; stops
 * following before the stores close.
 */
@Injectable()
export class TransparencyLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('transparency');
  private starting: Promise<void> | undefined;

  constructor(
    @Inject(TreeFollower) private readonly follower: TreeFollower,
    @Inject(TRANSPARENCY_STORE) private readonly store: TransparencyStore,
    @Inject(SIGNING_KEY) private readonly key: CheckpointSigningKey,
    @Inject(TRANSPARENCY_SETTINGS) private readonly settings: TransparencySettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { name, verifierKey, publicKeyPem, generated } = this.key;
    const inUse = (await this.store.publishedKeys()).find((key) => key.until === null);
    await this.store.publishKey({ name, verifierKey, publicKeyPem, from: new Date().toISOString() });
    const closed = keyClosedProblem(verifierKey, await this.store.publishedKeys());
    if (inUse !== undefined && inUse.verifierKey !== verifierKey && inUse.publicKeyPem === publicKeyPem && closed === undefined) {
      // The same key under another name (CONCORD_LOG_ORIGIN set): not another key, but verifiers need the new verifier key.
      this.logger.warn({
        msg: 'the log is signed under a new name from now (CONCORD_LOG_ORIGIN), with the same key: verifiers need its new verifier key, and instances still under the old name sign no more checkpoints',
        previousName: inUse.name,
        name,
        verifierKey,
      });
    } else if (inUse !== undefined && inUse.verifierKey !== verifierKey && closed === undefined) {
      // Said at once: the instances still holding the other key find out only when they next sign.
      this.logger.warn({
        msg: "this instance's signing key replaced the one in use: instances holding that key sign no more checkpoints; if that was not meant, start this one with the key in use (CONCORD_SIGNING_KEY_FILE)",
        replaced: inUse.verifierKey,
        inUseSince: inUse.from,
        verifierKey,
      });
    }
    if (generated) this.logger.log({ msg: 'checkpoint signing key generated into the data directory', verifierKey });
    // Said at the start, not only at the first checkpoint refused: the operator is looking now.
    if (closed !== undefined) this.logger.error({ msg: 'this instance will sign no checkpoint', reason: closed });
    if (!this.settings.originGiven && name !== this.settings.origin) {
      this.logger.warn({
        msg: 'the log keeps its name: the public URL names a new log only; set CONCORD_LOG_ORIGIN to rename it',
        name,
        fromPublicUrl: this.settings.origin,
      });
    }
    this.starting = this.follower.start().catch((error: unknown) => {
      this.logger.error({ msg: 'the transparency log could not catch up with the ledger', reason: error instanceof Error ? error.message : String(error) });
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.starting;
    await this.follower.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

export function auditProviders(config: LedgerConfig, transparency: TransparencyStore, signingKey: CheckpointSigningKey): Provider[] {
  return [
    { provide: TRANSPARENCY_STORE, useValue: transparency },
    { provide: SIGNING_KEY, useValue: signingKey },
    { provide: TRANSPARENCY_SETTINGS, useValue: config.transparency },
    // Neither hashed nor signed: an event the ledger did not write and could not read back (see eventShapeProblem).
    { provide: LogTree, useFactory: () => LogTree.open(transparency, eventShapeProblem) },
    {
      provide: Checkpointer,
      useFactory: (tree: LogTree, store: EventStore) =>
        new Checkpointer(tree, transparency, signingKey, () => new Date(), {
          vetting: new LogVetting(store, eventShapeProblem),
          memory: new FileCheckpointMemory(join(config.dataDir, LAST_SIGNED_CHECKPOINT_FILE)),
          onMemoryError: (error) =>
            new Logger('transparency').warn({
              msg: 'a checkpoint was signed and stored, but not kept in the data directory: a rollback of the store to before it would not be noticed',
              file: join(config.dataDir, LAST_SIGNED_CHECKPOINT_FILE),
              reason: error instanceof Error ? error.message : String(error),
            }),
        }),
      inject: [LogTree, EVENT_STORE],
    },
    {
      provide: TreeFollower,
      useFactory: (store: EventStore, tree: LogTree, checkpointer: Checkpointer) => {
        const logger = new Logger('transparency');
        return new TreeFollower(store, tree, checkpointer, {
          checkpointEvery: config.transparency.checkpointEvery,
          checkpointIntervalMs: config.transparency.checkpointIntervalMs,
          onError: (error, what) => logger.error({ msg: `transparency log: ${what} failed`, reason: error instanceof Error ? error.message : String(error) }),
        });
      },
      inject: [EVENT_STORE, LogTree, Checkpointer],
    },
    {
      provide: AuditProofs,
      useFactory: (store: EventStore, tree: LogTree, checkpointer: Checkpointer) =>
        new AuditProofs(store, tree, transparency, () => checkpointer.inconsistentBecause()),
      inject: [EVENT_STORE, LogTree, Checkpointer],
    },
    TransparencyLifecycle,
  ];
}
