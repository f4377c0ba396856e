import { eventShapeProblem } from '@concord/governance/schemas';
import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ConsensusPolicy } from '@concord/governance';
import { EVENT_STORE, EventStore, ProjectionStore } from '@concord/event-store';
import {
  BodyCommandsHandler,
  CLOCK,
  Clock,
  CommandExecutor,
  PendingStamps,
  FoldShelf,
  StreamCachingStore,
  CorrectionCommandsHandler,
  LedgerQueries,
  MeetingCommandsHandler,
  ProposalCommandsHandler,
  systemClock,
  toDomainEvent,
} from '@concord/ledger';
import { ProjectionRunner, ThreadVetting } from '@concord/projections';
import { ApiKeyGuard } from './auth/api-key.guard';
import { UnaskedInputGuard } from './http/unasked-input.guard';
import { ApiKey, Caller } from './auth/api-keys';
import { KeyRegistry } from './auth/keys/key-registry';
import { KeyService, KeyView } from './auth/keys/key-service';
import { KeysController } from './auth/keys/keys.controller';
import { MeController } from './auth/keys/me.controller';
import { BodiesController } from './bodies/bodies.controller';
import { BodyQueriesController } from './bodies/body-queries.controller';
import { BodyListController } from './bodies/body-list.controller';
import { LedgerConfig } from '@concord/config';
import { CorrectionsController } from './corrections/corrections.controller';
import { HealthController } from './health/health.controller';
import { Readiness } from './health/readiness';
import { StoreFailures } from './health/store-failures';
import { RequestLimits } from './abuse/request-limits';
import { ProblemFilter } from './http/problem.filter';
import { RouteMethods } from './http/route-methods';
import { MeetingsController } from './meetings/meetings.controller';
import { ProposalsController } from './proposals/proposals.controller';
import { EventsController } from './integration/events.controller';
import { WebhooksController } from './integration/webhooks.controller';
import { AdminWebhooksController } from './integration/admin-webhooks.controller';
import { integrationProviders, WEBHOOK_REPOSITORY } from './integration/integration.providers';
import { LiveEventHub, WebhookRepository, WebhookService } from '@concord/integration';
import { LedgerMetrics } from './metrics/ledger-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { AsyncApiController } from './schemas/asyncapi.controller';
import { PUBLIC_URL } from './schemas/public-url';
import { SchemasController } from './schemas/schemas.controller';
import { Checkpointer, CheckpointSigningKey, TransparencyStore } from '@concord/transparency';
import { AuditController } from './audit/audit.controller';
import { auditProviders } from './audit/audit.providers';

const CONSENSUS_POLICY = Symbol('ConsensusPolicy');
const COMMAND_STORE = Symbol('CommandStore');
const PROJECTION_STORE = Symbol('ProjectionStore');
const FOLD_SHELF = Symbol('FoldShelf');
const KEY_REGISTRY = Symbol('KeyRegistry');

/** What is opened before Nest starts, so that one that cannot be used stops the start cleanly. */
export interface OpenedResources {
  readonly store: EventStore;
  readonly projections: ProjectionStore;
  readonly keyRegistry: KeyRegistry;
  readonly transparency: TransparencyStore;
  readonly signingKey: CheckpointSigningKey;
}

/** Wires the framework-free ledger into Nest; nothing here decides anything. */
@Module({})
export class LedgerModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_STORE) private readonly projections: ProjectionStore,
    @Inject(KEY_REGISTRY) private readonly keyRegistry: KeyRegistry,
    @Inject(FOLD_SHELF) private readonly foldShelf: FoldShelf,
    private readonly runner: ProjectionRunner,
  ) {}

  static forRoot(config: LedgerConfig, keys: readonly ApiKey[], { store, projections, keyRegistry, transparency, signingKey }: OpenedResources): DynamicModule {
    const providers: Provider[] = [
      { provide: KEY_REGISTRY, useValue: keyRegistry },
      {
        provide: KeyService,
        useFactory: (registry: KeyRegistry, clock: Clock, webhooks: WebhookService, liveEvents: LiveEventHub) => {
          const logger = new Logger('auth');
          // A revoked key's webhooks are removed (no one else may see or manage them) and its
          // streams on this process end; a stream on another instance ends when it reconnects.
          const afterRevoke = async (keyId: string, by: Caller, first: boolean) => {
            const webhooksDeleted = await webhooks.deleteAllOwnedBy(keyId);
            const streamsEnded = liveEvents.endOwnedBy(keyId);
            // Logged once, by the revocation that took effect: revoking it again changes nothing.
            if (first) logger.log({ msg: 'key revoked', keyId, revokedBy: by.keyId, webhooksDeleted, streamsEnded });
          };
          const afterIssue = (issued: KeyView, by: Caller) =>
            logger.log({ msg: 'key issued', keyId: issued.keyId, role: issued.role, holder: issued.name, issuedBy: by.keyId });
          const onError = (error: unknown) =>
            logger.warn({ msg: "a key's last use not written down", reason: error instanceof Error ? error.message : String(error) });
          return new KeyService(keys, registry, clock, onError, afterRevoke, afterIssue);
        },
        inject: [KEY_REGISTRY, CLOCK, WebhookService, LiveEventHub],
      },
      { provide: CLOCK, useValue: systemClock },
      { provide: CONSENSUS_POLICY, useValue: { suspendedObjectionsBlock: config.suspendedObjectionsBlock } satisfies ConsensusPolicy },
      { provide: EVENT_STORE, useValue: store },
      {
        provide: FOLD_SHELF,
        useFactory: (projections: ProjectionStore) => {
          const logger = new Logger('command-side');
          // A fold not stored, or not readable, only makes a later first command read more of its stream.
          const onError = (error: unknown) =>
            logger.warn({ msg: 'a stored command-side fold not written or read', reason: error instanceof Error ? error.message : String(error) });
          return new FoldShelf(projections, onError);
        },
        inject: [PROJECTION_STORE],
      },
      // Commands read their streams through a cache that asks the store only for what is new, and
      // stores the folds of long streams beside the log for the first command after a start.
      {
        provide: COMMAND_STORE,
        useFactory: (store: EventStore, shelf: FoldShelf) => new StreamCachingStore(store, undefined, undefined, shelf, eventShapeProblem),
        inject: [EVENT_STORE, FOLD_SHELF],
      },
      // Shared by the command side, which stamps commands, and the read side, whose answers as of a
      // moment wait for the commands stamped by then.
      { provide: PendingStamps, useValue: new PendingStamps() },
      {
        provide: CommandExecutor,
        useFactory: (store: EventStore, clock: Clock, metrics: LedgerMetrics, stamps: PendingStamps) =>
          new CommandExecutor(store, clock, { appended: (events) => metrics.appended(events) }, stamps),
        inject: [COMMAND_STORE, CLOCK, LedgerMetrics, PendingStamps],
      },
      {
        provide: LedgerMetrics,
        useFactory: (store: EventStore, readSide: ProjectionRunner, liveEvents: LiveEventHub, webhooks: WebhookRepository, checkpointer: Checkpointer) =>
          new LedgerMetrics({
            store,
            readSide,
            liveEvents,
            webhooks,
            checkpoints: {
              latest: () => transparency.latestCheckpoint(),
              get refusedBecause() {
                return checkpointer.refusedBecause;
              },
            },
          }),
        inject: [EVENT_STORE, ProjectionRunner, LiveEventHub, WEBHOOK_REPOSITORY, Checkpointer],
      },
      { provide: PROJECTION_STORE, useValue: projections },
      {
        provide: ProjectionRunner,
        useFactory: (store: EventStore, projections: ProjectionStore) => {
          const logger = new Logger('read-side');
          // A failed commit keeps its rows for the next one; a restart then only catches up from further back.
          const onCommitError = (error: unknown) =>
            logger.warn({ msg: 'read-side rows not stored; will retry', reason: error instanceof Error ? error.message : String(error) });
          const onRowsForgotten = (reason: string) => logger.warn({ msg: 'read-side rows forgotten', reason });
          return new ProjectionRunner(store, toDomainEvent, {
            projections,
            cachedRecords: config.readCacheRecords,
            onCommitError,
            onRowsForgotten,
            problemOf: eventShapeProblem,
            // Vetted before they were signed: a fold from position 1 vets only what no checkpoint covers.
            vouchedThrough: async () => (await transparency.latestCheckpoint())?.treeSize ?? 0,
            parallelVetting: ThreadVetting.forStore(config.store),
          });
        },
        inject: [EVENT_STORE, PROJECTION_STORE],
      },
      {
        provide: LedgerQueries,
        useFactory: (runner: ProjectionRunner, policy: ConsensusPolicy, clock: Clock, stamps: PendingStamps) =>
          new LedgerQueries(runner, policy, clock, stamps),
        inject: [ProjectionRunner, CONSENSUS_POLICY, CLOCK, PendingStamps],
      },
      {
        provide: BodyCommandsHandler,
        useFactory: (store: EventStore, executor: CommandExecutor) => new BodyCommandsHandler(store, executor),
        inject: [COMMAND_STORE, CommandExecutor],
      },
      {
        provide: MeetingCommandsHandler,
        useFactory: (store: EventStore, executor: CommandExecutor) => new MeetingCommandsHandler(store, executor),
        inject: [COMMAND_STORE, CommandExecutor],
      },
      {
        provide: ProposalCommandsHandler,
        useFactory: (store: EventStore, executor: CommandExecutor, policy: ConsensusPolicy) => new ProposalCommandsHandler(store, executor, policy),
        inject: [COMMAND_STORE, CommandExecutor, CONSENSUS_POLICY],
      },
      {
        provide: CorrectionCommandsHandler,
        useFactory: (store: EventStore, executor: CommandExecutor, policy: ConsensusPolicy) => new CorrectionCommandsHandler(store, executor, policy),
        inject: [COMMAND_STORE, CommandExecutor, CONSENSUS_POLICY],
      },
      ...integrationProviders(config),
      ...auditProviders(config, transparency, signingKey),
      { provide: PUBLIC_URL, useValue: config.publicUrl },
      Readiness,
      { provide: StoreFailures, useValue: new StoreFailures() },
      { provide: RequestLimits, useValue: new RequestLimits(config.limits) },
      { provide: APP_GUARD, useClass: ApiKeyGuard },
      // After the key guard: global guards run in the order they are provided.
      { provide: APP_GUARD, useClass: UnaskedInputGuard },
      RouteMethods,
      { provide: APP_FILTER, useClass: ProblemFilter },
    ];
    return {
      module: LedgerModule,
      controllers: [
        KeysController,
        MeController,
        AuditController,
        HealthController,
        MetricsController,
        BodiesController,
        BodyListController,
        BodyQueriesController,
        MeetingsController,
        ProposalsController,
        CorrectionsController,
        EventsController,
        WebhooksController,
        AdminWebhooksController,
        SchemasController,
        AsyncApiController,
      ],
      providers,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // Rows not stored yet would only cost the next start a longer catch-up, so a failure here is not fatal.
    await this.runner.commit().catch(() => undefined);
    await this.foldShelf.settled();
    await this.projections.close();
    await this.keyRegistry.close();
    await this.store.close();
    // The last line of a stop that went through: a process that ends without it was cut short (killed, crashed).
    new Logger('lifecycle').log({ msg: 'stopped: the store is closed' });
  }
}
