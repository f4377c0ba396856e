import { eventShapeProblem } from '@concord/governance/schemas';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { LedgerConfig } from '@concord/config';
import { KeyService } from '../auth/keys/key-service';
import { EVENT_STORE, EventStore } from '@concord/event-store';
import {
  DEFAULT_SSE_SETTINGS,
  EventFeed,
  LiveEventHub,
  openWebhookRepository,
  WebhookDispatcher,
  WebhookRepository,
  WebhookService,
} from '@concord/integration';

export const WEBHOOK_REPOSITORY = Symbol('WebhookRepository');
const DISPATCHER_POLL_MS = 1000;
const KEY_NO_LONGER_ACCEPTED = 'paused at a start: the ledger no longer accepts the key that registered it (resume it once the key is back)';

/**
 * Starts the live fan-out and webhook delivery with the app; stops both before the store closes,
 * letting delivery attempts in flight finish within the stop's grace so their checkpoints are saved.
 */
@Injectable()
export class IntegrationLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('webhooks');
  private dispatcherStopped: Promise<void> | undefined;

  constructor(
    @Inject(LiveEventHub) private readonly hub: LiveEventHub,
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
    @Inject(WEBHOOK_REPOSITORY) private readonly repository: WebhookRepository,
    @Inject(WebhookService) private readonly webhooks: WebhookService,
    @Inject(KeyService) private readonly keys: KeyService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.pauseWebhooksOfKeysGone();
    this.hub.onDispatched(() => this.dispatcher.wake());
    await this.hub.start();
    this.dispatcher.start();
  }

  /**
   * An environment key is revoked by removing it from `CONCORD_API_KEYS` and restarting: its
   * webhooks must then stop, or they would go on delivering every event to a holder whose key the
   * ledger no longer accepts. They are paused, not removed (a key can go missing by mistake: an
   * environment file not loaded, instances on one database with keys of their own), and delivery
   * starts only after: once the key is back, its holder sees them paused and resumes them.
   */
  private async pauseWebhooksOfKeysGone(): Promise<void> {
    const owners = new Set((await this.repository.listAll()).filter((record) => record.status === 'active').map((record) => record.ownerKeyId));
    for (const keyId of owners) {
      if (await this.keys.accepts(keyId)) continue;
      const webhooksPaused = await this.webhooks.pauseAllOwnedBy(keyId, KEY_NO_LONGER_ACCEPTED);
      this.logger.warn({ msg: 'webhooks of a key no longer accepted paused', keyId, webhooksPaused });
    }
  }

  /**
   * The live streams end before the HTTP server closes, which waits for their connections. The
   * deliveries in flight are not waited for here: the server closes its port only after this
   * hook, and for their grace it would take new connections and record new commands. They finish
   * (or are cut) beside the server's own close, and are awaited before the store closes.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.dispatcherStopped = this.dispatcher.stop();
    await this.hub.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcherStopped;
    await this.repository.close();
  }
}

export function integrationProviders(config: LedgerConfig): Provider[] {
  const settings = config.integration;
  return [
    { provide: EventFeed, useFactory: (store: EventStore) => new EventFeed(store, config.publicUrl, eventShapeProblem), inject: [EVENT_STORE] },
    {
      provide: LiveEventHub,
      useFactory: (store: EventStore, feed: EventFeed) => {
        const logger = new Logger('events');
        return new LiveEventHub(
          store,
          feed,
          {
            ...DEFAULT_SSE_SETTINGS,
            heartbeatMs: settings.sseHeartbeatMs,
            bufferEvents: settings.sseBufferEvents,
            flushMs: settings.sseFlushMs,
            streamsPerOwner: settings.sseStreamsPerKey,
          },
          { warn: (entry) => logger.warn(entry) },
        );
      },
      inject: [EVENT_STORE, EventFeed],
    },
    { provide: WEBHOOK_REPOSITORY, useFactory: () => openWebhookRepository(config.store, config.dataDir) },
    {
      provide: WebhookDispatcher,
      useFactory: (repository: WebhookRepository, store: EventStore, feed: EventFeed) => {
        const logger = new Logger('webhooks');
        return new WebhookDispatcher(
          repository,
          store,
          feed,
          {
            retryBaseMs: settings.webhookRetryBaseMs,
            maxAttempts: settings.webhookMaxAttempts,
            leaseMs: settings.webhookLeaseMs,
            timeoutMs: settings.webhookTimeoutMs,
            allowPrivate: settings.webhookAllowPrivate,
            pollMs: DISPATCHER_POLL_MS,
          },
          { info: (entry) => logger.log(entry), warn: (entry) => logger.warn(entry) },
        );
      },
      inject: [WEBHOOK_REPOSITORY, EVENT_STORE, EventFeed],
    },
    {
      provide: WebhookService,
      useFactory: (repository: WebhookRepository, feed: EventFeed, dispatcher: WebhookDispatcher) =>
        new WebhookService(repository, feed, {
          allowPrivate: settings.webhookAllowPrivate,
          timeoutMs: settings.webhookTimeoutMs,
          changed: () => dispatcher.wake(),
        }),
      inject: [WEBHOOK_REPOSITORY, EventFeed, WebhookDispatcher],
    },
    IntegrationLifecycle,
  ];
}
