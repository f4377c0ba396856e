import { InMemoryEventStore } from '@concord/event-store';
import { EventFeed } from '../feed/event-feed';
import { InMemoryWebhookRepository } from '../webhooks/stores/in-memory-webhook-repository';
import { DispatcherSettings, WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { PostOutcome, WebhookPost } from '../webhooks/webhook-post';
import { SignedHeaders, verifyWebhook } from '../webhooks/webhook-signature';
import { WebhookService } from '../webhooks/webhook-service';

export const SETTINGS: DispatcherSettings = { retryBaseMs: 1, maxAttempts: 3, leaseMs: 30_000, timeoutMs: 1000, allowPrivate: true, pollMs: 20 };
export const OK: PostOutcome = { status: 204, retryAfter: undefined, error: null };
export const failing = (status: number, retryAfter?: string): PostOutcome => ({ status, retryAfter, error: `HTTP ${status}` });

export interface Received {
  readonly id: string;
  readonly position: number;
  /** Whether a signature in the header is `secret`'s at the time of the attempt. */
  readonly verified: boolean;
  readonly url: string;
  readonly signed: SignedHeaders;
  readonly body: string;
}

/** A receiver that answers from a script (OK once the script runs out) and checks each signature. */
export class Receiver {
  readonly received: Received[] = [];
  inFlight = 0;
  maxInFlight = 0;
  secret = '';

  constructor(private readonly script: PostOutcome[] = []) {}

  readonly post: WebhookPost = async (url, body, headers) => {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const signed = {
      'webhook-id': headers['webhook-id'] ?? '',
      'webhook-timestamp': headers['webhook-timestamp'] ?? '',
      'webhook-signature': headers['webhook-signature'] ?? '',
    };
    this.received.push({
      id: signed['webhook-id'],
      position: (JSON.parse(body) as { position: number }).position,
      verified: verifyWebhook(this.secret, signed, body),
      url,
      signed,
      body,
    });
    this.inFlight -= 1;
    return this.script.shift() ?? OK;
  };

  get positions(): number[] {
    return this.received.map((entry) => entry.position);
  }
}

export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Where a dispatcher sends its events, its service and the store it follows, with quiet logs. */
export function setUp(receivers: Receiver[], settings: DispatcherSettings = SETTINGS, now?: () => Date) {
  const store = new InMemoryEventStore();
  const repository = new InMemoryWebhookRepository();
  const feed = new EventFeed(store, 'https://ledger.example.org');
  const quiet = { info: () => undefined, warn: () => undefined };
  const dispatchers = receivers.map(
    (receiver) => new WebhookDispatcher(repository, store, feed, settings, quiet, { post: receiver.post, ...(now === undefined ? {} : { now }) }),
  );
  const service = new WebhookService(repository, feed, {
    allowPrivate: true,
    timeoutMs: settings.timeoutMs,
    changed: () => dispatchers.forEach((dispatcher) => dispatcher.wake()),
    ...(receivers[0] === undefined ? {} : { post: receivers[0].post }),
    ...(now === undefined ? {} : { now }),
  });
  return { store, repository, feed, service, dispatchers };
}

/**
 * Dispatchers a test starts, stopped after each test: `start` them in the test, and the suite's
 * `afterEach` stops every one started.
 */
export function startedDispatchers(): { start(dispatchers: WebhookDispatcher[]): void; stopAll(): Promise<void> } {
  const running: WebhookDispatcher[] = [];
  return {
    start(dispatchers) {
      dispatchers.forEach((dispatcher) => dispatcher.start());
      running.push(...dispatchers);
    },
    stopAll: async () => {
      await Promise.all(running.splice(0).map((dispatcher) => dispatcher.stop()));
    },
  };
}
